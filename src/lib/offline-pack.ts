/**
 * What "Save for offline" stores: a pack of page URLs in the languages the
 * person chose. The HTML carries a compact template (paths with "{lang}") so
 * the station page stays small; the browser expands it.
 */
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
  readonly urls: readonly string[];
  readonly bytes: number;
  readonly savedAt: string;
}

export const PACK_CACHE_PREFIX = 'pack:';
/** Where a pack keeps its own description, inside its cache. */
export const PACK_META_PATH = '/__pack__/meta.json';

export function packCacheName(id: string): string {
  return `${PACK_CACHE_PREFIX}${id}`;
}

export function expandPack(template: PackTemplate, languages: readonly string[]): string[] {
  const urls = languages.flatMap((lang) => template.paths.map((path) => path.replaceAll('{lang}', lang)));
  return [...new Set(urls)];
}

/** The first path segment when it is a site language: what the offline page should speak. */
export function languageOfPath(pathname: string, languages: readonly string[], fallback = 'en'): string {
  const first = pathname.split('/')[1] ?? '';
  return languages.includes(first) ? first : fallback;
}

/** The country segment of /{lang}/{country}/…, if any. */
export function countryOfPath(pathname: string): string | undefined {
  const second = pathname.split('/')[2] ?? '';
  return /^[a-z]{2}$/.test(second) ? second : undefined;
}

export function formatBytes(bytes: number, lang: string): string {
  const kilobytes = bytes / 1024;
  return kilobytes < 1024
    ? new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, kilobytes))
    : new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(kilobytes / 1024);
}
