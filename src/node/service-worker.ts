import type { Page } from 'playwright-core';

/**
 * Waits until the service worker controls the page. The check is synchronous
 * on purpose: waitForFunction takes a returned promise as a truthy value, so
 * an async check would pass before the worker has claimed the page (and
 * before it has stored the page it installed on).
 */
export async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
}
