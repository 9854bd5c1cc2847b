import i18next, { type TOptions } from 'i18next';
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

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(
    Object.entries(localeMessages).map(([lang, messages]) => [lang, { translation: messages }]),
  ),
  fallbackLng: SOURCE_LANGUAGE,
  initAsync: false,
  // Astro escapes on output; escaping here too would show "&amp;" on screen.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
});

export interface Translator {
  (key: string, options?: TOptions): string;
  readonly lang: string;
  /** True when this language has its own text for the key. */
  has(key: string): boolean;
}

const translators = new Map<string, Translator>();

/** One fixed `t` per language, created once. */
export function useTranslations(lang: string): Translator {
  let translator = translators.get(lang);
  if (!translator) {
    const fixed = instance.getFixedT(lang);
    // A build asks for the same keys on thousands of pages: each answer is worked out once. Answers with
    // options (a station's name, a count) repeat less, so fewer of them are kept.
    const has = memoised((key) => instance.exists(key, { lng: lang, fallbackLng: false }));
    // Text this language lacks comes from English, marked so the page can say lang="en" around it.
    const lookUp = (key: string, options?: TOptions) => {
      const text = String(fixed(key, options));
      return lang === SOURCE_LANGUAGE || has(key) ? text : markFallback(text);
    };
    const plain = memoised((key) => lookUp(key));
    const withOptions = memoised((call) => {
      const [key = '', options = '{}'] = call.split('\0');
      return lookUp(key, JSON.parse(options) as TOptions);
    }, 20_000);
    const translate = (key: string, options?: TOptions) => {
      if (options === undefined) return plain(key);
      // Only plain values can be told apart by their JSON; anything else is looked up each time.
      return Object.values(options).every((value) => value === null || typeof value !== 'object')
        ? withOptions(`${key}\0${JSON.stringify(options)}`)
        : lookUp(key, options);
    };
    translator = Object.assign(translate, {
      lang,
      has,
    });
    translators.set(lang, translator);
  }
  return translator;
}
