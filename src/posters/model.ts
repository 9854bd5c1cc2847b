/**
 * Posters, tear-off sheets and stickers: what each format is, which facts a
 * station's poster prints, and the lock that keeps printed codes working.
 * Pure logic, model in and facts out: the fingerprint (node:crypto) is in
 * fingerprint.ts, the lock file on disk in lock-file.ts.
 */
import type { ContentSet } from '../lib/content-check';
import { isLanguageCode, type LanguageCode } from '../lib/languages';
import type { QrSymbol } from '../lib/qr';
import { shortLinkUrl } from '../lib/urls';
import type { Hours, OpeningSpan, Phone } from '../schemas/common';
import type { ContactData } from '../schemas/contact';

/** The meta tag each print page carries with the address of its PDF (components/PosterLayout.astro, read back by print-pdf.ts). */
export const POSTER_PDF_META = 'safe-station:poster-pdf';

export type PosterFormatId = 'a4' | 'a3' | 'tearoff' | 'sticker';

export interface PosterFormat {
  readonly id: PosterFormatId;
  /** Paper size in millimetres, portrait. */
  readonly paper: { readonly name: string; readonly width: number; readonly height: number };
  /** Printed width of the QR symbol without its quiet zone, in millimetres. */
  readonly qrMm: number;
  /** The smallest the issue allows, so a change of layout cannot go below it unnoticed. */
  readonly minQrMm: number;
}

export const POSTER_FORMATS: readonly PosterFormat[] = [
  { id: 'a4', paper: { name: 'A4', width: 210, height: 297 }, qrMm: 100, minQrMm: 80 },
  { id: 'a3', paper: { name: 'A3', width: 297, height: 420 }, qrMm: 141, minQrMm: 120 },
  { id: 'tearoff', paper: { name: 'A4', width: 210, height: 297 }, qrMm: 80, minQrMm: 80 },
  { id: 'sticker', paper: { name: 'A6', width: 105, height: 148 }, qrMm: 60, minQrMm: 35 },
];

/** Hosts that only work on the machine that built the site: a poster must never point there. */
export function isLocalOrigin(origin: string | URL): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127\./.test(host)
  );
}

/** The public origin posters point to, or undefined when the site is built for a local address (then no posters are made). */
export function posterOrigin(site: string | URL | undefined): URL | undefined {
  if (!site) return undefined;
  const url = new URL(site);
  return isLocalOrigin(url) ? undefined : url;
}

/**
 * What the QR code holds: the short link in upper case, so the whole text is
 * in the QR alphanumeric set and the symbol stays small. The site serves this
 * exact upper-case path too (src/pages/[shortLinkPrefix]/[code]/).
 */
export function qrPayload(origin: string | URL, code: string): string {
  if (isLocalOrigin(origin))
    throw new Error(
      `Refusing to make a poster for ${new URL(origin).origin}: set SITE_URL to the public address of the site.`,
    );
  return new URL(shortLinkUrl(code), origin).href.toUpperCase();
}

/** The short link as printed under the QR code, for people who type it: host and path, no scheme. */
export function printedShortLink(origin: string | URL, code: string): string {
  return `${new URL(origin).host}${shortLinkUrl(code)}`;
}

/**
 * The country's own language(s) first, so a poster always speaks the language of
 * the place it hangs in; then the country's poster languages, then the station's
 * own, each once; only languages the site can write.
 */
export function posterLanguages(
  localLanguages: readonly string[],
  countryPosterLanguages: readonly string[],
  stationLanguages: readonly string[],
): LanguageCode[] {
  return [...new Set([...localLanguages, ...countryPosterLanguages, ...stationLanguages])].filter(
    isLanguageCode,
  );
}

/** Printed size of one QR module in millimetres for a format. */
export function moduleSizeMm(format: PosterFormat, symbol: Pick<QrSymbol, 'modules'>): number {
  return format.qrMm / symbol.modules;
}

