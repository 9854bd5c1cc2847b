import i18next, { type i18n, type InitOptions, type TOptions } from 'i18next';
import { markFallback } from './fallback-markup';
import { SOURCE_LANGUAGE } from './languages';
import { memoised } from './memo';

type Messages = { [key: string]: string | Messages };

const localeModules = import.meta.glob<Messages>('../../locales/*.json', { eager: true, import: 'default' });

/** Every locale file, keyed by language code (the file name). */
export const localeMessages: Record<string, Messages> = Object.fromEntries(
  Object.entries(localeModules).map(([path, messages]) => [
    path.replace(/^.*\/(\w+)\.json$/, '$1'),
    messages,
  ]),
);

const I18NEXT_INIT: Readonly<InitOptions> = {
  resources: Object.fromEntries(
    Object.entries(localeMessages).map(([lang, messages]) => [lang, { translation: messages }]),
  ),
  fallbackLng: SOURCE_LANGUAGE,
  initAsync: false,
  // Astro escapes on output; escaping here too would show "&amp;" on screen.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
};

/** An i18next set up as the site's (tests make their own to compare against, or to add text to). */
export function newI18next(): i18n {
  const made = i18next.createInstance();
  void made.init({ ...I18NEXT_INIT });
  return made;
}

const instance = newI18next();

export interface Translator {
  (key: string, options?: TOptions): string;
  readonly lang: string;
  /** True when this language has its own text for the key. */
  has(key: string): boolean;
}

const translators = new Map<string, Translator>();

/**
 * Options i18next reads itself (context, defaults, other languages…): text asked with them goes to
 * i18next. `count` is not among them: it picks a plural form only where the key has some, and
 * templates are only cut for keys without (see `translatorFor`); elsewhere it is a value like any other.
 */
const I18NEXT_OPTIONS = new Set([
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'keySeparator',
  'nsSeparator',
]);

/** Text cut at its {{name}} placeholders: text, name, text, name, …, text. */
export type Template = readonly string[];

/**
 * `text` cut at its placeholders, once per key; undefined where it holds more of i18next's own
 * syntax than placeholders (a nested $t(…), {{- raw}}, {{value, format}}), so i18next answers.
 */
export function templateOf(text: string): Template | undefined {
  if (text.includes('$t(')) return undefined;
  const parts = text.split(/\{\{(\w+)\}\}/);
  return parts.some((part, index) => index % 2 === 0 && part.includes('{{')) ? undefined : parts;
}

/**
 * `template` (of a key without plural forms) with each placeholder replaced by `options[name]`, as
 * i18next (not escaping; Astro escapes) fills it; undefined where i18next would do more than that
 * (an option of its own, a missing or non-text value), so the caller asks i18next.
 */
export function filledTemplate(template: Template, options: TOptions): string | undefined {
  for (const name of Object.keys(options)) if (I18NEXT_OPTIONS.has(name)) return undefined;
  let text = template[0] ?? '';
  for (let index = 1; index < template.length; index += 2) {
    const value: unknown = options[template[index] ?? ''];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    text += String(value) + (template[index + 1] ?? '');
  }
  return text;
}

/** i18next's plural suffixes (`key_one`, `key_other`…, and `key_zero` for a count of 0). */
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** A `t` for `lang` answered from `i18n` (made by `newI18next`). */
export function translatorFor(i18n: i18n, lang: string): Translator {
  const fixed = i18n.getFixedT(lang);
  const resource = (key: string): unknown => i18n.getResource(lang, 'translation', key);
  const hasPluralForms = (key: string) =>
    PLURAL_SUFFIXES.some((suffix) => resource(`${key}_${suffix}`) !== undefined);
  // A build asks for the same keys on thousands of pages: each answer is worked out once.
  const has = memoised((key) => i18n.exists(key, { lng: lang, fallbackLng: false }) || hasPluralForms(key));
  // Text this language lacks comes from English, marked so the page can say lang="en" around it.
  const lookUp = (key: string, options?: TOptions) => {
    const text = String(fixed(key, options));
    return lang === SOURCE_LANGUAGE || has(key) ? text : markFallback(text);
  };
  const plain = memoised((key) => lookUp(key));
  // Text with a station's or a country's name (or a number) in it is asked for on every page with a
  // different value: the template is found and cut once, and its {{placeholders}} filled here, as
  // i18next would fill them. A key with plural forms is left to i18next, which picks the form.
  const ownTemplate = memoised((key) => {
    const text = resource(key);
    return typeof text === 'string' && !hasPluralForms(key) ? templateOf(text) : undefined;
  });
  const translate = (key: string, options?: TOptions) => {
    if (options === undefined) return plain(key);
    const template = has(key) ? ownTemplate(key) : undefined;
    return (template && filledTemplate(template, options)) ?? lookUp(key, options);
  };
  return Object.assign(translate, { lang, has });
}

/** One fixed `t` per language, created once. */
export function useTranslations(lang: string): Translator {
  let translator = translators.get(lang);
  if (!translator) {
    translator = translatorFor(instance, lang);
    translators.set(lang, translator);
  }
  return translator;
}
