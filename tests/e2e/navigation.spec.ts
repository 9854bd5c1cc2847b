import { expect, test } from '@playwright/test';

test.describe('short links from posters', () => {
  for (const [locale, lang] of [
    ['uk-UA', 'uk'],
    ['ar-SY', 'ar'],
    ['ro-RO', 'ro'],
    ['ja-JP', 'en'],
  ] as const) {
    test(`/s/RO-BN/ opens the station in ${lang} for a ${locale} browser`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/s/RO-BN/');
      await expect(page).toHaveURL(new RegExp(`/${lang}/ro/bucuresti-nord/$`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await context.close();
    });
  }

  test('without JavaScript, a short link lists the station languages first', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/s/RO-BN/');
    const first = page.locator('[data-language-redirect] a').first();
    await expect(first).toHaveText('Română');
    await page.getByRole('link', { name: 'Українська' }).click();
    await expect(page).toHaveURL(/\/uk\/ro\/bucuresti-nord\/$/);
    await context.close();
  });
});

test('/ picks the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru\/$/);
  await context.close();
});

test('the station finder ignores diacritics', async ({ page }) => {
  await page.goto('/en/');
  await page.getByLabel('Find your station').fill('bucuresti');
  await expect(page.getByRole('link', { name: 'București Nord' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Iași' })).toBeHidden();
  await page.getByLabel('Find your station').fill('przemysl glowny');
  await expect(page.getByRole('link', { name: 'Przemyśl Główny' })).toBeVisible();
  await page.getByLabel('Find your station').fill('zzzz');
  await expect(page.getByText('No station found')).toBeVisible();
});

test('a missing page answers 404 and still shows the emergency numbers', async ({ page }) => {
  const response = await page.goto('/en/ro/no-such-station/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('a[href="tel:112"]')).toBeVisible();
  await expect(page.locator('a[href="tel:+40800800678"]')).toBeVisible();
});

test('the home page does not move when its scripts arrive: the finder holds its place from the first paint', async ({
  page,
}) => {
  // Hold the page's scripts back, as on a slow connection, and see where the station list is before and after they run.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded, so wait for the parsed list and its stylesheets instead.
  await page.goto('/en/', { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      document.querySelector('#station-list li:last-child') !== null &&
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet),
  );
  // A web font swapping in moves text too, whenever it arrives; this test is about the scripts, so let the
  // fonts the first paint asked for settle first (layout is forced so that every font in use has been requested).
  await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
  });
  const listTop = () =>
    page.locator('#station-list').evaluate((list) => Math.round(list.getBoundingClientRect().top));
  const before = await listTop();
  await expect(page.getByLabel('Find your station')).toBeVisible();
  release();
  await page.waitForLoadState('load');
  await expect(page.getByRole('button', { name: 'Find my nearest station' })).toBeVisible();
  expect(await listTop()).toBe(before);
});

test('without JavaScript, the home page leaves out the tools that need it and keeps the full station list', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/');
  await expect(page.locator('[data-station-finder]')).toBeHidden();
  await expect(page.locator('[data-nearest]')).toBeHidden();
  await expect(page.getByRole('link', { name: 'București Nord' })).toBeVisible();
  await context.close();
});
