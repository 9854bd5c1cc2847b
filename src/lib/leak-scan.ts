/**
 * The staff-build leak check, as pure logic: which strings and numbers of
 * content/staff count as staff-only, and where in a set of files they occur
 * however a build or an editor wrote them. Files are decoded first (HTML
 * entities, JavaScript and JSON escapes, URL encoding). Texts are compared as
 * words (case, quotes, apostrophes, dashes, punctuation and tags folded away),
 * and any 6 consecutive words of a longer text count; numbers are compared as
 * digits only, in national and international form.
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

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  ndash: '–',
  mdash: '—',
};

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

/** A number needs this many digits before finding it means it leaked (shorter ones are public short codes or extensions). */
export const MIN_DIGITS = 6;

/**
 * The digit strings a phone number can be written as, separators aside:
 * national (with the trunk prefix, "0232 12 34 56"), international
 * ("+40 232 123 456", "0040 …"), international with the trunk prefix in
 * brackets ("+40 (0)232 …"), and the national significant number alone.
 */
export function numberDigitForms(number: string): string[] {
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed) return [number.replace(/\D/g, '')];
  const nsn = String(parsed.nationalNumber);
  const cc = String(parsed.countryCallingCode);
  const national = parsed.formatNational().replace(/\D/g, '');
  return [...new Set([nsn, national, `${cc}${nsn}`, `${cc}0${nsn}`, `00${cc}${nsn}`, `00${cc}0${nsn}`])];
}

/**
 * The words of a text as the phrase search compares them: Unicode-normalised,
 * lower case, apostrophes inside words dropped (don’t = don't = dont), every
 * other mark (quotes, dashes, commas, full stops, tags' brackets) a word break.
 */
