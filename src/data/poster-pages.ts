/**
 * One print page per station and format, with everything the page prints
 * worked out here so the page itself only lays it out.
 */
import { POSTER_FORMATS, posterVersion, printedShortLink, qrSymbol, type PosterFormat, type PosterVersion, type PrintedNumbers, type QrSymbol } from '../lib/poster';
import type { LanguageCode } from '../lib/languages';
import { contentRoot, currentPosterOfStation, posterOrigin, stationPosterInputs } from './posters';
import { readSiteContent } from './read-content';
import { getSite, type Station } from './site';

export interface PosterPage {
  readonly station: Station;
  readonly format: PosterFormat;
  readonly languages: readonly LanguageCode[];
  readonly numbers: PrintedNumbers;
  readonly qr: QrSymbol;
  /** What the QR holds: the short link in upper case. */
  readonly qrText: string;
  /** The short link as printed under the QR, for typing. */
  readonly printedLink: string;
  readonly version: PosterVersion;
}

/** The site's public origin, or undefined when the build is for a local address (then no posters are made). */
export function sitePosterOrigin(): URL | undefined {
  return posterOrigin(import.meta.env.SITE);
}

/** Every station's poster pages, one per format; none when the site is built for localhost. */
export async function posterPages(): Promise<PosterPage[]> {
  const origin = sitePosterOrigin();
  if (!origin) return [];
  const { stations } = await getSite();
  const lock = readSiteContent(contentRoot()).posterLock;
  return stations.flatMap((station) => {
    const current = currentPosterOfStation(station, origin);
    const shared = {
      station,
      ...stationPosterInputs(station),
      qr: qrSymbol(current.facts.link),
      qrText: current.facts.link,
      printedLink: printedShortLink(origin, station.data.code),
      version: posterVersion(lock, current.facts),
    };
    return POSTER_FORMATS.map((format) => ({ ...shared, format }));
  });
}
