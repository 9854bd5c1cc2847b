import { describe, expect, it } from 'vitest';
// The integration's own grouping, to hold ours to the same output (not exported by the package).
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js';
import { sitemapAlternates } from '../../src/lib/sitemap';

const site = 'https://x.org/';
const languages = ['en', 'uk', 'ar'];
const urls = [
  '/',
  '/en/',
  '/uk/',
  '/ar/',
  '/verify/',
  '/en/verify/',
  '/uk/verify/',
  '/ar/ro/iasi/',
  '/en/ro/iasi/',
  '/uk/ro/iasi/',
  '/en/ro/iasi/helpers/',
  '/uk/ro/iasi/helpers/',
  '/en/ro/bench-10/',
  '/en/ro/bench-2/',
  '/uk/ro/bench-10/',
  '/uk/ro/bench-2/',
  '/en/info/only-in-english/',
  '/data/hsds/ro.json',
  '/posters/',
].map((path) => new URL(path, site).href);

function ours() {
  const alternates = sitemapAlternates(languages);
  for (const url of urls) alternates.add(url);
  return alternates;
}

describe('sitemap alternates', () => {
  it('lists the language choosers as the x-default of their group, not as a second English page', () => {
    expect(ours().withAlternates({ url: 'https://x.org/uk/' }).links).toEqual([
      { url: 'https://x.org/', lang: 'x-default' },
      { url: 'https://x.org/ar/', lang: 'ar' },
      { url: 'https://x.org/en/', lang: 'en' },
      { url: 'https://x.org/uk/', lang: 'uk' },
    ]);
  });

  it('gives a page alone in its group no alternates', () => {
    const alternates = ours();
    for (const url of [
      'https://x.org/en/info/only-in-english/',
      'https://x.org/data/hsds/ro.json',
      'https://x.org/posters/',
    ])
      expect(alternates.withAlternates({ url })).toEqual({ url });
  });

  it("gives every page the links @astrojs/sitemap's i18n option gave, in its order", () => {
    const theirs = generateSitemap(urls, site, {
      i18n: { defaultLocale: 'en', locales: Object.fromEntries(languages.map((lang) => [lang, lang])) },
    });
    const alternates = ours();
    expect(theirs).toHaveLength(urls.length);
    for (const item of theirs) {
      // Theirs reads a URL without a language as English; the x-default is ours.
      const expected = item.links?.map((link) => ({
        ...link,
        lang: languages.includes(new URL(link.url).pathname.split('/')[1] ?? '') ? link.lang : 'x-default',
      }));
      expect(alternates.withAlternates({ url: item.url }).links, item.url).toEqual(expected);
    }
  });
});