export function phraseWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`\u00b4\u2032]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** A text is found by any run of this many of its consecutive words (the whole text when shorter): half a sentence is still a leak. */
export const FRAGMENT_WORDS = 6;

/** The word runs that give a text away: the whole text, or every run of FRAGMENT_WORDS consecutive words. */
export function phraseFragments(text: string): string[] {
  const words = phraseWords(text);
  if (words.length <= FRAGMENT_WORDS) return [words.join(' ')];
  return [
    ...new Set(
      words
        .slice(0, words.length - FRAGMENT_WORDS + 1)
        .map((_, at) => words.slice(at, at + FRAGMENT_WORDS).join(' ')),
    ),
  ];
}

const IDENTIFIER = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_OR_TIME = /^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|24\/7)$/;
const wordCount = (text: string) => phraseWords(text).length;

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
  const countable = [...numbers].filter((number) => number.replace(/\D/g, '').length >= MIN_DIGITS);
  return {
    secrets: [
      ...long.map((text) => ({ kind: 'text' as const, label: text, forms: phraseFragments(text) })),
      ...countable.map((number) => ({
        kind: 'number' as const,
        label: number,
        forms: numberDigitForms(number),
      })),
    ],
    tooShort: [
      ...[...texts].filter((text) => wordCount(text) < MIN_WORDS),
      ...[...numbers].filter((number) => !countable.includes(number)),
    ].sort(),
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

/** Separators that may stand between the digit groups of one phone number: spaces, dots, dashes, slashes, brackets. */
const DIGIT_RUN = /\d+(?:[\s.\-\u2010-\u2015\u2212/()]{1,3}\d+)*/g;
/** Longest digit string a number form can have (00 + country code + trunk 0 + 15 digits is never reached). */
const MAX_DIGITS = 18;

/**
 * Every digit string a file writes as one number: each run of consecutive
 * digit groups joined by separators, separators dropped ("0232 12 34 56",
 * "0232-123-456" and "+40 (0)232 123456" all hold their number's digits).
 * Runs start and end at group edges, so a number is not "found" in the middle
 * of a longer one.
 */
export function digitStrings(text: string): Set<string> {
  const found = new Set<string>();
  for (const run of text.match(DIGIT_RUN) ?? []) {
    const groups = run.match(/\d+/g) ?? [];
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (
        let last = first;
        last < groups.length && digits.length + (groups[last]?.length ?? 0) <= MAX_DIGITS;
        last++
      ) {
        digits += groups[last];
        if (digits.length >= MIN_DIGITS) found.add(digits);
      }
    }
  }
  return found;
}

/** Tags inside a line of text, removed so a phrase split by <strong> or <br> still reads as one. */
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|br|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;
/** Any other tag ends a block of text (a heading, a paragraph): no phrase runs across it. */
const BLOCK_TAG = /<\/?[a-z][^<>]*>/gi;

/** The ways a file is read for phrases: as written (tags' names break words), and block by block with inline tags removed. */
const phraseViews = (text: string): string[] => [text, ...text.replace(INLINE_TAG, ' ').split(BLOCK_TAG)];

interface Fragment {
  readonly secret: Secret;
  readonly form: string;
  readonly words: readonly string[];
}

function indexFragments(secrets: readonly Secret[]): Map<string, Fragment[]> {
  const byFirstWord = new Map<string, Fragment[]>();
  for (const secret of secrets.filter((s) => s.kind === 'text')) {
    for (const form of secret.forms) {
      const words = form.split(' ').filter(Boolean);
      if (words.length === 0) continue;
      const list = byFirstWord.get(words[0] as string) ?? [];
      list.push({ secret, form, words });
      byFirstWord.set(words[0] as string, list);
    }
  }
  return byFirstWord;
}

/** Calls `found` for every fragment that occurs in the text, read as written and block by block with inline tags removed. */
function eachFragmentIn(
  text: string,
  byFirstWord: ReadonlyMap<string, Fragment[]>,
  found: (fragment: Fragment) => void,
): void {
  for (const view of phraseViews(text)) {
    const words = phraseWords(view);
    words.forEach((word, at) => {
      for (const fragment of byFirstWord.get(word) ?? []) {
        if (fragment.words.every((expected, offset) => words[at + offset] === expected)) found(fragment);
      }
    });
  }
}

/**
 * Every place any secret occurs in the files (one hit per secret and file).
 * Texts: their fragments among the file's words, read as written and block by
 * block with inline tags removed. Numbers: their digit forms among the file's digit strings.
 */
export function findSecrets(files: readonly ScannedFile[], secrets: readonly Secret[]): Hit[] {
  const byFirstWord = indexFragments(secrets);
  const numbers = secrets.filter((s) => s.kind === 'number');
  const hits: Hit[] = [];
  for (const file of files) {
    const found = new Map<Secret, string>();
    eachFragmentIn(file.text, byFirstWord, (fragment) => {
      if (!found.has(fragment.secret)) found.set(fragment.secret, fragment.form);
    });
    if (numbers.length > 0) {
      const digits = digitStrings(file.text);
      for (const secret of numbers) {
        const form = secret.forms.find((candidate) => digits.has(candidate));
        if (form) found.set(secret, form);
      }
    }
    for (const [secret, form] of found) hits.push({ secret, form, path: file.path });
  }
  return hits;
}

export interface PublicOverlap {
  /** The secrets with the forms public text does not also hold; a secret with none left is dropped. */
  readonly secrets: readonly Secret[];
  /** Fragments (and number forms) that public sources hold too, so finding them proves nothing. */
  readonly sharedForms: number;
  /** Staff texts and numbers written in public sources in full: public, not staff-only. */
  readonly public: readonly string[];
}

/**
 * Staff content quotes public wording (a checklist reuses a sentence of an
 * information page). A fragment the public sources (content outside staff/,
 * translations) also hold is public by origin: finding it in a build proves
 * nothing, so it is not searched. The rest of that text still is.
 */
export function withoutPublicForms(
  secrets: readonly Secret[],
  publicTexts: readonly string[],
): PublicOverlap {
  const shared = new Set<string>();
  const byFirstWord = indexFragments(secrets);
  const digits = new Set<string>();
  for (const text of publicTexts) {
    const searchable = searchableText(text);
    eachFragmentIn(searchable, byFirstWord, (fragment) => shared.add(fragment.form));
    for (const found of digitStrings(searchable)) digits.add(found);
  }
  // A number written publicly in any form is public in every form.
  const isShared = (secret: Secret, form: string) =>
    secret.kind === 'text' ? shared.has(form) : secret.forms.some((candidate) => digits.has(candidate));
  const kept = secrets.map((secret) => ({
    ...secret,
    forms: secret.forms.filter((form) => !isShared(secret, form)),
  }));
  return {
    secrets: kept.filter((secret) => secret.forms.length > 0),
    sharedForms: secrets.reduce(
      (sum, secret) => sum + secret.forms.filter((form) => isShared(secret, form)).length,
      0,
    ),
    public: kept.filter((secret) => secret.forms.length === 0).map((secret) => secret.label),
  };
}