export interface PrintedNumbers {
  readonly emergency: Phone;
  readonly helpline: Phone;
  /** The helpline's opening times where it is not open around the clock; left out when 24/7 or unknown. */
  readonly helplineHours?: OpeningSpan[];
}

/**
 * The two numbers a poster prints: 112 (or the country's first emergency
 * number) and the national anti-trafficking line as dialled inside the country,
 * with its hours when it is not always open.
 */
export function printedNumbers(
  emergency: readonly ContactData[],
  antiTrafficking: readonly ContactData[],
): PrintedNumbers {
  const emergencyPhones = emergency.flatMap((contact) => contact.phones);
  const helplinePhones = antiTrafficking[0]?.phones ?? [];
  const emergencyPhone = emergencyPhones.find((phone) => phone.number === '112') ?? emergencyPhones[0];
  const helpline =
    helplinePhones.find((phone) => phone.from !== 'abroad' && phone.kind !== 'sms') ?? helplinePhones[0];
  if (!emergencyPhone || !helpline)
    throw new Error(
      'A poster needs an emergency number and a national anti-trafficking helpline with a phone number.',
    );
  const hours = limitedHours(antiTrafficking[0]?.hours);
  return hours
    ? { emergency: emergencyPhone, helpline, helplineHours: hours }
    : { emergency: emergencyPhone, helpline };
}

/** Opening times worth printing: a line open around the clock (or at unknown times) prints none. */
function limitedHours(hours: Hours | undefined): OpeningSpan[] | undefined {
  return Array.isArray(hours) ? hours : undefined;
}

/** Opening times in one language-neutral line, as the lock records them: "mon,tue 09:00-17:00; fri 09:00-14:00". */
export function hoursKey(hours: readonly OpeningSpan[]): string {
  return hours.map((span) => `${span.days.join(',')} ${span.opens}-${span.closes}`).join('; ');
}

/** The facts a printed poster carries. When any of them changes, printed posters are out of date. */
export interface PrintedFacts {
  readonly code: string;
  /** What the QR code holds. */
  readonly link: string;
  readonly languages: readonly string[];
  readonly numbers: { readonly emergency: string; readonly helpline: string };
  /** The helpline's printed opening times (hoursKey), only where it is not open around the clock. */
  readonly helplineHours?: string;
}

export function printedFacts(input: {
  code: string;
  origin: string | URL;
  languages: readonly string[];
  numbers: PrintedNumbers;
}): PrintedFacts {
  const facts: PrintedFacts = {
    code: input.code,
    link: qrPayload(input.origin, input.code),
    languages: [...input.languages],
    numbers: { emergency: input.numbers.emergency.number, helpline: input.numbers.helpline.number },
  };
  return input.numbers.helplineHours
    ? { ...facts, helplineHours: hoursKey(input.numbers.helplineHours) }
    : facts;
}

/**
 * What the fingerprint of the printed facts hashes (fingerprint.ts): key order fixed, so it does not depend on how they
 * were built. Hours join only when printed, so posters of lines open around the clock keep the hash they were locked with.
 */
export function fingerprintText(facts: PrintedFacts): string {
  const printed = [facts.code, facts.link, facts.languages, facts.numbers.emergency, facts.numbers.helpline];
  return JSON.stringify(facts.helplineHours === undefined ? printed : [...printed, facts.helplineHours]);
}

/**
 * What a poster needs of a station. The resolved site's Station (src/data/site.ts) has this shape;
 * posterStationsOfContent() gives it to a raw content folder.
 */
export interface PosterStation {
  /** The URL slug, e.g. "bucuresti-nord". */
  readonly slug: string;
  readonly data: { readonly code: string; readonly languages: readonly string[] };
  readonly country: {
    readonly code: string;
    readonly data: { readonly languages: readonly string[]; readonly posterLanguages: readonly string[] };
    readonly emergency: readonly { readonly data: ContactData }[];
    readonly antiTrafficking: readonly { readonly data: ContactData }[];
  };
}

