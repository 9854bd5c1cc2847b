import { describe, expect, it } from 'vitest';
import { builtLanguages, describeElement, fileForPath, languageOfPath, readBuiltPages, referencesOf, siteOrigin } from '../support/built-site';

/**
 * Every URL a built page refers to that stays on this site must exist in the
 * build, spelled the way the site spells URLs (trailing slash), and links of
 * a page in one language lead to pages in that language unless they say
 * otherwise (hreflang on a language switcher link).
 */
const pages = readBuiltPages();
const languages = builtLanguages();
const origin = siteOrigin();

/** The same-origin path of a reference, or undefined for other origins, fragments and non-HTTP schemes. */
function internalPath(value: string, base: string): string | undefined {
  if (value.startsWith('#') || /^(tel|sms|mailto|data|javascript|blob|geo):/i.test(value)) return undefined;
  const url = new URL(value, `${origin}${base}`);
  return url.origin === origin ? url.pathname : undefined;
}

describe('built site links', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(500);
  });

  it('every internal link and asset resolves to a built file', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const reference of referencesOf(page)) {
        const path = internalPath(reference.value, page.url);
        if (path !== undefined && !fileForPath(path)) broken.push(`${page.url}: ${reference.source} "${reference.value}" in ${describeElement(reference.element)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links from a page in one language stay in that language, except those that name another with hreflang', () => {
    const strays: string[] = [];
    for (const page of pages) {
      const pageLanguage = languageOfPath(page.url, languages);
      if (!pageLanguage) continue;
      for (const anchor of page.root.querySelectorAll('a[href]')) {
        const path = internalPath(anchor.getAttribute('href') ?? '', page.url);
        if (path === undefined) continue;
        const target = languageOfPath(path, languages);
        // Language-neutral paths (/s/, /verify/, /data/, /posters/) belong to no language.
        if (!target || target === pageLanguage) continue;
        if (anchor.getAttribute('hreflang') === target) continue;
        strays.push(`${page.url} → ${path}: ${describeElement(anchor)}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it('every page says its language, and pages under /{lang}/ say that one', () => {
    const wrong = pages
      .filter((page) => !page.url.startsWith('/posters/')) // Posters carry several languages; each block is marked.
      .flatMap((page) => {
        const expected = languageOfPath(page.url, languages);
        if (!page.lang) return [`${page.url}: no <html lang>`];
        return expected && page.lang !== expected ? [`${page.url}: lang="${page.lang}", expected "${expected}"`] : [];
      });
    expect(wrong).toEqual([]);
  });
});
