/**
 * One print page per station and format, with everything the page prints
 * worked out here so the page itself only lays it out. Reads the resolved
 * site (astro:content), so only pages import it.
 */
import { getSite, type Station } from '../data/site';
import { qrSymbol, type QrSymbol } from '../lib/qr';
import { fingerprinted } from './fingerprint';
import { readSiteContent } from '../data/read-content';
import { contentRoot } from './lock-file';
import {
  POSTER_FORMATS,
  posterOrigin,
  posterVersion,
  printedShortLink,
  stationPoster,
  type PosterFormat,
  type PosterVersion,
  type StationPoster,
} from './model';

export interface PosterPage extends Pick<StationPoster, 'languages' | 'numbers'> {
  readonly station: Station;
  readonly format: PosterFormat;
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
    const poster = fingerprinted(stationPoster(station, origin));
    const shared = {
      station,
      languages: poster.languages,
      numbers: poster.numbers,
      qr: qrSymbol(poster.facts.link),
      qrText: poster.facts.link,
      printedLink: printedShortLink(origin, station.data.code),
      version: posterVersion(lock, poster),
    };
    return POSTER_FORMATS.map((format) => ({ ...shared, format }));
  });
}
