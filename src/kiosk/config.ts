/**
 * Per-kiosk settings read from the address, so one build serves every kiosk:
 * `/kiosk/ro/bucuresti-nord/?idle=90&langs=uk,ro&orientation=portrait`.
 * Only whitelisted parameters with values inside their bounds are taken; the
 * rest fall back to the defaults and are reported, never guessed at.
 */
export type KioskOrientation = 'auto' | 'portrait' | 'landscape';

export interface KioskConfig {
  /** Seconds without a touch before "Are you still there?" appears. */
  readonly idleSeconds: number;
  /** Seconds the "Are you still there?" countdown runs before the kiosk starts again. */
  readonly countdownSeconds: number;
  /** Languages offered first and cycled on the attract screen; empty means the station's own. */
  readonly languages: readonly string[];
  /** `auto` follows the screen; the others force a layout when the screen reports the wrong one. */
  readonly orientation: KioskOrientation;
}

export interface ParsedKioskConfig {
  readonly config: KioskConfig;
  /** One sentence per ignored parameter, for whoever sets the kiosk up. */
  readonly problems: readonly string[];
}

export const KIOSK_BOUNDS = {
  idle: { min: 20, max: 600, fallback: 60 },
  countdown: { min: 5, max: 30, fallback: 10 },
} as const;

const ORIENTATIONS: readonly KioskOrientation[] = ['auto', 'portrait', 'landscape'];
const KNOWN_PARAMETERS = ['idle', 'countdown', 'langs', 'orientation'] as const;

/** What a kiosk does when its address sets nothing (or something out of bounds): the one source of every default. */
export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  idleSeconds: KIOSK_BOUNDS.idle.fallback,
  countdownSeconds: KIOSK_BOUNDS.countdown.fallback,
  languages: [],
  orientation: 'auto',
};

function wholeSecondsWithin(name: keyof typeof KIOSK_BOUNDS, raw: string | null, problems: string[]): number {
  const { min, max, fallback } = KIOSK_BOUNDS[name];
  if (raw === null) return fallback;
  const value = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name}="${raw}" is not a whole number of seconds from ${min} to ${max}; using ${fallback}`);
  return fallback;
}

function siteLanguagesIn(raw: string | null, siteLanguages: readonly string[], problems: string[]): string[] {
  if (raw === null) return [...DEFAULT_KIOSK_CONFIG.languages];
  const wanted = raw
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((code) => !siteLanguages.includes(code));
  if (unknown.length > 0)
    problems.push(
      `langs: ${unknown.join(', ')} not among the site's languages (${siteLanguages.join(', ')}); left out`,
    );
  const known = [...new Set(wanted.filter((code) => siteLanguages.includes(code)))];
  if (wanted.length === 0) problems.push("langs is empty; using the station's languages");
  return known;
}

function orientationOf(raw: string | null, problems: string[]): KioskOrientation {
  const fallback = DEFAULT_KIOSK_CONFIG.orientation;
  if (raw === null) return fallback;
  const found = ORIENTATIONS.find((orientation) => orientation === raw.trim().toLowerCase());
  if (found) return found;
  problems.push(`orientation="${raw}" is not one of ${ORIENTATIONS.join(', ')}; using ${fallback}`);
  return fallback;
}

/** Reads the kiosk's settings from a query string (`location.search`). */
export function parseKioskConfig(
  search: string | URLSearchParams,
  siteLanguages: readonly string[],
): ParsedKioskConfig {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  for (const name of new Set(params.keys())) {
    if (!(KNOWN_PARAMETERS as readonly string[]).includes(name))
      problems.push(`"${name}" is not a kiosk setting (known: ${KNOWN_PARAMETERS.join(', ')}); ignored`);
  }
  const config: KioskConfig = {
    idleSeconds: wholeSecondsWithin('idle', params.get('idle'), problems),
    countdownSeconds: wholeSecondsWithin('countdown', params.get('countdown'), problems),
    languages: siteLanguagesIn(params.get('langs'), siteLanguages, problems),
    orientation: orientationOf(params.get('orientation'), problems),
  };
  return { config, problems };
}

/** The languages in display order: the featured ones first (those the site has), then the rest in site order. */
export function featuredFirst(all: readonly string[], featured: readonly string[]): string[] {
  const first = featured.filter((code, index) => all.includes(code) && featured.indexOf(code) === index);
  return [...first, ...all.filter((code) => !first.includes(code))];
}
