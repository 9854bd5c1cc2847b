import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/languages';
import { contactsOf, countryOf, shipped } from '../support/content';
import { uiText } from '../support/ui-text';
import { config } from '../../src/config';

/**
 * The promise of the station page: on a 360 × 640 phone, in every language,
 * 112 and the national line can be tapped without scrolling, and the exit is
 * always on screen. One browser page walks every station in every language
 * and lists every combination that breaks the promise, not only the first.
 */
const PHONE = { width: 360, height: 640 };
/** Every language this build has (a full build has all 16; PUBLIC_LOCALES builds fewer). */
const OUT_DIR = config.outDir;
const BUILT = LANGUAGES.filter(({ code }) => existsSync(join(OUT_DIR, code, 'index.html')));
const SMALL_PHONE = { width: 320, height: 568 };

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const boxOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element): Box => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });

const inside = (box: Box, size: { width: number; height: number }) =>
  box.top >= 0 && box.left >= 0 && box.bottom <= size.height && box.right <= size.width;

/** The top bar is one row (its controls share one band) and the exit label is one line. */
const topBar = (page: Page) =>
  page.locator('.top-bar').evaluate((bar) => {
    const controls = [
      ...bar.querySelectorAll('.language-switcher > summary, .quick-exit, .quick-exit-help'),
    ].map((element) => element.getBoundingClientRect());
    const overlapAll = controls.every((rect) =>
      controls.every((other) => rect.top < other.bottom && other.top < rect.bottom),
    );
    const exit = bar.querySelector('.quick-exit') as HTMLElement;
    const lineTops = new Set<number>();
    const walker = document.createTreeWalker(exit, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.visually-hidden') || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) lineTops.add(Math.round(rect.top));
    }
    return { oneRow: overlapAll, exitLines: lineTops.size };
  });

const stations = shipped.stations.map((station) => {
  const country = countryOf(station.data.country);
  const national = contactsOf(country.data.antiTrafficking)[0]!;
  return {
    path: `${station.data.country}/${station.id.split('/').pop()}`,
    nationalNumber: national.data.phones[0]!.number,
  };
});

test('every station in every language: 112 and the national line are inside the first screen, the top bar is one row', async ({
  browser,
}) => {
  test.setTimeout(15 * 60_000);
  expect(stations.length).toBeGreaterThanOrEqual(12);
  expect(BUILT.length).toBeGreaterThan(0);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const failures: string[] = [];
  let checked = 0;
  for (const { path, nationalNumber } of stations) {
    for (const { code } of BUILT) {
      const url = `/${code}/${path}/`;
      await page.setViewportSize(PHONE);
      const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
      expect(response?.status(), url).toBe(200);
      await page.evaluate(() => document.fonts.ready);
      const emergency = await boxOf(page, '.emergency a[href="tel:112"]');
      const national = await boxOf(page, `.emergency a[href="tel:${nationalNumber}"]`);
      if (!inside(emergency, PHONE))
        failures.push(`${url} 360×640: 112 at ${Math.round(emergency.top)}–${Math.round(emergency.bottom)}`);
      if (!inside(national, PHONE))
        failures.push(
          `${url} 360×640: national line ${nationalNumber} at ${Math.round(national.top)}–${Math.round(national.bottom)}`,
        );
      const bar = await topBar(page);
      if (!bar.oneRow) failures.push(`${url} 360×640: the top bar wraps to a second row`);
      if (bar.exitLines !== 1) failures.push(`${url} 360×640: the exit label takes ${bar.exitLines} lines`);
      await page.setViewportSize(SMALL_PHONE);
      const small = await boxOf(page, '.emergency a[href="tel:112"]');
      if (!inside(small, SMALL_PHONE))
        failures.push(`${url} 320×568: 112 at ${Math.round(small.top)}–${Math.round(small.bottom)}`);
      checked += 1;
    }
  }
  await context.close();
  console.log(
    `first screen: ${checked} station pages checked (${stations.length} stations × ${BUILT.length} languages), ${failures.length} problem(s)`,
  );
  expect(failures).toEqual([]);
});

const NEUTRAL = /^https:\/\/www\.bbc\.com\/weather/;

test('at the bottom of the longest station page the exit is still on screen, and it leaves', async ({
  page,
}) => {
  test.setTimeout(2 * 60_000);
  await page.route(NEUTRAL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }),
  );
  await page.setViewportSize(PHONE);
  // The longest station page: the biggest built HTML of every station in every built language.
  const heights = stations.flatMap(({ path }) =>
    BUILT.map(({ code }) => ({
      url: `/${code}/${path}/`,
      bytes: statSync(join(OUT_DIR, code, path, 'index.html')).size,
    })),
  );
  const longest = heights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  await page.goto(longest.url);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await expect(page.locator('[data-quick-exit][data-ready]')).toBeAttached();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(
    await page.evaluate(() => window.scrollY),
    `${longest.url} is ${pageHeight} px long`,
  ).toBeGreaterThan(1500);
  const exit = page.locator('.top-bar .quick-exit');
  await expect(exit).toBeInViewport({ ratio: 1 });
  await exit.click();
  await expect(page).toHaveURL(NEUTRAL);
});

test('the exit shows one short word and is named by the full label, in every language', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  for (const { code } of BUILT) {
    await page.goto(`/${code}/ro/bucuresti-nord/`, { waitUntil: 'domcontentloaded' });
    const exit = page.locator('.top-bar .quick-exit');
    const visible = (await exit.innerText()).trim();
    const name = (await exit.getAttribute('aria-label')) ?? '';
    expect(name, code).toContain(uiText(code, 'common.exitPage'));
    // Label in name (WCAG 2.5.3): what people see is part of what assistive technology says.
    expect(name.toLowerCase(), code).toContain(visible.toLowerCase());
    await expect(page.locator('.top-bar .quick-exit-help'), code).toHaveAccessibleName(
      uiText(code, 'common.safetyLink'),
    );
  }
});

test('Call 112 is in the first screen of home, country, help, info, offline, 404 and short-link pages', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await page.setViewportSize(PHONE);
  for (const url of [
    '/en/',
    '/uk/',
    '/ar/ro/',
    '/de/de/',
    '/hu/hu/help/',
    '/uk/ro/help/',
    '/fa/info/signs-of-trafficking/',
    '/ro/info/your-rights/',
    '/uk/offline/',
    '/en/no-such-page/',
  ]) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const call = page.locator('main a[href="tel:112"]').first();
    await expect(call, url).toBeInViewport({ ratio: 1 });
  }
});

test.describe('without JavaScript (the short link then stays on its language list)', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });
  test('Call 112 is in the first screen of the short-link page', async ({ page }) => {
    for (const url of ['/s/RO-BN/', '/s/PL-PR/', '/S/DE-BH/']) {
      await page.goto(url);
      await expect(page.locator('main a[href="tel:112"]').first(), url).toBeInViewport({ ratio: 1 });
    }
  });
});
