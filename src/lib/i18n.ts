import i18next, { type InitOptions, type TOptions } from 'i18next';
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

/** How the site's i18next is set up (tests set up a second instance the same way to compare against). */
export const I18NEXT_INIT: Readonly<InitOptions> = {
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

const instance = i18next.createInstance();
void instance.init({ ...I18NEXT_INIT });

export interface Translator {
  (key: string, options?: TOptions): string;
  readonly lang: string;
  /** True when this language has its own text for the key. */
  has(key: string): boolean;
}

const translators = new Map<string, Translator>();

/** Options i18next reads itself (plural forms, context, defaults, other languages…): text asked with them goes to i18next. */
const I18NEXT_OPTIONS = new Set([
  'count',
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
 * `template` with each placeholder replaced by `options[name]`, as i18next (not escaping; Astro
 * escapes) fills it; undefined where i18next would do more than that (an option of its own, a
 * missing or non-text value), so the caller asks i18next.
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

/** One fixed `t` per language, created once. */
export function useTranslations(lang: string): Translator {
  let translator = translators.get(lang);
  if (!translator) {
    const fixed = instance.getFixedT(lang);
    // A build asks for the same keys on thousands of pages: each answer is worked out once.
    const has = memoised((key) => instance.exists(key, { lng: lang, fallbackLng: false }));
    // Text this language lacks comes from English, marked so the page can say lang="en" around it.
    const lookUp = (key: string, options?: TOptions) => {
      const text = String(fixed(key, options));
      return lang === SOURCE_LANGUAGE || has(key) ? text : markFallback(text);
    };
    const plain = memoised((key) => lookUp(key));
    // Text with a station's or a country's name in it is asked for on every page with a different
    // name: the template is found and cut once, and its {{placeholders}} filled here, as i18next would fill them.
    const ownTemplate = memoised((key) => {
      const text: unknown = instance.getResource(lang, 'translation', key);
      return typeof text === 'string' ? templateOf(text) : undefined;
    });
    const translate = (key: string, options?: TOptions) => {
      if (options === undefined) return plain(key);
      const template = has(key) ? ownTemplate(key) : undefined;
      return (template && filledTemplate(template, options)) ?? lookUp(key, options);
    };
    translator = Object.assign(translate, {
      lang,
      has,
    });
    translators.set(lang, translator);
  }
  return translator;
}
