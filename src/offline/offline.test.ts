import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measurePack, overBudget, type BudgetReport, type Budgets } from '../data/budget-report';
import { entryScriptsOf, iconOf, scriptClosure, scriptClosureAsync, stylesheetsOf } from './assets';
import { installSetTransform } from './build';
import { filesOfPage, installSet } from './install';
import {
  countryPackPaths,
  expandPack,
  KNOW_MORE_INFO_PAGES,
  languageOfPath,
  PACKED_INFO_PAGES,
  stationPackPaths,
  wholeCountryPackPaths,
} from './pack';

const INFO = ['your-rights', 'is-this-offer-safe', 'facts-and-figures', 'quick-exit-safety'];

describe('pack definitions', () => {
  it('a station pack holds the station, its helpers page, the badge check and its country pages, in each language chosen', () => {
    const paths = stationPackPaths('ro', 'iasi', INFO);
    expect(paths).toEqual([
      '/{lang}/ro/iasi/',
      '/{lang}/ro/iasi/helpers/',
      '/{lang}/verify/',
      '/{lang}/ro/',
      '/{lang}/ro/help/',
      '/{lang}/offline/',
      '/{lang}/info/is-this-offer-safe/',
      '/{lang}/info/your-rights/',
      '/{lang}/info/quick-exit-safety/',
    ]);
    const urls = expandPack({ id: 'station:ro/iasi', label: 'Iași', paths }, ['en', 'uk', 'en']);
    expect(urls).toHaveLength(paths.length * 2);
    expect(urls).toContain('/uk/ro/iasi/helpers/');
  });

  it('stores only the information pages a station page links to, never one that does not exist', () => {
    expect(PACKED_INFO_PAGES).toEqual(expect.arrayContaining([...KNOW_MORE_INFO_PAGES, 'quick-exit-safety']));
    const paths = countryPackPaths('pl', INFO);
    expect(paths).not.toContain('/{lang}/info/facts-and-figures/');
    expect(paths).not.toContain('/{lang}/info/signs-of-trafficking/');
  });

  it('a country pack holds every station of the country and the country pages', () => {
    expect(wholeCountryPackPaths('hu', ['budapest-keleti', 'szeged'], [])).toEqual([
      '/{lang}/hu/budapest-keleti/',
      '/{lang}/hu/szeged/',
      '/{lang}/hu/',
      '/{lang}/hu/help/',
      '/{lang}/offline/',
    ]);
  });

  it('knows the language of an address only where it has one', () => {
    expect(languageOfPath('/ar/ro/iasi/')).toBe('ar');
    expect(languageOfPath('/s/RO-BN/')).toBeUndefined();
    expect(languageOfPath('/kiosk/ro/iasi/')).toBeUndefined();
    expect(languageOfPath('/')).toBeUndefined();
  });
});

const PAGE = `<!doctype html><html><head><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="https://elsewhere.example/x.css"><link rel="manifest" href="/en/manifest.webmanifest"></head>
<body><script type="module" src="/_astro/Page.js"></script><astro-island component-url="/_astro/SelfCheck.js" renderer-url="/_astro/client.js" client="visible"></astro-island>
<astro-island component-url="/_astro/ServiceMap.js" renderer-url="/_astro/client.js" client="only"></astro-island><script src="//cdn.example/x.js"></script></body></html>`;
const MODULES: Record<string, string> = {
  '/_astro/Page.js': 'import{a as r}from"./register.js";r();',
  '/_astro/register.js': 'import"./shared.js";export const a=1;',
  '/_astro/shared.js': 'const m=()=>import("./leaflet.js");',
  '/_astro/SelfCheck.js': 'import{h}from"./preact.js";',
  '/_astro/preact.js': 'export const h=1;',
  '/_astro/client.js': 'import{h}from"./preact.js";',
};

