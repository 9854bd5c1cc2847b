import { expect, test, type Page } from '@playwright/test';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { uiText } from '../support/ui-text';

const NEUTRAL = /^https:\/\/www\.bbc\.com\/weather/;

// The neutral site is answered locally: tests never reach the internet.
test.beforeEach(async ({ page }) => {
  await page.route(NEUTRAL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
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
  await page
    .locator('.top-bar')
    .getByRole('link', { name: /Exit this page/ })
    .click();
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

// The safety page tells people which button to look for: in every language it must name the
// button exactly as the button is labelled (and announced), or a frightened reader will not find it.
for (const lang of ALL_LANGUAGE_CODES) {
  test(`${lang}: the quick-exit page names the exit button by the label it carries`, async ({ page }) => {
    const label = uiText(lang, 'common.exitPage');
    await page.goto(`/${lang}/info/quick-exit-safety/`);
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(page.locator('a[data-quick-exit]')).toHaveAccessibleName(new RegExp(escaped));
    await expect(page.locator('article h2').first()).toContainText(label);
    await expect(page.locator('article')).toContainText(label);
  });
}
