import { expect, test, type Page } from '@playwright/test';
import { pageType } from '../../src/data/budget-report';
import { expectNoAxeViolations } from '../support/axe';
import { readSitemap } from '../support/built-site';

/**
 * The accessibility gate. axe (WCAG 2.0/2.1/2.2 A and AA) on one page of every
 * template in English, Ukrainian, Romanian and Arabic, found from the
 * sitemap the build wrote, plus the templates a sitemap leaves out (offline,
 * saved, short link, a poster sheet, 404; the kiosk has its own axe tests in
 * kiosk.spec.ts). Then keyboard, focus, zoom and motion on the station page.
 */
const LANGUAGES = ['en', 'uk', 'ro', 'ar'];

/** One page per template and language: the first the sitemap lists. */
function pagesToCheck(): string[] {
  const chosen = new Map<string, string>();
  for (const { path } of readSitemap()) {
    const lang = path.split('/')[1] ?? '';
    const key = `${pageType(path)} ${LANGUAGES.includes(lang) ? lang : '-'}`;
    if ((LANGUAGES.includes(lang) || !/^[a-z]{2}$/.test(lang)) && !chosen.has(key)) chosen.set(key, path);
  }
  const outsideSitemap = LANGUAGES.flatMap((lang) => [`/${lang}/offline/`, `/${lang}/saved/`]);
  return [...chosen.values(), ...outsideSitemap, '/s/RO-BN/', '/posters/ro/bucuresti-nord/a4/', '/404.html'];
}

const pages = pagesToCheck();

test('the crawl covers every template the sitemap lists, in each checked language', () => {
  const types = new Set(pages.map(pageType));
  for (const type of [
    'home',
    'country',
    'station',
    'help',
    'info',
    'services',
    'helpers',
    'verify',
    'offline',
    'saved',
    'short-link',
    'posters',
  ]) {
    expect(types, type).toContain(type);
  }
  for (const lang of LANGUAGES)
    expect(pages.filter((path) => path.startsWith(`/${lang}/`)).length, lang).toBeGreaterThanOrEqual(9);
});

test.describe('axe on every template', () => {
  test.describe.configure({ timeout: 60_000 });
  for (const path of pages) {
    test(path, async ({ page }) => {
      await page.goto(path);
      // Posters' preview frames are checked on their own pages.
      await expectNoAxeViolations(page, path === '/posters/' ? { exclude: '.preview' } : {});
    });
  }
});

const STATION = '/en/ro/bucuresti-nord/';

/** What the keyboard user sees of the focused element: its name and whether a focus ring shows. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
  });
}

test('the keyboard reaches everything on a station page in order, with a visible focus ring on each stop', async ({
  page,
}) => {
  await page.goto(STATION);
  const stops: NonNullable<Awaited<ReturnType<typeof focusState>>>[] = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    if (!state) break;
    stops.push(state);
  }
  expect(stops[0]?.text).toBe('Skip to main content');
  const texts = stops.map((stop) => stop.text);
  // The quick exit comes before the content, the emergency number early in it.
  const exit = texts.findIndex((text) => /exit/i.test(text));
  const emergency = texts.findIndex((text) => text.includes('112'));
  expect(exit).toBeGreaterThan(-1);
  expect(emergency).toBeGreaterThan(exit);
  expect(stops.filter((stop) => !stop.ring).map((stop) => stop.text)).toEqual([]);
  expect(stops.filter((stop) => !stop.onScreen).map((stop) => stop.text)).toEqual([]);
  // Skip link takes focus to the main content.
  await page.goto(STATION);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
});

for (const lang of ['en', 'ar']) {
  test(`${lang}: at 200% zoom (and at 320 px) the station page reflows without sideways scrolling or hidden content`, async ({
    page,
  }) => {
    // 200% zoom of a 1280 px wide window is a 640 px layout; 400% is WCAG's 320 px reflow case.
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/${lang}/ro/bucuresti-nord/`);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wide: [...document.querySelectorAll<HTMLElement>('main *')]
          .filter(
            (element) =>
              element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
              element.getBoundingClientRect().left < -1,
          )
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
          .slice(0, 5),
      }));
      expect(overflow, `${width}px`).toEqual({ page: 0, wide: [] });
      await expect(page.locator('.emergency a[href="tel:112"]')).toBeInViewport();
    }
  });
}

test('motion is only decoration: the kiosk greeting cycles normally, and with reduced motion stands still', async ({
  browser,
}) => {
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto('/kiosk/ro/bucuresti-nord/');
    // The attract screen cycles several lines in step (greeting, 112, the national line, the hint); each obeys the setting.
    const cycling = page.locator('[data-featured-list="cycle"]');
    await expect(cycling.first()).toBeVisible();
    for (const list of await cycling.all()) {
      await expect(list.locator('[data-lang]:visible').first()).toBeVisible();
      if (reducedMotion === 'reduce') {
        await expect(list).not.toHaveClass(/is-cycling/);
      } else {
        await expect(list).toHaveClass(/is-cycling/);
      }
    }
    if (reducedMotion === 'reduce') {
      // Standing still, the greeting shows several languages at once instead of one after another.
      expect(await cycling.first().locator('[data-lang]:visible').count()).toBeGreaterThan(1);
      const animated = await page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter(
            (element) => getComputedStyle(element).animationName !== 'none',
          ).length,
      );
      expect(animated).toBe(0);
    }
    await context.close();
  }
});