describe('the files a page loads', () => {
  it('same-origin stylesheets, the icon, scripts and islands that start by themselves; not the map loaded on request, not other origins', () => {
    expect(stylesheetsOf(PAGE)).toEqual(['/_astro/a.css']);
    expect(iconOf(PAGE)).toEqual(['/favicon.svg']);
    expect(entryScriptsOf(PAGE)).toEqual(['/_astro/Page.js', '/_astro/SelfCheck.js', '/_astro/client.js']);
  });

  it('follows static imports, not dynamic ones, and the async walk finds the same files', async () => {
    const expected = [
      '/_astro/Page.js',
      '/_astro/register.js',
      '/_astro/shared.js',
      '/_astro/SelfCheck.js',
      '/_astro/preact.js',
      '/_astro/client.js',
    ].sort();
    expect(scriptClosure(entryScriptsOf(PAGE), (path) => MODULES[path]).sort()).toEqual(expected);
    const fetched: string[] = [];
    const found = await scriptClosureAsync(entryScriptsOf(PAGE), async (path) => {
      fetched.push(path);
      return MODULES[path];
    });
    expect(found.sort()).toEqual(expected);
    // Each module is read once, though two import preact.
    expect(fetched.sort()).toEqual(expected);
  });

  it('the install set is the English offline page and its files, and says what to fix when the page is missing', () => {
    const read = (path: string) =>
      path === '/en/offline/index.html'
        ? PAGE
        : (MODULES[path] ?? (path.endsWith('.css') || path.endsWith('.svg') ? '' : undefined));
    expect(installSet(read)).toEqual(['/en/offline/', ...filesOfPage(PAGE, read)]);
    expect(installSet(read)).toContain('/_astro/preact.js');
    expect(() => installSet(() => undefined)).toThrow(
      /\/en\/offline\/index\.html.*src\/pages\/\[lang\]\/offline/,
    );
  });
});

describe('on a build folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'offline-unit-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  write('_astro/a.css', 'body{}');
  write('_astro/o.js', 'export{}');
  write('_astro/station.js', 'export{}');
  for (const page of stationPackPaths('ro', 'iasi', ['your-rights', 'facts-and-figures'])) {
    write(
      `${page.replace('{lang}', 'en')}index.html`,
      '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/station.js"></script>',
    );
  }
  write('en/info/facts-and-figures/index.html', 'not in a pack');
  // The offline page is in every pack too; written last, with its own script.
  write(
    'en/offline/index.html',
    '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/o.js"></script>',
  );

  it('the precache keeps the install set only, as the URLs pages are served at, and the build fails when a file of it was not found', async () => {
    const entries = [
      'en/offline/index.html',
      'en/index.html',
      '_astro/a.css',
      '_astro/o.js',
      '_astro/station.js',
    ].map((url) => ({ url, revision: 'r', size: 1 }));
    const { manifest } = await installSetTransform(root)(entries);
    expect(manifest.map((entry) => entry.url).sort()).toEqual(
      ['_astro/a.css', '_astro/o.js', 'en/offline/'].sort(),
    );
    await expect(installSetTransform(root)(entries.slice(0, 2))).rejects.toThrow(
      /_astro\/a\.css.*globPatterns/,
    );
  });

  it('the budget measures the pages of the pack definition the site uses, and the files the install did not bring', () => {
    const figures = measurePack(root, 'ro', 'iasi', [
      '/en/offline/index.html',
      '/_astro/a.css',
      '/_astro/o.js',
    ]);
    expect(figures.pages).toBe(stationPackPaths('ro', 'iasi', ['your-rights', 'facts-and-figures']).length);
    expect(figures.files).toBe(1);
    expect(figures.path).toBe('/en/ro/iasi/');
  });
});

describe('budgets.json', () => {
  const budgets = JSON.parse(readFileSync(new URL('../../budgets.json', import.meta.url), 'utf8')) as Budgets;
  const report = (installGzip: number): BudgetReport => ({
    pageTypes: [],
    totalCssGzip: 0,
    serviceWorker: { entries: 11, gzip: installGzip, raw: installGzip * 3 },
    stationOneLanguage: { path: '/en/ro/iasi/', pages: 12, gzip: 0, files: 0 },
    renderBlocking: [],
  });

  it('lets the service worker install download at most 50 KB gzip, and the build fails one byte past it', () => {
    expect(budgets.serviceWorkerInstallGzip).toBe(51200);
    expect(overBudget(report(51200), budgets)).toEqual([]);
    expect(overBudget(report(51201), budgets)).toEqual(['service worker install 51201 B gzip > 51200 B']);
  });
});
