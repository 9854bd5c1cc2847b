import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForControl } from '../../src/node/service-worker';
import { serveBuildCopyPerTest } from '../support/build-copy';

const KIOSK = '/kiosk/ro/bucuresti-nord/';

test.use({ serviceWorkers: 'allow', viewport: { width: 1080, height: 1920 }, hasTouch: true });

// Each test has its own copy of the build, so it can stop the server or ship an update.
const site = serveBuildCopyPerTest('kiosk');

test('after its first load the kiosk works in every language with the server gone', async ({
  page,
  context,
}) => {
  await page.goto(`${site.origin}${KIOSK}`);
  await waitForControl(page);
  await expect(page.locator('html')).toHaveAttribute('data-kiosk-offline', 'ready', { timeout: 30_000 });
  const stored = await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('pack:kiosk:'));
    return name
      ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)
      : [];
  });
  const languages = (await page.locator('body').getAttribute('data-site-languages'))!.split(',');
  for (const lang of languages) expect(stored).toContain(`${KIOSK}${lang}/`);
  // The QR code files the pages show are stored with them.
  expect(stored.filter((path) => path.startsWith('/qr/')).length).toBeGreaterThan(languages.length);

  await site.close();
  await context.setOffline(true);
  await page.locator('.kiosk-attract__start').tap();
  await page.locator('[data-language-grid]').getByRole('link', { name: 'العربية', exact: true }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#home')).toBeVisible();
  await page.locator('#home a[href="#helplines"]').tap();
  await expect(page.locator('#helplines')).toBeVisible();
  // Every QR code of the page shows, from the kiosk's stored copy.
  await expect(page.locator('#helplines img.qr').first()).toBeVisible();
  await expect
    .poll(() =>
      page
        .locator('img.qr')
        .evaluateAll(
          (images) =>
            images.filter(
              (image) =>
                !((image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
            ).length,
        ),
    )
    .toBe(0);
  // Styled from the precache, not bare HTML: the tiles keep their size.
  const rules = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
      (link) => link.sheet?.cssRules.length ?? 0,
    ),
  );
  expect(rules.every((count) => count > 0)).toBe(true);
});

test('a new version waits while someone uses the kiosk and is applied once it is idle again', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(`${site.origin}${KIOSK}`);
  await waitForControl(page);
  await expect(page.locator('html')).toHaveAttribute('data-kiosk-offline', 'ready', { timeout: 30_000 });

  // Someone is using it: an update arrives and waits.
  await page.locator('.kiosk-attract__start').tap();
  await page.locator('[data-language-grid]').getByRole('link', { name: 'English', exact: true }).tap();
  await expect(page.locator('#home')).toBeVisible();
  appendFileSync(join(site.root, 'sw.js'), '\n// new content\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);
  await page.waitForTimeout(500);
  await expect(page.locator('#home')).toBeVisible();
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null),
  ).toBe(true);

  // Idle: the countdown, the reset to the attract screen, then the new version takes over.
  await page.clock.runFor(75_000);
  await expect(page.locator('#attract')).toBeVisible();
  await page.waitForFunction(
    async () => (await navigator.serviceWorker.getRegistration())?.waiting === null,
    undefined,
    { timeout: 30_000 },
  );
  await waitForControl(page);
  await expect(page.locator('#attract')).toBeVisible();
});
