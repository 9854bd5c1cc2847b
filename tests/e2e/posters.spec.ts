import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { displayNumber } from '../../src/lib/phone';
import { config } from '../../src/config';
import { qrSymbol } from '../../src/lib/qr';
import { fingerprinted } from '../../src/posters/fingerprint';
import { readPosterLock } from '../../src/posters/lock-file';
import {
  moduleSizeMm,
  POSTER_FORMATS,
  posterLanguages,
  posterStationsOfContent,
  posterVersion,
  printedNumbers,
  qrPayload,
  stationPoster,
} from '../../src/posters/model';
import { posterPdfUrl, postersUrl, posterUrl, shortLinkUrl, upperShortLinkUrl } from '../../src/lib/urls';
import { expectNoAxeViolations } from '../support/axe';
import { contactsOf, countryOf, shipped } from '../support/content';
import { decodeQrFromPdf, mmToPt, pdfFonts, pdfInfo, pdfText } from '../support/pdf';

// The posters of the build under test (npm test builds them before the end-to-end tests).
const outDir = config.outDir;
const origin = config.siteUrl;
const stations = shipped.stations.map((entry) => ({
  code: entry.data.code,
  country: entry.data.country,
  slug: entry.id.split('/')[1] ?? '',
  name: entry.data.name,
  entry,
}));
/** What each station's posters print, worked out from the content like the build does. */
const numbersOf = (country: string) => {
  const { data } = countryOf(country);
  return printedNumbers(
    contactsOf(data.emergency).map((c) => c.data),
    contactsOf(data.antiTrafficking).map((c) => c.data),
  );
};
const languagesOf = (station: (typeof stations)[number]) => {
  const { data } = countryOf(station.country);
  return posterLanguages(data.languages, data.posterLanguages, station.entry.data.languages);
};
/** The version each poster must print: the locked one while its facts match, the next one once they change. */
const lock = readPosterLock('content');
const versionOf = new Map(
  posterStationsOfContent(shipped)
    .map((station) => fingerprinted(stationPoster(station, new URL(origin))))
    .map((poster) => [poster.code, posterVersion(lock, poster)]),
);
const pdfFile = (station: (typeof stations)[number], format: string) =>
  join(outDir, posterPdfUrl(station.country, station.slug, station.code, format));
/** Each page is rasterised so one QR module is about this many pixels, as a phone camera would see it. */
const PIXELS_PER_MODULE = 8;

