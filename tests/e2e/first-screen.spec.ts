import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/languages';
import { shipped, contactsOf, countryOf } from '../support/content';

/**
 * The promise of the station page: on a 360 × 640 phone, in every language,
 * 112 and the national line can be tapped without scrolling, and the exit is
 * always on screen. One browser page walks every station in every language
 * and lists every combination that breaks the promise, not only the first.
 */
const PHONE = { width: 360, height: 640 };
/** Every language this build has (a full build has all 16; PUBLIC_LOCALES builds fewer). */
const BUILT = LANGUAGES.filter(({ code }) => existsSync(join(process.env.OUT_DIR ?? 'dist', code, 'index.html')));
const SMALL_PHONE = { width: 320, height: 568 };

interface Box { top: number; bottom: number; left: number; right: number }

const boxOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element): Box => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  });

const inside = (box: Box, size: { width: number; height: number }) => box.top >= 0 && box.left >= 0 && box.bottom <= size.height && box.right <= size.width;

/** The top bar is one row (its controls share one band) and the exit label is one line. */
const topBar = (page: Page) =>
  page.locator('.top-bar').evaluate((bar) => {
    const controls = [...bar.querySelectorAll('.language-switcher > summary, .quick-exit, .quick-exit-help')].map((element) => element.getBoundingClientRect());
    const overlapAll = controls.every((rect) => controls.every((other) => rect.top < other.bottom && other.top < rect.bottom));
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
  return { path: `${station.data.country}/${station.id.split('/').pop()}`, nationalNumber: national.data.phones[0]!.number };
});

test('every station in every language: 112 and the national line are inside the first screen, the top bar is one row', async ({ browser }) => {
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
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await page.evaluate(() => document.fonts.ready);
      const emergency = await boxOf(page, '.emergency a[href="tel:112"]');
      const national = await boxOf(page, `.emergency a[href="tel:${nationalNumber}"]`);
      if (!inside(emergency, PHONE)) failures.push(`${url} 360×640: 112 at ${Math.round(emergency.top)}–${Math.round(emergency.bottom)}`);
      if (!inside(national, PHONE)) failures.push(`${url} 360×640: national line ${nationalNumber} at ${Math.round(national.top)}–${Math.round(national.bottom)}`);
      const bar = await topBar(page);
      if (!bar.oneRow) failures.push(`${url} 360×640: the top bar wraps to a second row`);
      if (bar.exitLines !== 1) failures.push(`${url} 360×640: the exit label takes ${bar.exitLines} lines`);
      await page.setViewportSize(SMALL_PHONE);
      const small = await boxOf(page, '.emergency a[href="tel:112"]');
      if (!inside(small, SMALL_PHONE)) failures.push(`${url} 320×568: 112 at ${Math.round(small.top)}–${Math.round(small.bottom)}`);
      checked += 1;
    }
  }
  await context.close();
  console.log(`first screen: ${checked} station pages checked (${stations.length} stations × ${BUILT.length} languages), ${failures.length} problem(s)`);
  expect(failures).toEqual([]);
});
