/**
 * The staff-build leak check, as pure logic: which strings and numbers of
 * content/staff count as staff-only, how to spell them the ways a build may
 * write them (HTML entities, JavaScript and JSON escapes, URL encoding,
 * grouped phone digits), and where in a set of files they occur.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface Secret {
  readonly kind: 'text' | 'number';
  /** What the report shows: the text itself or the number in E.164. */
  readonly label: string;
  /** Normalised spellings to look for; any one of them is a hit. */
  readonly forms: readonly string[];
}

export interface SecretSet {
  readonly secrets: readonly Secret[];
  /** Texts too short to tell a leak from an ordinary word ("Police"), listed so the report shows them. */
  readonly tooShort: readonly string[];
}

/** A text needs this many words before finding it in the public site means it leaked. */
export const MIN_WORDS = 3;

/** Lower case, one space for any run of white space, invisible characters dropped, NFC. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', ndash: '–', mdash: '—' };

/** Undoes the escaping a build may apply: JavaScript/JSON string escapes, HTML character references. */
export function decodeEscapes(text: string): string {
  return text
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[nrt]/g, ' ')
    .replace(/\\([\\'"/`])/g, '$1')
    .replace(/&#x([0-9a-fA-F]{1,6});?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/g, (entity, name: string) => NAMED_ENTITIES[name] ?? entity);
}

/** Decodes runs of %XX (URLs, sitemaps); runs that are not valid UTF-8 stay as they are. */
export function decodePercentRuns(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The text of a built file as the search sees it: escapes undone, then normalised; URL-encoded runs decoded too. */
export function searchableText(raw: string): string {
  const decoded = decodeEscapes(raw);
  const withUrls = decoded.includes('%') ? `${decoded}\u0000${decodePercentRuns(decoded)}` : decoded;
  return normalizeForSearch(withUrls);
}

/** The ways a phone number can appear: its national digits (inside +E.164 and tel: links too), and grouped as people dial it. */
export function numberSpellings(number: string): string[] {
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed) return [normalizeForSearch(number)];
  return [...new Set([String(parsed.nationalNumber), parsed.formatNational(), parsed.formatInternational()].map(normalizeForSearch))];
}

const IDENTIFIER = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_OR_TIME = /^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|24\/7)$/;
const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/**
 * Every staff-only string and number in some staff content (parsed YAML):
 * each `number` field is a number; every other string is a text, except
 * identifiers and dates (roles, statuses, situation ids), which say nothing.
 */
export function collectSecrets(documents: readonly unknown[]): SecretSet {
  const texts = new Set<string>();
  const numbers = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'number') numbers.add(value);
      else if (!IDENTIFIER.test(value) && !DATE_OR_TIME.test(value)) texts.add(value.trim());
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, key));
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  documents.forEach((document) => visit(document, undefined));
  const long = [...texts].filter((text) => wordCount(text) >= MIN_WORDS);
  return {
    secrets: [
      ...long.map((text) => ({ kind: 'text' as const, label: text, forms: [normalizeForSearch(text)] })),
      ...[...numbers].map((number) => ({ kind: 'number' as const, label: number, forms: numberSpellings(number) })),
    ],
    tooShort: [...texts].filter((text) => wordCount(text) < MIN_WORDS).sort(),
  };
}

export interface ScannedFile {
  readonly path: string;
  /** Already passed through searchableText(). */
  readonly text: string;
}

export interface Hit {
  readonly secret: Secret;
  readonly form: string;
  readonly path: string;
}

/** Every place any secret occurs in the files (one hit per secret and file). */
export function findSecrets(files: readonly ScannedFile[], secrets: readonly Secret[]): Hit[] {
  // One long text with the file boundaries remembered: one indexOf pass per spelling instead of one per file.
  const SEPARATOR = '\u0001';
  const starts: number[] = [];
  let joined = '';
  for (const file of files) {
    starts.push(joined.length);
    joined += file.text + SEPARATOR;
  }
  const fileAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return files[low]?.path ?? '';
  };
  const hits: Hit[] = [];
  for (const secret of secrets) {
    const seen = new Set<string>();
    for (const form of secret.forms) {
      if (!form) continue;
      for (let at = joined.indexOf(form); at !== -1; at = joined.indexOf(form, at + 1)) {
        const path = fileAt(at);
        if (!seen.has(path)) hits.push({ secret, form, path });
        seen.add(path);
      }
    }
  }
  return hits;
}
