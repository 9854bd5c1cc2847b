import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markFallback, resolveFallbackMarkers } from '../../src/lib/fallback-markup';
import { fontFacesFor } from '../../src/lib/fonts';
import { compareLocale, flattenKeys, keysUsedInSource, usage, type Messages } from '../../src/lib/i18n-audit';
import { filledTemplate, newI18next, templateOf, translatorFor, useTranslations } from '../../src/lib/i18n';
import { ALL_LANGUAGE_CODES, LANGUAGES } from '../../src/lib/languages';
import { filesBelow } from '../../src/node/files';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readLocale = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8')) as Messages;
const english = readLocale('en');

describe('locales', () => {
  const used = { exact: new Set<string>(), prefixes: new Set<string>() };
  for (const file of filesBelow(join(root, 'src'), (name) => /\.(astro|tsx?)$/.test(name))) {
    const found = keysUsedInSource(readFileSync(file, 'utf8'), Object.keys(english));
    found.exact.forEach((k) => used.exact.add(k));
    found.prefixes.forEach((k) => used.prefixes.add(k));
  }

  it('English has every key the code uses', () => {
    expect(used.exact.size).toBeGreaterThan(50);
    expect(usage(flattenKeys(english), used).missingFromEnglish).toEqual([]);
  });

  it.each(ALL_LANGUAGE_CODES.filter((lang) => lang !== 'en'))(
    '%s has every key English has, and keeps its placeholders',
    (lang) => {
      const messages = readLocale(lang);
      const report = compareLocale(lang, flattenKeys(english), flattenKeys(messages), [], []);
      expect(report.missing).toEqual([]);
      expect(report.extra).toEqual([]);
      const t = useTranslations(lang);
      const en = useTranslations('en');
      for (const key of flattenKeys(english)) {
        const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        const raw = (messages: Messages, path: string) =>
          path.split('.').reduce<unknown>((node, part) => (node as Messages)[part], messages) as string;
        expect(placeholders(raw(messages, key)), `${lang}: ${key}`).toEqual(placeholders(raw(english, key)));
        expect(t.has(key) && en.has(key)).toBe(true);
      }
    },
  );
});

describe('text with placeholders', () => {
  const reference = newI18next();
  const withPlaceholders = flattenKeys(english).filter((key) =>
    reference.t(key, { lng: 'en' }).includes('{{'),
  );
  const values = {
    station: 'Iași <Nord> & "Sud"',
    country: 'Țara {{x}} $t(common.free)',
    count: 3,
    number: 7,
  };

  it.each(ALL_LANGUAGE_CODES)('%s fills every placeholder as i18next does', (lang) => {
    expect(withPlaceholders.length).toBeGreaterThan(10);
    const t = useTranslations(lang);
    for (const key of withPlaceholders) {
      const names = [...reference.t(key, { lng: 'en' }).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');
      const options = Object.fromEntries(
        names.map((name) => [name, values[name as keyof typeof values] ?? `<${name}>`]),
      );
      const expected = reference.t(key, { lng: lang, ...options });
      expect(t(key, options), `${lang}: ${key}`).toBe(t.has(key) ? expected : markFallback(expected));
    }
  });

  it('leaves to i18next what it does beyond filling a name in', () => {
    const fill = (text: string, options: Record<string, unknown>) => {
      const template = templateOf(text);
      return template && filledTemplate(template, options);
    };
    expect(fill('{{a}} and {{b}}', { a: 'x', b: 2 })).toBe('x and 2');
    expect(fill('{{a}}{{b}}', { a: 'x', b: 'y' })).toBe('xy');
    expect(fill('no names', { a: 'x' })).toBe('no names');
    expect(fill('{{a}} and {{b}}', { a: 'x' })).toBeUndefined();
    expect(fill('{{count}} items', { count: 2 })).toBe('2 items');
    expect(fill('{{count}} items', { count: 2, context: 'male' })).toBeUndefined();
    expect(fill('{{a}}', { a: { nested: true } })).toBeUndefined();
    expect(templateOf('{{- raw}} {{a}}')).toBeUndefined();
    expect(templateOf('{{when, datetime}}')).toBeUndefined();
    expect(templateOf('$t(common.free) {{a}}')).toBeUndefined();
  });
});

describe('English fallback', () => {
  it('marks text a language lacks and turns the mark into lang="en" in the page body only', () => {
    const html = `<p title="${markFallback('Hello')}">${markFallback('Hello')} world</p><script>const a = 1;</script>`;
    expect(resolveFallbackMarkers(html, 'en')).toBe(
      '<p title="Hello"><span lang="en" dir="ltr">Hello</span> world</p><script>const a = 1;</script>',
    );
  });

  it('falls back to English for a key the language lacks, never showing the raw key', () => {
    const t = useTranslations('uk');
    const text = t('common.noSuchKeyForTest', { defaultValue: undefined });
    expect(text).not.toBe('common.noSuchKeyForTest');
  });
});

describe('languages', () => {
  it('lists sixteen languages, two of them right-to-left', () => {
    expect(LANGUAGES).toHaveLength(16);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'fa']);
  });

  it('asks for fonts by script only', () => {
    expect(fontFacesFor('Cyrl', 'uk').map((f) => f.file)).toContain('noto-sans-cyrillic-400-normal.woff2');
    expect(fontFacesFor('Cyrl', 'uk').some((f) => f.family === 'Noto Sans Arabic')).toBe(false);
    expect(fontFacesFor('Arab', 'ar').map((f) => f.file)).toContain(
      'noto-sans-arabic-arabic-400-normal.woff2',
    );
    expect(fontFacesFor('Latn', 'vi').map((f) => f.file)).toContain('noto-sans-vietnamese-400-normal.woff2');
  });
});

