import { appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForCached, waitForControl } from '../../src/node/service-worker';
import { serveBuildCopyPerTest } from '../support/build-copy';
import { precachedPaths } from '../../src/lib/budgets';
import { builtFileReader } from '../../src/offline/build';
import { filesOfPage } from '../../src/offline/install';

test.use({ serviceWorkers: 'allow' });

// Each test has its own copy of the build, so it can stop the server or ship an update.
const site = serveBuildCopyPerTest('offline');

test('the first page visited is controlled and works offline, even after the server stops', async ({
  page,
  context,
}) => {
  await page.goto(`${site.origin}/uk/ro/iasi/`);
  await waitForControl(page);
  // The person also reads a page in Arabic: the worker keeps the Arabic offline page (one small file).
  await page.goto(`${site.origin}/ar/ro/iasi/`);
  await waitForCached(page, '/ar/offline/');
  await page.goto(`${site.origin}/uk/ro/iasi/`);
  await site.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iași');
  await expect(page.locator('.emergency a[href="tel:112"]')).toBeVisible();
  // Styled, not bare HTML: a station page carries its CSS inline, other pages' stylesheets come from a cache.
  const stylesheets = await page.evaluate(() =>
    [...document.styleSheets].map((sheet) => sheet.cssRules.length),
  );
  expect(stylesheets.length).toBeGreaterThan(0);
  expect(stylesheets.every((rules) => rules > 0)).toBe(true);
  // A page not on the phone (the Arabic home page, which lists every station, is never stored unasked) gets the offline page in its language.
  await page.goto(`${site.origin}/ar/`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-country-helplines]')).toBeAttached();
});

test('a first visit costs only the small install set: the worker fetches the English offline page and its files, and keeps the page read with its files', async ({
  page,
  context,
}) => {
  const fetchedByWorker: string[] = [];
  const bytesByWorker: number[] = [];
  context.on('requestfinished', (request) => {
    if (!request.serviceWorker()) return;
    fetchedByWorker.push(new URL(request.url()).pathname);
    void request.sizes().then((sizes) => bytesByWorker.push(sizes.responseBodySize));
  });
  const visited = '/uk/ro/iasi/';
  await page.goto(`${site.origin}${visited}`);
  await waitForControl(page);
  await waitForCached(page, '/uk/offline/');

  const read = builtFileReader(site.root);
  const installSet = precachedPaths(read('/sw.js') ?? '').map((path) => path.replace(/index\.html$/, ''));
  expect(installSet).toContain('/en/offline/');
  const pageAndFiles = [visited, ...filesOfPage(read(`${visited}index.html`) ?? '', read)];
  // The offline page in the language read (one small page, loading nothing the install lacks).
  const allowed = new Set([...installSet, ...pageAndFiles, '/uk/offline/', '/sw.js']);
  expect(fetchedByWorker.length).toBeGreaterThan(0);
  expect(fetchedByWorker.filter((path) => !allowed.has(path))).toEqual([]);
  // No home page, no other station, no other language: three pages in all.
  expect(fetchedByWorker.filter((path) => path.endsWith('/')).sort()).toEqual(
    ['/en/offline/', '/uk/offline/', visited].sort(),
  );

  // What the caches hold says the same: no pack, and the pages are those three.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const paths = await Promise.all(
      names.map(async (name) =>
        (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      ),
    );
    return { names, pages: paths.flat().filter((path) => path.endsWith('/')) };
  });
  expect(cached.names.filter((name) => name.startsWith('pack:'))).toEqual([]);
  expect([...new Set(cached.pages)].sort()).toEqual(['/en/offline/', '/uk/offline/', visited].sort());
  console.log(
    `first visit: the worker fetched ${fetchedByWorker.length} files, ${(bytesByWorker.reduce((sum, bytes) => sum + bytes, 0) / 1024).toFixed(1)} KB uncompressed`,
  );
});

test('a saved station opens offline in the saved languages; an unsaved one shows the offline page with its country numbers', async ({
  page,
  context,
}) => {
  await page.goto(`${site.origin}/en/pl/przemysl-glowny/`);
  await waitForControl(page);
  const save = page.locator('[data-save-offline]');
  await expect(save).toBeVisible();
  await save.locator('summary').click();
  await save.getByLabel('Українська').check();
  await save.getByRole('button', { name: 'Save for offline' }).click();
  await expect(save.locator('[data-status]')).toContainText(/Saved: \d+/);
  // The size shown is what the pack really holds: every page it stored, byte for byte as served.
  const pack = await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key === 'pack:station:pl/przemysl-glowny');
    const meta = await (await caches.open(name!)).match('/__pack__/meta.json');
    return (await meta!.json()) as { urls: string[]; bytes: number; languages: string[] };
  });
  expect(pack.languages.sort()).toEqual(['en', 'uk']);
  expect(pack.urls).toContain('/uk/pl/przemysl-glowny/');
  expect(pack.bytes).toBe(
    pack.urls.reduce((sum, url) => sum + statSync(join(site.root, url, 'index.html')).size, 0),
  );

  // The person has read a Russian page before: the offline page in Russian is on the phone.
  await page.goto(`${site.origin}/ru/`);
  await waitForCached(page, '/ru/offline/');

  await site.close();
  await context.setOffline(true);
  for (const path of ['/uk/pl/przemysl-glowny/', '/uk/pl/help/', '/uk/info/your-rights/', '/en/pl/']) {
    await page.goto(`${site.origin}${path}`);
    await expect(page.locator('html'), path).toHaveAttribute('lang', path.split('/')[1]!);
    await expect(page.locator('h1'), path).not.toHaveText(/offline/i);
  }
  await page.goto(`${site.origin}/ru/hu/budapest-keleti/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('[data-country-helplines] details').first()).toHaveAttribute(
    'data-country',
    'hu',
  );
  await expect(
    page.locator('[data-country-helplines] details[open] a[href="tel:+3680205520"]'),
  ).toBeVisible();
  await expect(page.locator('a[href="tel:112"]')).toBeVisible();
  // The saved list shows the pack and lets the person remove it.
  await expect(page.locator('[data-saved-packs] li')).toHaveCount(1);
  await page.locator('[data-saved-packs] li button').click();
  await expect(page.locator('[data-saved-packs] li')).toHaveCount(0);
});

test('an update is offered in a notice and applied when the person reloads', async ({ page }) => {
  await page.goto(`${site.origin}/en/ro/bucuresti-nord/`);
  await waitForControl(page);
  appendFileSync(join(site.root, 'sw.js'), '\n// new content\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.locator('[data-update-notice]');
  await expect(notice).toBeVisible();
  await expect(page.locator('h1')).toHaveText('București Nord');
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await waitForControl(page);
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting !== null, active: registration?.active?.scriptURL };
  });
  expect(state).toEqual({ waiting: false, active: `${site.origin}/sw.js` });
  await expect(notice).toBeHidden();
});
