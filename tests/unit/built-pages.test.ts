import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPages, type BuiltPageStepMaker } from '../../src/integrations/built-pages';
import { fontSubsets } from '../../src/integrations/fonts';
import { pageRewrites } from '../../src/integrations/rewrite-built-pages';
import { securityPolicy } from '../../src/integrations/security-headers';
import { builtFileOf, builtPageTransform } from '../../src/lib/built-page-transform';

const fontsourceFiles = fileURLToPath(
  new URL('../../node_modules/@fontsource/noto-sans/files/', import.meta.url),
);
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'built-pages-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(root: string, makers: readonly BuiltPageStepMaker[]): Promise<string[]> {
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(m), warn: () => {}, error: () => {}, fork: () => logger };
  const hook = builtPages(makers).hooks['astro:build:done'] as (options: unknown) => Promise<void>;
  await hook({ dir: pathToFileURL(`${root}/`), logger, pages: [], routes: [], assets: new Map() });
  return logged;
}

const page = (head: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('the steps every built page goes through', () => {
  it('runs every step on each page in order: CSS inline, then its policy, then fonts learn its characters', async () => {
    const root = site({
      '_astro/site.css': 'body{margin:0}',
      'en/ro/iasi/index.html': page('<link rel="stylesheet" href="/_astro/site.css">', '<h1>Iași</h1>'),
      'en/info/index.html': page('<link rel="stylesheet" href="/_astro/site.css">', '<h1>Rights</h1>'),
      // A poster's text is printed with its own fonts: its Cyrillic must not reach the screen subsets.
      'posters/ua/kyiv/a4/index.html': page('', '<h1>Київ</h1>'),
    });
    const logged = await run(root, [
      pageRewrites,
      securityPolicy('https://tile.example.org/{z}/{x}/{y}.png'),
      fontSubsets,
    ]);

    const station = readFileSync(join(root, 'en/ro/iasi/index.html'), 'utf8');
    expect(station).toContain('<style data-inlined="/_astro/site.css">body{margin:0}</style>');
    expect(station).toMatch(/<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/);
    // Other pages keep the shared stylesheet file, and get their policy too.
    const info = readFileSync(join(root, 'en/info/index.html'), 'utf8');
    expect(info).toContain('<link rel="stylesheet" href="/_astro/site.css">');
    expect(info).toContain('http-equiv="Content-Security-Policy"');

    // latin-ext holds "ș" from the station page: a subset of a few hundred bytes, not the 59 KB file.
    const built = (file: string) => statSync(join(root, 'fonts', file)).size;
    expect(built('noto-sans-latin-ext-400-normal.woff2')).toBeLessThan(4_000);
    // No screen page uses Cyrillic, so its face is not cut (a face kept whole is one nobody fetches).
    const cyrillic = 'noto-sans-cyrillic-400-normal.woff2';
    expect(built(cyrillic)).toBe(statSync(join(fontsourceFiles, cyrillic)).size);
    expect(logged.join('\n')).toContain('stylesheets put inline in 1 station pages');
    expect(logged.join('\n')).toContain('the policy put in 3 pages');
  });

  it('names the page when a step cannot handle it', async () => {
    const root = site({
      '_astro/bad.css': '.x::after{content:"</style>"}',
      'en/ro/iasi/index.html': page('<link rel="stylesheet" href="/_astro/bad.css">', ''),
    });
    await expect(run(root, [pageRewrites])).rejects.toThrow(
      'en/ro/iasi/index.html: /_astro/bad.css: a stylesheet holding "</style" cannot go inline',
    );
  });

  it('finishes each page as it is rendered, and only the pages Astro wrote without rendering at the end', async () => {
    const root = site({ '_astro/site.css': 'body{margin:0}' });
    const integration = builtPages([
      pageRewrites,
      securityPolicy('https://tile.example.org/{z}/{x}/{y}.png'),
    ]);
    const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
    const logged: string[] = [];
    const logger = {
      info: (m: string) => logged.push(m),
      warn: () => {},
      error: () => {},
      fork: () => logger,
    };
    await hooks['astro:config:done']?.({ config: { outDir: pathToFileURL(`${root}/`) } });
    await hooks['astro:build:start']?.({ logger });

    // What the middleware does with a rendered page: Astro then writes what it returns.
    const finish = builtPageTransform();
    expect(finish).toBeDefined();
    const file = builtFileOf('/en/ro/iasi/');
    const rendered = finish!(page('<link rel="stylesheet" href="/_astro/site.css">', '<h1>Iași</h1>'), file);
    expect(rendered).toContain('<style data-inlined="/_astro/site.css">');
    mkdirSync(join(root, 'en/ro/iasi'), { recursive: true });
    writeFileSync(join(root, file), rendered);
    // A redirect page: written by Astro, never rendered.
    writeFileSync(join(root, 'index.html'), page('<meta http-equiv="refresh" content="0;url=/en/">', ''));

    await hooks['astro:build:done']?.({
      dir: pathToFileURL(`${root}/`),
      logger,
      pages: [],
      routes: [],
      assets: new Map(),
    });
    expect(builtPageTransform()).toBeUndefined();
    // Each page went through the steps once: one policy each, none added twice.
    for (const built of [file, 'index.html']) {
      const html = readFileSync(join(root, built), 'utf8');
      expect(html.match(/http-equiv="Content-Security-Policy"/g), built).toHaveLength(1);
    }
    expect(logged.join('\n')).toContain('the policy put in 2 pages');
  });
});