describe('i18n audit: keys the code translates', () => {
  const sections = ['common', 'service', 'services', 'poster', 'kiosk', 'notFound'];
  const read = (source: string) => {
    const { exact, prefixes } = keysUsedInSource(source, sections);
    return { exact: [...exact].sort(), prefixes: [...prefixes].sort() };
  };

  it('reads the first argument of t(…), both branches of a ternary there, and t.has(…)', () => {
    expect(
      read(
        `t('common.exitPage'); t(isText ? 'common.textNumber' : 'common.callNumber', { number }); t.has('kiosk.needHelp')`,
      ).exact,
    ).toEqual(['common.callNumber', 'common.exitPage', 'common.textNumber', 'kiosk.needHelp']);
  });

  it('reads the translators a file names: useTranslations results and helpers that pass a key on', () => {
    const source = [
      `const tl = useTranslations(lang); tl('notFound.toHome');`,
      `useTranslations(l)('notFound.title');`,
      `const translated = (key: string) => inEachLanguage((t) => t(key), key);`,
      `const headlines = translated(isSticker ? 'poster.stickerHeadline' : 'poster.headline');`,
    ].join('\n');
    expect(read(source).exact).toEqual([
      'notFound.title',
      'notFound.toHome',
      'poster.headline',
      'poster.stickerHeadline',
    ]);
  });

  it('counts a template literal as a prefix only inside a translation call', () => {
    const source = [
      // Field paths of content problems look like keys but are not translated.
      'report(entry, `services.${index}`, "no service");',
      "const label = 'common.sample';",
      't(`service.direction.${compassPoint(bearing)}`);',
    ].join('\n');
    expect(read(source)).toEqual({ exact: [], prefixes: ['service.direction.'] });
  });

  it('reports a key no translation call uses, even when a field path shares its section', () => {
    const { unused } = usage(
      ['services.title', 'services.filter.open'],
      keysUsedInSource('t(`services.filter.${name}`); report(entry, `services.${index}`);', sections),
    );
    expect(unused).toEqual(['services.title']);
  });
});

describe('counts', () => {
  // No locale has plural forms yet; a translator may add them, and then i18next must pick the form.
  const withPlurals = (lang: string) => {
    const instance = newI18next();
    instance.addResources('en', 'translation', {
      'test.services_one': '{{count}} service near {{station}}',
      'test.services_other': '{{count}} services near {{station}}',
    });
    instance.addResources('uk', 'translation', {
      'test.services': 'служби ({{count}}) біля {{station}}',
      'test.services_one': '{{count}} служба біля {{station}}',
      'test.services_few': '{{count}} служби біля {{station}}',
      'test.services_many': '{{count}} служб біля {{station}}',
      'test.services_other': '{{count}} служби біля {{station}}',
    });
    instance.addResources('ro', 'translation', { 'test.services': '{{count}} servicii lângă {{station}}' });
    return { instance, t: translatorFor(instance, lang) };
  };

  it.each(['en', 'uk', 'ro', 'ar'])(
    '%s: a count picks the plural form i18next picks, or fills a plain placeholder',
    (lang) => {
      const { instance, t } = withPlurals(lang);
      for (const count of [0, 1, 2, 3, 5, 11, 21, 101]) {
        const options = { count, station: 'Iași' };
        const expected = String(instance.t('test.services', { lng: lang, ...options }));
        // Arabic has no text of its own here: English's plural form, marked as English.
        expect(t('test.services', options), `${lang}, ${count}`).toBe(
          lang === 'ar' ? markFallback(expected) : expected,
        );
      }
      expect(t.has('test.services')).toBe(lang !== 'ar');
      expect(t('test.services', { count: 5, station: 'Iași' })).toContain('5 ');
    },
  );

  it('fills a count into a key without plural forms on every call', () => {
    const t = useTranslations('uk');
    expect(t('services.miniMapTitle', { station: 'Iași', count: 4 })).toBe(
      t('services.miniMapTitle', { station: 'Iași', count: 4 }),
    );
    expect(t('services.miniMapTitle', { station: 'Iași', count: 7 })).toContain('7');
  });
});

describe('translations remembered across pages', () => {
  it('answers each call with its own options, however often asked', () => {
    const t = useTranslations('uk');
    const first = t('common.callNumber', { number: '112' });
    expect(first).toContain('112');
    expect(t('common.callNumber', { number: '116 000' })).toContain('116 000');
    expect(t('common.callNumber', { number: '112' })).toBe(first);
    // A language lacking a key still marks the English text, remembered or not.
    expect(t('common.noSuchKeyForTest', { number: 1 })).toBe(t('common.noSuchKeyForTest', { number: 1 }));
  });
});
