import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findChromium, findPrintingChromium } from '../../src/integrations/chromium';
import { printPosterPdfs } from '../../src/posters/print-pdf';
import { shipped } from '../support/content';
import { childEnv } from '../../src/config';
import { mmToPt, pdfInfo, pdfRaster, pdfText } from '../support/pdf';
import { outDir as builtDir } from '../support/built-site';

/**
 * The poster lock against a changed copy of the content (CONTENT_DIR): these
 * run the real build and the real npm scripts, never touching content/.
 */
function contentCopy(): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'posters-lifecycle-'));
  const content = join(dir, 'content');
  cpSync('content', content, { recursive: true });
  return { dir, content };
}

test('removing a locked station fails the build with a message naming its short code', () => {
  const { dir, content } = contentCopy();
  try {
    rmSync(join(content, 'stations/ro/iasi.yaml'));
    const build = spawnSync('npx', ['astro', 'build'], {
      encoding: 'utf8',
      env: childEnv({
        CONTENT_DIR: content,
        OUT_DIR: join(dir, 'dist'),
        ASTRO_CACHE_DIR: join(dir, 'cache'),
      }),
      timeout: 120_000,
    });
    const output = `${build.stdout}${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    expect(output).toMatch(/RO-IS: printed on posters for ro\/iasi/);
    expect(output).toContain('no longer lead to a station');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a changed helpline number shows up in posters:status as posters to reprint', () => {
  const { dir, content } = contentCopy();
  try {
    const helpline = join(content, 'contacts/ro/anitp-helpline.yaml');
    writeFileSync(helpline, readFileSync(helpline, 'utf8').replace('"+40800800678"', '"+40800800679"'));
    const status = spawnSync('npm', ['run', '--silent', 'posters:status'], {
      encoding: 'utf8',
      env: childEnv({ CONTENT_DIR: content }),
      timeout: 60_000,
    });
    expect(status.status, status.stderr).toBe(0);
    const romanian = shipped.stations.filter((s) => s.data.country === 'ro').map((s) => s.data.code);
    for (const code of romanian) expect(status.stdout).toContain(`reprint ${code}`);
    expect(status.stdout).toContain('v1 → v2: helpline +40800800678 → +40800800679');
    expect(status.stdout.match(/^reprint /gm)).toHaveLength(romanian.length);
    expect(status.stdout).toContain(`${romanian.length} poster(s) to reprint`);

    // Locking records the new version; the status is then clean.
    expect(
      spawnSync('npm', ['run', '--silent', 'posters:lock'], {
        encoding: 'utf8',
        env: childEnv({ CONTENT_DIR: content }),
      }).status,
    ).toBe(0);
    const lock = JSON.parse(readFileSync(join(content, 'posters.lock.json'), 'utf8'));
    expect(lock.posters['RO-BN']).toMatchObject({
      version: 2,
      facts: { numbers: { helpline: '+40800800679' } },
    });
    const after = spawnSync('npm', ['run', '--silent', 'posters:status'], {
      encoding: 'utf8',
      env: childEnv({ CONTENT_DIR: content }),
    });
    expect(after.stdout).toContain(`0 poster(s) to reprint, 0 new, ${shipped.stations.length} unchanged`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unchanged poster is not printed again; a changed one is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'posters-cache-'));
  try {
    const outDir = join(dir, 'dist');
    const page = join(outDir, 'posters/xx/test/a6/index.html');
    mkdirSync(join(page, '..'), { recursive: true });
    const html = (text: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="safe-station:poster-pdf" content="/posters/xx/test/poster.pdf"><style>@page { size: 105mm 148mm; margin: 0 }</style></head><body><p>${text}</p></body></html>`;
    writeFileSync(page, html('Version one'));
    const options = { outDir, cacheDir: join(dir, 'cache'), chromium: findPrintingChromium() };

    const cold = await printPosterPdfs(options);
    expect(cold).toMatchObject({ total: 1, printed: 1, cached: 0, pdfs: ['/posters/xx/test/poster.pdf'] });
    const pdf = join(outDir, 'posters/xx/test/poster.pdf');
    expect(pdfInfo(pdf).pages).toBe(1);

    rmSync(pdf);
    const cached = await printPosterPdfs(options);
    expect(cached).toMatchObject({ printed: 0, cached: 1, launchMs: 0 });
    expect(existsSync(pdf)).toBe(true);

    writeFileSync(page, html('Version two'));
    expect(await printPosterPdfs(options)).toMatchObject({ printed: 1, cached: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one tab prints many posters in turn, each PDF with its own paper and words; a page with other stylesheets is loaded afresh', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'posters-tab-'));
  try {
    const outDir = join(dir, 'dist');
    mkdirSync(join(outDir, '_astro'), { recursive: true });
    writeFileSync(join(outDir, '_astro/a.css'), 'p { font-size: 12pt }');
    writeFileSync(join(outDir, '_astro/b.css'), 'p { font-size: 14pt }');
    // Printed in path order by one tab: a (first, loaded), b (swapped in: other paper, other language), c (other stylesheet: loaded afresh).
    const sheets = [
      { name: 'a', lang: 'en', dir: 'ltr', paper: [105, 148], css: 'a', text: 'First poster' },
      { name: 'b', lang: 'ar', dir: 'rtl', paper: [210, 297], css: 'a', text: 'هل تحتاج إلى مساعدة؟' },
      { name: 'c', lang: 'de', dir: 'ltr', paper: [297, 420], css: 'b', text: 'Dritter Aushang' },
    ];
    for (const sheet of sheets) {
      const page = join(outDir, `posters/xx/${sheet.name}/index.html`);
      mkdirSync(join(page, '..'), { recursive: true });
      writeFileSync(
        page,
        `<!doctype html><html lang="${sheet.lang}" dir="${sheet.dir}"><head><meta charset="utf-8"><meta name="safe-station:poster-pdf" content="/posters/xx/${sheet.name}.pdf"><title>${sheet.name}</title>` +
          `<style>@page { size: ${sheet.paper[0]}mm ${sheet.paper[1]}mm; margin: 0 }</style><link rel="stylesheet" href="/_astro/${sheet.css}.css"></head><body><p>${sheet.text}</p></body></html>`,
      );
    }
    const report = await printPosterPdfs({
      outDir,
      cacheDir: join(dir, 'cache'),
      chromium: findPrintingChromium(),
      concurrency: 1,
    });
    expect(report).toMatchObject({ total: 3, printed: 3 });
    for (const sheet of sheets) {
      const pdf = join(outDir, `posters/xx/${sheet.name}.pdf`);
      const info = pdfInfo(pdf);
      expect(info.pages, sheet.name).toBe(1);
      expect(Math.abs(info.widthPt - mmToPt(sheet.paper[0]!)), `${sheet.name} width`).toBeLessThan(1.5);
      expect(Math.abs(info.heightPt - mmToPt(sheet.paper[1]!)), `${sheet.name} height`).toBeLessThan(1.5);
      const letters = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
      expect(letters(pdfText(pdf)), sheet.name).toBe(letters(sheet.text));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('posters print with the headless shell, to the same pixels and words as the full Chromium', async () => {
  const printer = findPrintingChromium();
  expect(
    printer,
    'chromium-headless-shell is not installed: scripts/install-missing.sh installs it (or set CHROMIUM_HEADLESS_SHELL_PATH)',
  ).not.toBe(findChromium());
  const dir = mkdtempSync(join(tmpdir(), 'posters-printer-'));
  try {
    // A shipped poster with Arabic on it, printed from a copy of its built page and the stylesheets and fonts it loads.
    const poster = 'posters/de/berlin-hbf/a4';
    const pdfs = await Promise.all(
      [printer, findChromium()].map(async (chromium, index) => {
        const outDir = join(dir, `dist-${index}`);
        cpSync(join(builtDir, '_astro'), join(outDir, '_astro'), { recursive: true });
        cpSync(join(builtDir, poster, 'index.html'), join(outDir, poster, 'index.html'));
        const report = await printPosterPdfs({ outDir, cacheDir: join(dir, `cache-${index}`), chromium });
        expect(report).toMatchObject({ printed: 1 });
        return join(outDir, report.pdfs[0] ?? '');
      }),
    );
    const [shell, full] = pdfs as [string, string];
    expect(pdfText(shell)).toContain('هل');
    expect(pdfText(shell)).toBe(pdfText(full));
    expect(pdfInfo(shell)).toEqual(pdfInfo(full));
    expect(
      pdfRaster(shell, 40).equals(pdfRaster(full, 40)),
      'the two PDFs rasterise to different pixels',
    ).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
