import { expect, test } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/languages';
import { contactsOf, countryOf, shipped } from '../support/content';
import { uiText } from '../support/ui-text';

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

test('sample providers are marked as sample data', async ({ page }) => {
  await page.goto('/en/ro/bucuresti-nord/');
  const services = page.locator('.services > li');
  expect(await services.count()).toBeGreaterThan(0);
  for (const service of await services.all()) await expect(service.locator('.badge')).toHaveText(/Sample/);
});

test.describe('hours that help decide', () => {
  const kcik = contactsOf(countryOf('pl').data.antiTrafficking)[0]!;
  const [officeLine, roundTheClock] = kcik.data.phones.map((phone) => `.emergency a[href="tel:${phone.number}"]`) as [string, string];

  test('on a Saturday at noon in Warsaw the office line says closed — call 112, the round-the-clock line says 24 hours', async ({ page }) => {
    // 2026-12-05 is a Saturday; 11:00 UTC is 12:00 in Warsaw.
    await page.clock.setFixedTime(new Date('2026-12-05T11:00:00Z'));
    await page.goto('/en/pl/przemysl-glowny/');
    await expect(page.locator(officeLine)).toContainText('Mon');
    await expect(page.locator(officeLine).locator('[data-open-status]')).toHaveText('Closed now — call 112');
    await expect(page.locator(roundTheClock)).toContainText('24 hours');
    await expect(page.locator(roundTheClock).locator('[data-open-status]')).toHaveCount(0);
    await expect(page.locator('.emergency a[href="tel:112"]')).toContainText('24 hours');
  });

  test('on a Tuesday at 10:00 in Warsaw the office line says open now', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-08T09:00:00Z'));
    await page.goto('/en/pl/przemysl-glowny/');
    await expect(page.locator(officeLine).locator('[data-open-status]')).toHaveText('Open now');
  });

  test('the helpline for women in Germany is headed and labelled for women, not as the trafficking line', async ({ page }) => {
    await page.goto('/en/de/berlin-hbf/');
    const emergency = page.locator('.emergency');
    await expect(emergency.getByRole('heading', { name: 'Helpline for women' })).toBeVisible();
    await expect(emergency).not.toContainText('Trafficking and exploitation helpline');
    await expect(page.locator('.emergency a[href="tel:116016"]')).toContainText('For women');
  });

  test.describe('with JavaScript turned off', () => {
    test.use({ javaScriptEnabled: false });
    test('the hours are written out and no open or closed claim is made', async ({ page }) => {
      await page.goto('/en/pl/przemysl-glowny/');
      await expect(page.locator(officeLine)).toContainText('09:00');
      await expect(page.locator(officeLine).locator('[data-open-status]')).toBeHidden();
    });
  });
});

test('a station without a sourced help point says to ask uniformed staff or call 112', async ({ page }) => {
  const withoutHelpPoint = shipped.stations.find((station) => !station.data.helpInStation);
  test.skip(!withoutHelpPoint, 'every shipped station has a sourced help point');
  const { country } = withoutHelpPoint!.data;
  for (const lang of ['en', 'uk', 'ar']) {
    await page.goto(`/${lang}/${country}/${withoutHelpPoint!.id.split('/').pop()}/`);
    await expect(page.locator('[data-help-fallback]')).toHaveText(uiText(lang, 'station.askStaff'));
  }
});

test('the language menu shows every language at once, in two columns on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/uk/ro/bucuresti-nord/');
  await page.locator('.language-switcher summary').click();
  const links = page.locator('.language-switcher li a');
  expect(await links.count()).toBe(LANGUAGES.length);
  for (const { code, name } of LANGUAGES) {
    const link = page.locator(`.language-switcher li a[hreflang="${code}"]`);
    await expect(link).toHaveText(name);
    await expect(link, code).toBeInViewport({ ratio: 1 });
  }
  const columns = await links.evaluateAll((all) => new Set(all.map((a) => Math.round(a.getBoundingClientRect().left))).size);
  expect(columns).toBe(2);
});
