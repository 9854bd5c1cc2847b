/**
 * The one list of languages the site speaks. Everything else (routes, the
 * switcher, fonts, review banners, i18n:check) reads from here.
 */
export type Direction = 'ltr' | 'rtl';
export type Script = 'Latn' | 'Cyrl' | 'Arab';

export type ReviewStatus =
  | { readonly status: 'source' }
  | { readonly status: 'machine-drafted' }
  | { readonly status: 'reviewed'; readonly date: string; readonly by: string };

export interface Language {
  readonly code: string;
  /** The language's name in itself, as shown in the switcher. */
  readonly name: string;
  readonly englishName: string;
  readonly dir: Direction;
  readonly script: Script;
  readonly review: ReviewStatus;
}

const drafted: ReviewStatus = { status: 'machine-drafted' };

export const LANGUAGES = [
  {
    code: 'en',
    name: 'English',
    englishName: 'English',
    dir: 'ltr',
    script: 'Latn',
    review: { status: 'source' },
  },
  { code: 'ro', name: 'Română', englishName: 'Romanian', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'uk', name: 'Українська', englishName: 'Ukrainian', dir: 'ltr', script: 'Cyrl', review: drafted },
  { code: 'ru', name: 'Русский', englishName: 'Russian', dir: 'ltr', script: 'Cyrl', review: drafted },
  { code: 'pl', name: 'Polski', englishName: 'Polish', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'hu', name: 'Magyar', englishName: 'Hungarian', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'bg', name: 'Български', englishName: 'Bulgarian', dir: 'ltr', script: 'Cyrl', review: drafted },
  { code: 'de', name: 'Deutsch', englishName: 'German', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'nl', name: 'Nederlands', englishName: 'Dutch', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'fr', name: 'Français', englishName: 'French', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'es', name: 'Español', englishName: 'Spanish', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'it', name: 'Italiano', englishName: 'Italian', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'ar', name: 'العربية', englishName: 'Arabic', dir: 'rtl', script: 'Arab', review: drafted },
  { code: 'fa', name: 'فارسی', englishName: 'Persian (Farsi)', dir: 'rtl', script: 'Arab', review: drafted },
  { code: 'sq', name: 'Shqip', englishName: 'Albanian', dir: 'ltr', script: 'Latn', review: drafted },
  { code: 'vi', name: 'Tiếng Việt', englishName: 'Vietnamese', dir: 'ltr', script: 'Latn', review: drafted },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const SOURCE_LANGUAGE: LanguageCode = 'en';

export const ALL_LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);

const byCode = new Map<string, Language>(LANGUAGES.map((l) => [l.code, l]));

export function isLanguageCode(code: string): code is LanguageCode {
  return byCode.has(code);
}

export function getLanguage(code: string): Language {
  const language = byCode.get(code);
  if (!language) throw new Error(`Unknown language code "${code}". Known: ${ALL_LANGUAGE_CODES.join(', ')}.`);
  return language;
}

/**
 * Languages to build. `PUBLIC_LOCALES=en,uk` builds a subset for fast local
 * work; English is always kept because it is the fallback for every string.
 */
export function selectLanguages(subset: string | undefined): LanguageCode[] {
  if (!subset?.trim()) return [...ALL_LANGUAGE_CODES];
  const wanted = subset
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const unknown = wanted.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    throw new Error(
      `PUBLIC_LOCALES names unknown language(s): ${unknown.join(', ')}. Known: ${ALL_LANGUAGE_CODES.join(', ')}.`,
    );
  }
  return ALL_LANGUAGE_CODES.filter((code) => code === SOURCE_LANGUAGE || wanted.includes(code));
}