/** Everything a station's posters print besides the layout: the one place printed facts are worked out. */
export interface StationPoster {
  readonly code: string;
  /** The station the code is printed for, e.g. "ro/bucuresti-nord". */
  readonly station: string;
  readonly languages: readonly LanguageCode[];
  readonly numbers: PrintedNumbers;
  readonly facts: PrintedFacts;
}

export function stationPoster(station: PosterStation, origin: string | URL): StationPoster {
  const { country } = station;
  const languages = posterLanguages(
    country.data.languages,
    country.data.posterLanguages,
    station.data.languages,
  );
  const numbers = printedNumbers(
    country.emergency.map((contact) => contact.data),
    country.antiTrafficking.map((contact) => contact.data),
  );
  return {
    code: station.data.code,
    station: `${country.code}/${station.slug}`,
    languages,
    numbers,
    facts: printedFacts({ code: station.data.code, origin, languages, numbers }),
  };
}

/**
 * A raw content folder (src/data/read-content.ts) as poster stations: each station with its country and the
 * country's emergency and anti-trafficking contacts. The content gate has already checked every reference.
 */
export function posterStationsOfContent(content: ContentSet): PosterStation[] {
  const contacts = new Map(content.contacts.map((entry) => [entry.id, { data: entry.data }]));
  const resolve = (ids: readonly string[]) => ids.flatMap((id) => contacts.get(id) ?? []);
  const countries = new Map(
    content.countries.map((entry) => [
      entry.data.code,
      {
        code: entry.data.code,
        data: entry.data,
        emergency: resolve(entry.data.emergency),
        antiTrafficking: resolve(entry.data.antiTrafficking),
      },
    ]),
  );
  return content.stations.map((entry) => {
    const country = countries.get(entry.data.country);
    if (!country)
      throw new Error(`${entry.file} → country: no country "${entry.data.country}" in content/countries/`);
    return { slug: entry.id.split('/').pop() ?? entry.id, data: entry.data, country };
  });
}

// ───────────────────────────── the lock ─────────────────────────────

export interface LockEntry {
  /** The station the code was printed for, e.g. "ro/bucuresti-nord". */
  readonly station: string;
  readonly version: number;
  readonly hash: string;
  readonly facts: PrintedFacts;
  /** The day this version was recorded (YYYY-MM-DD). */
  readonly locked: string;
}

/** Every short code ever printed, keyed by code. Codes are never removed. */
export interface PosterLock {
  readonly posters: Readonly<Record<string, LockEntry>>;
}

export const EMPTY_LOCK: PosterLock = { posters: {} };

/** One station's poster as the content describes it now, with the fingerprint of its facts (fingerprint.ts). */
export interface CurrentPoster {
  readonly code: string;
  readonly station: string;
  readonly facts: PrintedFacts;
  readonly hash: string;
}

export type PosterState = 'locked' | 'changed' | 'new';

export interface PosterVersion {
  readonly version: number;
  readonly hash: string;
  /** locked: the printed facts match the lock; changed: posters in the wild are out of date; new: never locked. */
  readonly state: PosterState;
}

/** The version printed on the poster: the locked one while the facts match, the next one once they change. */
export function posterVersion(lock: PosterLock, poster: Pick<CurrentPoster, 'code' | 'hash'>): PosterVersion {
  const { hash } = poster;
  const entry = lock.posters[poster.code];
  if (!entry) return { version: 1, hash, state: 'new' };
  if (entry.hash === hash) return { version: entry.version, hash, state: 'locked' };
  return { version: entry.version + 1, hash, state: 'changed' };
}

