import type { Page } from 'playwright-core';

/**
 * Waits until the service worker controls the page. The check is synchronous
 * on purpose: waitForFunction takes a returned promise as a truthy value, so
 * an async check would pass before the worker has claimed the page (and
 * before it has stored the page it installed on).
 */
export async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, {
    timeout: 30_000,
  });
}

/** Waits until a path is in one of the site's caches (the worker stores some pages after answering, in the background). */
export async function waitForCached(page: Page, path: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  const cached = () =>
    page.evaluate(async (url) => (await caches.match(url, { ignoreSearch: true })) !== undefined, path);
  while (!(await cached())) {
    if (Date.now() > deadline) throw new Error(`${path} was not in any cache after 15 s`);
    await page.waitForTimeout(200);
  }
}
