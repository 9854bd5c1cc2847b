/**
 * What "Save for offline" stores: a pack of page URLs in the languages the
 * person chose, and the stylesheets and scripts those pages load. The HTML
 * carries a compact template (paths with "{lang}") so the station page stays
 * small; the browser expands it. Pure: the site, the service worker, the
 * budgets and `npm run measure:offline` all take their page lists from here.
 */
import { countryUrl, helpersUrl, helpUrl, infoUrl, offlineUrl, stationUrl, verifyUrl } from '../lib/urls';

export interface PackTemplate {
  /** Stable id, e.g. "station:ro/bucuresti-nord" or "country:ro". */
  readonly id: string;
  /** What the saved list shows, e.g. the station name. */
  readonly label: string;
  /** Paths containing "{lang}". */
  readonly paths: readonly string[];
}

export interface PackMeta {
  readonly id: string;
  readonly label: string;
  readonly languages: readonly string[];
  /** The pages, as the template expanded them. */
  readonly urls: readonly string[];
  /** Bytes of the pages as served (what the person is told). */
  readonly bytes: number;
  /** Stylesheets and scripts the pages load, stored beside them so saved pages open styled; absent in packs saved before. */
  readonly assets?: readonly string[];
  readonly assetBytes?: number;
  readonly savedAt: string;
}

export const PACK_CACHE_PREFIX = 'pack:';
/** Where a pack keeps its own description, inside its cache. */
export const PACK_META_PATH = '/__pack__/meta.json';

export function packCacheName(id: string): string {
  return `${PACK_CACHE_PREFIX}${id}`;
}

/** Stands for the language in a template path. */
export const LANG = '{lang}';

/** The information pages a station page offers under "Know more" (the design brief's row, in its order). */
export const KNOW_MORE_INFO_PAGES: readonly string[] = [
  'is-this-offer-safe',
  'signs-of-trafficking',
  'your-rights',
  'how-to-report',
  'stay-safe-on-the-journey',
];

/**
 * What a pack stores of the information pages: those a station page links to
 * ("Know more", and how to leave the site safely from every page's footer),
 * not every one, so a pack stays small as information pages are added.
 */
export const PACKED_INFO_PAGES: readonly string[] = [...KNOW_MORE_INFO_PAGES, 'quick-exit-safety'];

/** What a country pack and a station pack both hold: the country's numbers, the offline page, the information pages that exist. */
export function countryPackPaths(country: string, infoSlugs: readonly string[]): string[] {
  const info = PACKED_INFO_PAGES.filter((slug) => infoSlugs.includes(slug));
  return [
    countryUrl(LANG, country),
    helpUrl(LANG, country),
    offlineUrl(LANG),
    ...info.map((slug) => infoUrl(LANG, slug)),
  ];
}

/** One station: its page, its helpers page and the badge check (so a badge can be checked in the station without data), and its country's pages. */
export function stationPackPaths(country: string, station: string, infoSlugs: readonly string[]): string[] {
  return [
    stationUrl(LANG, country, station),
    helpersUrl(LANG, country, station),
    verifyUrl(LANG),
    ...countryPackPaths(country, infoSlugs),
  ];
}

/** A travel pack: every station of a country, for people who are moving on. */
export function wholeCountryPackPaths(
  country: string,
  stations: readonly string[],
  infoSlugs: readonly string[],
): string[] {
  return [
    ...stations.map((station) => stationUrl(LANG, country, station)),
    ...countryPackPaths(country, infoSlugs),
  ];
}

export function expandPack(template: PackTemplate, languages: readonly string[]): string[] {
  const urls = languages.flatMap((lang) => template.paths.map((path) => path.replaceAll(LANG, lang)));
  return [...new Set(urls)];
}

/** The language of /{lang}/…, the first path segment when it has a language's shape: what the offline page should speak. */
export function languageOfPath(pathname: string): string | undefined {
  return /^\/([a-z]{2})\//.exec(pathname)?.[1];
}

/** The country segment of /{lang}/{country}/…, if any. */
export function countryOfPath(pathname: string): string | undefined {
  const second = pathname.split('/')[2] ?? '';
  return /^[a-z]{2}$/.test(second) ? second : undefined;
}

export function formatBytes(bytes: number, lang: string): string {
  const kilobytes = bytes / 1024;
  return kilobytes < 1024
    ? new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
        Math.max(1, kilobytes),
      )
    : new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
        kilobytes / 1024,
      );
}
