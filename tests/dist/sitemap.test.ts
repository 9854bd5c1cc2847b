import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtLanguages, languageOfPath, outDir, readBuiltPages, readSitemap, siteOrigin } from '../support/built-site';

/**
 * The sitemap lists every public page (every page not marked noindex) and
 * nothing else, each with its versions in the other languages.
 */
describe('sitemap', () => {
  const pages = readBuiltPages();
  const languages = builtLanguages();
  const entries = readSitemap();
  const listed = new Set(entries.map((entry) => entry.path));
  const builtPaths = new Set(pages.map((page) => page.url));

  it('points at this site', () => {
    const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(siteOrigin());
    expect(entries.length).toBeGreaterThan(500);
  });

  it('lists every public page, and only pages that exist and are public', () => {
    const publicPages = pages.filter((page) => !page.noindex && page.url !== '/404.html').map((page) => page.url);
    expect(publicPages.filter((path) => !listed.has(path))).toEqual([]);
    const noindex = new Set(pages.filter((page) => page.noindex).map((page) => page.url));
    expect([...listed].filter((path) => !builtPaths.has(path) || noindex.has(path))).toEqual([]);
  });

  it('gives each page its versions in every built language that has it', () => {
    const wrong: string[] = [];
    for (const entry of entries) {
      const lang = languageOfPath(entry.path, languages);
      if (!lang) continue;
      const rest = entry.path.slice(lang.length + 1);
      for (const other of languages) {
        const version = `/${other}${rest}`;
        if (!builtPaths.has(version)) continue;
        if (entry.alternates.get(other) !== version) wrong.push(`${entry.path}: hreflang="${other}" should be ${version}, is ${entry.alternates.get(other) ?? 'missing'}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
