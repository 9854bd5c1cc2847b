import { expect, test, type Page } from '@playwright/test';

const NEUTRAL = /^https:\/\/www\.bbc\.com\/weather/;

// The neutral site is answered locally: tests never reach the internet.
test.beforeEach(async ({ page }) => {
  await page.route(NEUTRAL, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
});

async function openStationFromHome(page: Page) {
  await page.goto('/en/');
  await page.getByRole('link', { name: 'București Nord' }).click();
  await expect(page).toHaveURL(/\/en\/ro\/bucuresti-nord\/$/);
  // Keys pressed before the script runs do nothing, as for a real visitor.
  await expect(page.locator('[data-quick-exit][data-ready]')).toBeAttached();
}

test('the button leaves at once and Back does not return to the page', async ({ page }) => {
  await openStationFromHome(page);
  await page.locator('.top-bar').getByRole('link', { name: /Exit this page/ }).click();
  await expect(page).toHaveURL(NEUTRAL);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('Shift three times leaves, announcing the count', async ({ page }) => {
  await openStationFromHome(page);
  await page.keyboard.press('Shift');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift pressed 1 of 3 times');
  await page.keyboard.press('Shift');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift pressed 2 of 3 times');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('Shift twice then another key does not leave', async ({ page }) => {
  await openStationFromHome(page);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await expect(page.locator('[data-quick-exit-status]')).toBeHidden();
  await page.keyboard.press('Shift');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift pressed 1 of 3 times');
  await expect(page).toHaveURL(/\/en\/ro\/bucuresti-nord\/$/);
});

test('presses more than 5 seconds apart start the count again', async ({ page }) => {
  await page.clock.install();
  await openStationFromHome(page);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.clock.fastForward(6000);
  await page.keyboard.press('Shift');
  await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift pressed 1 of 3 times');
  await expect(page).toHaveURL(/\/en\/ro\/bucuresti-nord\/$/);
});