test.describe('poster PDFs', () => {
  // Rasterising and decoding four pages takes a few seconds on a busy two-core machine.
  test.describe.configure({ timeout: 120_000 });
  for (const station of stations) {
    test(`${station.code}: every format is a one-page PDF of the right paper whose QR code opens the station's short link`, async ({
      request,
    }) => {
      const payload = qrPayload(origin, station.code);
      const symbol = qrSymbol(payload);
      for (const format of POSTER_FORMATS) {
        const file = pdfFile(station, format.id);
        expect(existsSync(file), `${file} exists`).toBe(true);

        const info = pdfInfo(file);
        expect(info.pages, `${format.id} pages`).toBe(1);
        expect(Math.abs(info.widthPt - mmToPt(format.paper.width)), `${format.id} width`).toBeLessThan(1.5);
        expect(Math.abs(info.heightPt - mmToPt(format.paper.height)), `${format.id} height`).toBeLessThan(
          1.5,
        );
        expect(
          pdfFonts(file).filter((font) => !font.embedded),
          `${format.id}: fonts not embedded`,
        ).toEqual([]);

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
    expect(languagesOf(berlin)).toContain('ar');
    const text = pdfText(pdfFile(berlin, 'a4'));
    // pdftotext may insert spaces between Arabic glyph runs; letters and their order must be intact.
    const letters = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    expect(letters(text)).toContain(letters('هل تحتاج إلى مساعدة؟'));
    expect(letters(text)).toContain(letters('امسح الرمز للحصول على معلومات بلغتك'));
    expect(text).toMatch(/مساعدة/);
    expect(text).toContain('116 016');
  });

  test("every sticker prints 112 and the national helpline, and every poster the country's own language, as text in the PDF", () => {
    for (const station of stations) {
      const numbers = numbersOf(station.country);
      const local = countryOf(station.country).data.languages;
      for (const format of ['sticker', 'a4'] as const) {
        const text = pdfText(pdfFile(station, format));
        expect(text, `${station.code} ${format}: 112`).toContain(displayNumber(numbers.emergency));
        expect(text, `${station.code} ${format}: national helpline`).toContain(
          displayNumber(numbers.helpline),
        );
      }
      // Sofia prints Bulgarian, Berlin German, and so on: the headline in the language of the place.
      const headline = pdfText(pdfFile(station, 'a4'));
      for (const lang of local) {
        const needHelp: Record<string, string> = {
          bg: 'Нуждаете се',
          de: 'Brauchen Sie Hilfe?',
          en: 'Need help?',
          hu: 'Segítségre',
          nl: 'Hulp nodig?',
          pl: 'Potrzebujesz pomocy?',
          ro: 'Aveți nevoie de ajutor?',
        };
        expect(headline.replace(/\s+/g, ' '), `${station.code}: headline in ${lang}`).toContain(
          needHelp[lang],
        );
      }
    }
  });
});

test.describe('poster pages', () => {
  test('/posters/ lists every station with a preview, a print page and a PDF for each format', async ({
    page,
    request,
  }) => {
    await page.goto(postersUrl());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posters, tear-off sheets and stickers');
    for (const station of stations) {
      const section = page.locator(`[data-station-code="${station.code}"]`);
      await expect(section.getByRole('heading', { level: 3 })).toContainText(station.name);
      await expect(section.locator('.format')).toHaveCount(POSTER_FORMATS.length);
      for (const format of POSTER_FORMATS) {
        const pdf = posterPdfUrl(station.country, station.slug, station.code, format.id);
        await expect(section.locator(`a[href="${pdf}"]`)).toBeVisible();
        await expect(
          section.locator(`iframe[src="${posterUrl(station.country, station.slug, format.id)}"]`),
        ).toHaveCount(1);
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
    test(`${station.code}: every print page fits its paper, with the QR code at its print size`, async ({
      page,
    }) => {
      for (const format of POSTER_FORMATS) {
        await page.goto(posterUrl(station.country, station.slug, format.id));
        await page.emulateMedia({ media: 'print' });
        const overflowing = await page
          .locator('.sheet')
          .evaluate(
            (sheet) =>
              [...sheet.querySelectorAll('.poster, .strips')].filter(
                (part) =>
                  part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1,
              ).length,
          );
        expect(overflowing, `${format.id}: parts cut off at the paper's edge`).toBe(0);
        const qr = page.locator('svg.qr');
        const modules = Number(await qr.getAttribute('data-qr-modules'));
        const sidePx = await qr.evaluate((svg) => svg.getBoundingClientRect().width);
        const symbolMm = ((sidePx * modules) / (modules + 8) / 96) * 25.4;
        expect(symbolMm, `${format.id} QR symbol in mm`).toBeCloseTo(format.qrMm, 0);
        await expect(page.locator('.poster-id')).toContainText(
          `${station.code}-${format.id.toUpperCase()} · v${versionOf.get(station.code)?.version}`,
        );
      }
    });
  }

  test('each headline line is in its own language and direction; the short link is printed for typing', async ({
    page,
  }) => {
    await page.goto(posterUrl('gb', 'london-st-pancras', 'a4'));
    await expect(page.locator('.headline[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.headline[lang="en"]')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('.short-link')).toHaveText(`${new URL(origin).host}/s/GB-SP/`);
    await page.goto(posterUrl('gb', 'london-st-pancras', 'sticker'));
    await expect(page.locator('.headline')).toHaveCount(2);
  });

  test('the upper-case short link in QR codes serves the same page as the lower-case one', async ({
    request,
  }) => {
    const lower = await request.get(shortLinkUrl('RO-BN'));
    const upper = await request.get(upperShortLinkUrl('RO-BN'));
    expect(upper.status()).toBe(200);
    expect(await upper.text()).toBe(await lower.text());
  });
});

test.describe('what a poster says, and how big', () => {
  // Some tests open every station's print pages one after another.
  test.describe.configure({ timeout: 120_000 });
  /** A4 at 96 CSS pixels per inch, as Chromium lays out the print page. */
  const A4_PX = { width: Math.round((210 / 25.4) * 96), height: Math.round((297 / 25.4) * 96) };
  const pxToMm = (px: number) => (px / 96) * 25.4;

  for (const station of stations) {
    test(`${station.code}: the A4 headline has capitals at least 12 mm tall in every language, so it reads from 2 m`, async ({
      page,
    }) => {
      await page.setViewportSize(A4_PX);
      await page.goto(posterUrl(station.country, station.slug, 'a4'));
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      // The glyphs as drawn: a canvas in the poster's own font (checked loaded, so no fallback is measured)
      // measures a capital H (an alef in Arabic script, whose letters have no capitals) from the baseline to its top.
      const lines = await page.locator('.headline').evaluateAll((headlines) =>
        headlines.map((line) => {
          const style = getComputedStyle(line);
          const arabic = /[\u0600-\u06ff]/.test(line.textContent ?? '');
          const family = arabic ? 'Noto Sans Arabic' : 'Noto Sans';
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} "${family}"`;
          const glyph = arabic ? 'ا' : 'H';
          const box = line.getBoundingClientRect();
          const sheet = line.closest('.sheet')!.getBoundingClientRect();
          return {
            lang: line.getAttribute('lang'),
            family: style.fontFamily,
            capPx: context.measureText(glyph).actualBoundingBoxAscent,
            loaded: [...document.fonts].some(
              (face) =>
                face.family.replace(/"/g, '') === family &&
                face.weight === style.fontWeight &&
                face.status === 'loaded' &&
                document.fonts.check(context.font, glyph),
            ),
            inside: box.left >= sheet.left && box.right <= sheet.right && box.top >= sheet.top,
          };
        }),
      );
      // One line per poster language, the country's own first (no two shipped languages share the words).
      expect(lines.map((line) => line.lang)).toEqual(languagesOf(station));
      for (const line of lines) {
        expect(languagesOf(station), `${line.lang}: a poster language`).toContain(line.lang);
        expect(line.family, `${line.lang}: set in Noto Sans`).toMatch(/^"?Noto Sans/);
        expect(line.loaded, `${line.lang}: the poster font is loaded, not a fallback`).toBe(true);
        expect(pxToMm(line.capPx), `${line.lang}: cap height in mm`).toBeGreaterThanOrEqual(12);
        expect(line.inside, `${line.lang}: inside the paper`).toBe(true);
      }
    });
  }

  test("the country's own language is on every poster and sticker (Bulgarian at Sofia)", async ({ page }) => {
    for (const station of stations) {
      const expected = languagesOf(station);
      for (const lang of countryOf(station.country).data.languages)
        expect(expected, station.code).toContain(lang);
      for (const format of ['a4', 'sticker'] as const) {
        await page.goto(posterUrl(station.country, station.slug, format));
        const langs = await page
          .locator('.headline')
          .evaluateAll((lines) => lines.map((line) => line.getAttribute('lang')));
        for (const lang of countryOf(station.country).data.languages)
          expect(langs, `${station.code} ${format}`).toContain(lang);
      }
    }
    await page.goto(posterUrl('bg', 'sofia-central', 'a4'));
    await expect(page.locator('.headline[lang="bg"]')).toHaveText('Нуждаете се от помощ?');
  });

  test("the national line's hours are printed where it is not open around the clock, and only there", async ({
    page,
  }) => {
    for (const station of stations) {
      const numbers = numbersOf(station.country);
      for (const format of ['a4', 'sticker', 'tearoff'] as const) {
        await page.goto(posterUrl(station.country, station.slug, format));
        const hours = page.locator('[data-number="helpline"] [data-hours]');
        if (numbers.helplineHours) {
          for (const span of numbers.helplineHours)
            await expect(hours, `${station.code} ${format}`).toContainText(`${span.opens}–${span.closes}`);
        } else {
          await expect(hours, `${station.code} ${format}`).toHaveCount(0);
        }
      }
    }
    // CoMensha answers Mon–Fri 09:00–17:00; the Dutch line says so in Dutch, the English one in English.
    await page.goto(posterUrl('nl', 'amsterdam-centraal', 'a4'));
    await expect(page.locator('[data-hours] [lang="nl"]')).toHaveText(/^ma–vr\s\u2066?09:00–17:00/);
    await expect(page.locator('[data-hours] [lang="en"]')).toHaveText(/^Mon–Fri\s\u2066?09:00–17:00/);
  });

  test('the A6 sticker carries the national helpline under 112, inside the paper', async ({ page }) => {
    for (const station of stations) {
      await page.goto(posterUrl(station.country, station.slug, 'sticker'));
      await page.emulateMedia({ media: 'print' });
      const helpline = page.locator('[data-number="helpline"] .digits');
      await expect(helpline).toHaveText(displayNumber(numbersOf(station.country).helpline));
      const [digits, sheet, emergency] = await Promise.all([
        helpline.boundingBox(),
        page.locator('.sheet').boundingBox(),
        page.locator('[data-number="emergency"] .digits').boundingBox(),
      ]);
      expect(digits!.y + digits!.height, station.code).toBeLessThanOrEqual(sheet!.y + sheet!.height);
      expect(digits!.y, `${station.code}: below 112`).toBeGreaterThan(emergency!.y);
    }
  });

  test('the QR code stays the biggest element of every format', async ({ page }) => {
    for (const format of POSTER_FORMATS) {
      await page.goto(posterUrl('de', 'berlin-hbf', format.id));
      await page.emulateMedia({ media: 'print' });
      const areas = await page.locator('.sheet').evaluate((sheet) => {
        const area = (element: Element) => {
          const box = element.getBoundingClientRect();
          return box.width * box.height;
        };
        return {
          qr: area(sheet.querySelector('svg.qr')!),
          others: [...sheet.querySelectorAll('.headline, .digits, .scan, .labels')].map(area),
        };
      });
      expect(Math.max(...areas.others), format.id).toBeLessThan(areas.qr);
    }
  });

  test("/posters/ opens with a jump list that leads to each station's posters", async ({ page }) => {
    await page.goto(postersUrl());
    const jump = page.getByRole('navigation', { name: 'All stations' });
    await expect(jump.getByRole('link')).toHaveCount(stations.length);
    for (const station of stations)
      await expect(jump.getByRole('link', { name: station.name })).toHaveAttribute(
        'href',
        `#posters-${station.code}`,
      );
    await jump.getByRole('link', { name: 'Sofia Central' }).click();
    await expect(page).toHaveURL(/#posters-BG-SC$/);
    await expect(page.locator('[data-station-code="BG-SC"] h3')).toBeInViewport();
  });
});
