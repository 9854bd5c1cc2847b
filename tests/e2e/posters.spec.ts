import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { moduleSizeMm, POSTER_FORMATS, posterLanguages, qrPayload, qrSymbol } from '../../src/lib/poster';
import { siteUrlFromEnv } from '../../src/lib/site-url';
import { posterPdfUrl, postersUrl, posterUrl, shortLinkUrl, upperShortLinkUrl } from '../../src/lib/urls';
import { expectNoAxeViolations } from '../support/axe';
import { countryOf, shipped } from '../support/content';
import { decodeQrFromPdf, mmToPt, pdfFonts, pdfInfo, pdfText } from '../support/pdf';

// The posters of the build under test (npm test builds them before the end-to-end tests).
const outDir = process.env.OUT_DIR ?? 'dist';
const origin = siteUrlFromEnv(process.env);
const lockedVersions: Record<string, number> = Object.fromEntries(
  Object.entries((JSON.parse(readFileSync('content/posters.lock.json', 'utf8')) as { posters: Record<string, { version: number }> }).posters).map(([code, entry]) => [code, entry.version]),
);
const stations = shipped.stations.map((entry) => ({ code: entry.data.code, country: entry.data.country, slug: entry.id.split('/')[1] ?? '', name: entry.data.name, entry }));
const pdfFile = (station: (typeof stations)[number], format: string) => join(outDir, posterPdfUrl(station.country, station.slug, station.code, format));
/** Each page is rasterised so one QR module is about this many pixels, as a phone camera would see it. */
const PIXELS_PER_MODULE = 8;

test.describe('poster PDFs', () => {
  // Rasterising and decoding four pages takes a few seconds on a busy two-core machine.
  test.describe.configure({ timeout: 120_000 });
  for (const station of stations) {
    test(`${station.code}: every format is a one-page PDF of the right paper whose QR code opens the station's short link`, async ({ request }) => {
      const payload = qrPayload(origin, station.code);
      const symbol = qrSymbol(payload);
      for (const format of POSTER_FORMATS) {
        const file = pdfFile(station, format.id);
        expect(existsSync(file), `${file} exists`).toBe(true);

        const info = pdfInfo(file);
        expect(info.pages, `${format.id} pages`).toBe(1);
        expect(Math.abs(info.widthPt - mmToPt(format.paper.width)), `${format.id} width`).toBeLessThan(1.5);
        expect(Math.abs(info.heightPt - mmToPt(format.paper.height)), `${format.id} height`).toBeLessThan(1.5);
        expect(pdfFonts(file).filter((font) => !font.embedded), `${format.id}: fonts not embedded`).toEqual([]);

        const dpi = Math.round((PIXELS_PER_MODULE * 25.4) / moduleSizeMm(format, symbol));
        const qr = decodeQrFromPdf(file, dpi, symbol.modules);
        expect(qr?.data, `${format.id} QR`).toBe(payload);
        expect(qr?.data).toBe(new URL(shortLinkUrl(station.code), origin).href.toUpperCase());
        expect(qr!.symbolMm, `${format.id} QR size in mm`).toBeGreaterThanOrEqual(format.minQrMm - 1);
      }
      // The exact path the QR code holds exists in the build, and leads to the station.
      const path = new URL(payload).pathname;
      expect(path).toBe(upperShortLinkUrl(station.code));
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain(station.name);
    });
  }

  test('Arabic on a poster extracts from the PDF as Arabic text, in reading order', () => {
    const berlin = stations.find((s) => s.code === 'DE-BH')!;
    expect(posterLanguages(countryOf('de').data.posterLanguages, berlin.entry.data.languages)).toContain('ar');
    const text = pdfText(pdfFile(berlin, 'a4'));
    // pdftotext may insert spaces between Arabic glyph runs; letters and their order must be intact.
    const letters = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    expect(letters(text)).toContain(letters('هل تحتاج إلى مساعدة؟ امسح الرمز للحصول على معلومات بلغتك'));
    expect(text).toMatch(/مساعدة/);
    expect(text).toContain('116 016');
  });
});

test.describe('poster pages', () => {
  test('/posters/ lists every station with a preview, a print page and a PDF for each format', async ({ page, request }) => {
    await page.goto(postersUrl());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posters, tear-off sheets and stickers');
    for (const station of stations) {
      const section = page.locator(`[data-station-code="${station.code}"]`);
      await expect(section.getByRole('heading', { level: 3 })).toContainText(station.name);
      await expect(section.locator('.format')).toHaveCount(POSTER_FORMATS.length);
      for (const format of POSTER_FORMATS) {
        const pdf = posterPdfUrl(station.country, station.slug, station.code, format.id);
        await expect(section.locator(`a[href="${pdf}"]`)).toBeVisible();
        await expect(section.locator(`iframe[src="${posterUrl(station.country, station.slug, format.id)}"]`)).toHaveCount(1);
      }
      // Nothing changed since the lock: no reprint warning.
      await expect(section.locator('.notice')).toHaveCount(0);
    }
    const pdf = await request.get(posterPdfUrl('ro', 'bucuresti-nord', 'RO-BN', 'a4'));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // Each preview frame is a print page of its own; axe checks the index around them.
    await expectNoAxeViolations(page, { exclude: '.preview' });
  });

  for (const station of stations) {
    test(`${station.code}: every print page fits its paper, with the QR code at its print size`, async ({ page }) => {
      for (const format of POSTER_FORMATS) {
        await page.goto(posterUrl(station.country, station.slug, format.id));
        await page.emulateMedia({ media: 'print' });
        const overflowing = await page.locator('.sheet').evaluate((sheet) => [...sheet.querySelectorAll('.poster, .strips')].filter((part) => part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1).length);
        expect(overflowing, `${format.id}: parts cut off at the paper's edge`).toBe(0);
        const qr = page.locator('svg.qr');
        const modules = Number(await qr.getAttribute('data-qr-modules'));
        const sidePx = await qr.evaluate((svg) => svg.getBoundingClientRect().width);
        const symbolMm = (((sidePx * modules) / (modules + 8)) / 96) * 25.4;
        expect(symbolMm, `${format.id} QR symbol in mm`).toBeCloseTo(format.qrMm, 0);
        // The version the lock records: v1 until its printed facts change and the posters are locked again.
        await expect(page.locator('.poster-id')).toContainText(`${station.code}-${format.id.toUpperCase()} · v${lockedVersions[station.code]}`);
      }
    });
  }

  test('each headline line is in its own language and direction; the short link is printed for typing', async ({ page }) => {
    await page.goto(posterUrl('gb', 'london-st-pancras', 'a4'));
    await expect(page.locator('.headline[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.headline[lang="en"]')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('.short-link')).toHaveText(`${new URL(origin).host}/s/GB-SP/`);
    await page.goto(posterUrl('gb', 'london-st-pancras', 'sticker'));
    await expect(page.locator('.headline')).toHaveCount(2);
  });

  test('the upper-case short link in QR codes serves the same page as the lower-case one', async ({ request }) => {
    const lower = await request.get(shortLinkUrl('RO-BN'));
    const upper = await request.get(upperShortLinkUrl('RO-BN'));
    expect(upper.status()).toBe(200);
    expect(await upper.text()).toBe(await lower.text());
  });
});