/** Codes in the lock that no station has any more: printed posters with these codes would lead nowhere. */
export function missingLockedCodes(lock: PosterLock, stationCodes: readonly string[]): string[] {
  const present = new Set(stationCodes);
  return Object.keys(lock.posters)
    .filter((code) => !present.has(code))
    .sort();
}

export function missingCodesMessage(lock: PosterLock, missing: readonly string[], lockFile: string): string {
  const lines = missing.map((code) => {
    const entry = lock.posters[code];
    return `  ✗ ${code}: printed on posters for ${entry?.station ?? 'a station'} (v${entry?.version ?? '?'}), but no station in content/stations/ has code "${code}" any more; restore the station file or its code`;
  });
  return [
    `${missing.length} short code(s) in ${lockFile} no longer lead to a station; printed posters would break.`,
    ...lines,
    '  Short codes are permanent: a code printed once must keep working.',
  ].join('\n');
}

/** What differs between the locked facts and the current ones, in words. */
export function describeChanges(before: PrintedFacts, after: PrintedFacts): string[] {
  const changes: string[] = [];
  if (before.link !== after.link) changes.push(`QR link ${before.link} → ${after.link}`);
  if (before.numbers.emergency !== after.numbers.emergency)
    changes.push(`emergency number ${before.numbers.emergency} → ${after.numbers.emergency}`);
  if (before.numbers.helpline !== after.numbers.helpline)
    changes.push(`helpline ${before.numbers.helpline} → ${after.numbers.helpline}`);
  if (before.languages.join() !== after.languages.join())
    changes.push(`languages ${before.languages.join(', ')} → ${after.languages.join(', ')}`);
  if (before.helplineHours !== after.helplineHours)
    changes.push(
      `helpline hours ${before.helplineHours ?? 'none printed'} → ${after.helplineHours ?? 'none printed'}`,
    );
  return changes;
}

export interface LockStatus {
  readonly changed: readonly { code: string; station: string; from: number; to: number; changes: string[] }[];
  readonly added: readonly CurrentPoster[];
  readonly missing: readonly string[];
  readonly unchanged: readonly string[];
}

export function lockStatus(lock: PosterLock, current: readonly CurrentPoster[]): LockStatus {
  const changed: { code: string; station: string; from: number; to: number; changes: string[] }[] = [];
  const added: CurrentPoster[] = [];
  const unchanged: string[] = [];
  for (const poster of [...current].sort((a, b) => a.code.localeCompare(b.code))) {
    const entry = lock.posters[poster.code];
    const version = posterVersion(lock, poster);
    if (!entry) added.push(poster);
    else if (version.state === 'changed')
      changed.push({
        code: poster.code,
        station: poster.station,
        from: entry.version,
        to: version.version,
        changes: describeChanges(entry.facts, poster.facts),
      });
    else unchanged.push(poster.code);
  }
  return {
    changed,
    added,
    missing: missingLockedCodes(
      lock,
      current.map((p) => p.code),
    ),
    unchanged,
  };
}

/**
 * The lock after recording the current posters: new codes at version 1,
 * changed facts at the next version, and every code already locked kept.
 */
export function updateLock(lock: PosterLock, current: readonly CurrentPoster[], today: string): PosterLock {
  const posters: Record<string, LockEntry> = { ...lock.posters };
  for (const poster of current) {
    const version = posterVersion(lock, poster);
    if (version.state === 'locked' && posters[poster.code]?.station === poster.station) continue;
    posters[poster.code] = {
      station: poster.station,
      version: version.version,
      hash: version.hash,
      facts: poster.facts,
      locked: today,
    };
  }
  return { posters: Object.fromEntries(Object.entries(posters).sort(([a], [b]) => a.localeCompare(b))) };
}

/** "RO-BN-A4 · v2 · 3f9a2c1d07be": what identifies a printed sheet. */
export function posterId(code: string, format: PosterFormat, version: PosterVersion): string {
  return `${code}-${format.id.toUpperCase()} · v${version.version} · ${version.hash}`;
}
