import { expect, test } from '@playwright/test';
import { contactsOf, countryOf } from '../support/content';

const romania = countryOf('ro');
const nationalLine = contactsOf(romania.data.antiTrafficking)[0]!;
const nationalNumber = nationalLine.data.phones[0]!.number;

for (const [lang, dir] of [['en', 'ltr'], ['uk', 'ltr'], ['ar', 'rtl']] as const) {
  test(`station page in ${lang} shows 112 and the national helpline as tel: links`, async ({ page }) => {
    await page.goto(`/${lang}/ro/bucuresti-nord/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('București Nord');

    const emergency = page.locator('.emergency a[href="tel:112"]');
    await expect(emergency).toBeVisible();
    await expect(emergency).toContainText('112');
    const helpline = page.locator(`.emergency a[href="tel:${nationalNumber}"]`);
    await expect(helpline).toBeVisible();
    await expect(helpline).toContainText('0800 800 678');

    // The number itself stays left-to-right, even inside Arabic text.
    const digits = helpline.locator('.ltr');
    expect(await digits.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // Screen readers get the number digit by digit.
    await expect(helpline.locator('.visually-hidden')).toHaveText('0 8 0 0, 8 0 0, 6 7 8');
  });
}

test('112 and the national line are on the first screen of a 360 × 640 phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/en/ro/bucuresti-nord/');
  for (const href of ['tel:112', `tel:${nationalNumber}`]) {
    const box = await page.locator(`.emergency a[href="${href}"]`).boundingBox();
    expect(box, href).not.toBeNull();
    expect(box!.y + box!.height, href).toBeLessThanOrEqual(640);
    expect(box!.height, `${href} is a large target`).toBeGreaterThanOrEqual(48);
  }
});

test('the language switcher keeps the visitor on the same station', async ({ page }) => {
  await page.goto('/en/ro/bucuresti-nord/');
  await page.locator('.language-switcher summary').click();
  await page.getByRole('link', { name: 'Українська' }).click();
  await expect(page).toHaveURL(/\/uk\/ro\/bucuresti-nord\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  // Languages are listed in their own names, the station's languages first.
  const names = await page.locator('.language-switcher li a').allTextContents();
  expect(names.slice(0, 4).map((n) => n.trim())).toEqual(['Română', 'Українська', 'Русский', 'English']);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a station page still shows every helpline of its country', async ({ page }) => {
    await page.goto('/en/ro/bucuresti-nord/');
    const hrefs = await page.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const expected = contactsOf([...romania.data.emergency, ...romania.data.antiTrafficking, ...romania.data.helplines]).flatMap((contact) =>
      contact.data.phones.map((phone) => `${phone.kind === 'sms' ? 'sms' : 'tel'}:${phone.number}`),
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(hrefs.sort()).toEqual(expected.sort());
  });

  test('the language switcher works as a plain list', async ({ page }) => {
    await page.goto('/en/ro/bucuresti-nord/');
    await page.locator('.language-switcher summary').click();
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/ru\/ro\/bucuresti-nord\/$/);
  });
});
