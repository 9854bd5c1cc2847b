import { expect, test } from '@playwright/test';
import { formatDate } from '../../src/lib/format';
import { LANGUAGES } from '../../src/lib/languages';
import { oldestDate } from '../../src/lib/staleness';
import { contactsOf, countryOf, shipped } from '../support/content';
import { uiText } from '../support/ui-text';

const romania = countryOf('ro');
const nationalLine = contactsOf(romania.data.antiTrafficking)[0]!;
const nationalNumber = nationalLine.data.phones[0]!.number;

for (const [lang, dir] of [
  ['en', 'ltr'],
  ['uk', 'ltr'],
  ['ar', 'rtl'],
] as const) {
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
    const hrefs = await page
      .locator('a[href^="tel:"], a[href^="sms:"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const services = shipped.stations
      .find((entry) => entry.id === 'ro/bucuresti-nord')!
      .data.services.map((id) => shipped.services.find((service) => service.id === id)!);
    const expected = [
      ...contactsOf([...romania.data.emergency, ...romania.data.antiTrafficking, ...romania.data.helplines]),
      ...services,
    ].flatMap((entry) =>
      entry.data.phones.map((phone) => `${phone.kind === 'sms' ? 'sms' : 'tel'}:${phone.number}`),
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

test('a station with no real service says so and offers the national line', async ({ page }) => {
  const iasi = shipped.stations.find((entry) => entry.id === 'ro/iasi')!;
  expect(iasi.data.services).toEqual([]);
  await page.goto('/en/ro/iasi/');
  const noServices = page.locator('.no-services');
  await expect(noServices).toContainText('No services are listed for this station yet.');
  await expect(noServices.locator(`a[href="tel:${nationalNumber}"]`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Show on map' })).toHaveCount(0);
  await page.goto('/en/ro/iasi/services/');
  await expect(page.locator('.no-services')).toBeVisible();
  await expect(page.locator('#map')).toHaveCount(0);
  await expect(page.locator('[data-service-filters]')).toHaveCount(0);
});

test('real providers without coordinates or hours: no distance, no map, no "open now"; unverified is said', async ({
  page,
}) => {
  const station = shipped.stations.find((entry) => entry.id === 'ro/bucuresti-nord')!;
  const services = station.data.services.map((id) => shipped.services.find((service) => service.id === id)!);
  expect(services.every((service) => !service.data.location && !service.data.hours)).toBe(true);
  await page.goto('/en/ro/bucuresti-nord/services/');
  const cards = page.locator('.services > li');
  await expect(cards).toHaveCount(services.length);
  await expect(cards.filter({ hasText: /of the station/ })).toHaveCount(0);
  await expect(page.locator('.service-number')).toHaveCount(0);
  await expect(page.locator('[data-open-status]:visible')).toHaveCount(0);
  await expect(page.locator('#map')).toHaveCount(0);
  for (const card of await cards.all())
    await expect(card.locator('.badge')).toHaveText('Not yet confirmed. Check before you rely on it.');
  await page.goto('/en/ro/bucuresti-nord/');
  await expect(page.getByRole('link', { name: 'Show on map' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'All services near here, with filters' })).toBeVisible();
});

test('the station page says once when its facts were checked, not on every card', async ({ page }) => {
  await page.goto('/en/ro/bucuresti-nord/');
  const station = shipped.stations.find((entry) => entry.id === 'ro/bucuresti-nord')!;
  const shown = [
    ...contactsOf([...romania.data.emergency, ...romania.data.antiTrafficking, ...romania.data.helplines]),
    ...station.data.services.map((id) => shipped.services.find((service) => service.id === id)!),
  ];
  const oldest = oldestDate(shown.map((entry) => entry.data.verified?.date))!;
  await expect(page.getByText(/^Checked on /)).toHaveCount(1);
  await expect(page.locator('.checked-on')).toHaveText(
    `Checked on ${formatDate(oldest, 'en')} from public sources.`,
  );
  await expect(page.locator('.card').getByText(/Checked on/)).toHaveCount(0);
  // The country page keeps the date on each card.
  await page.goto('/en/ro/');
  expect(await page.getByText(/^Checked on /).count()).toBeGreaterThan(1);
});

test.describe('hours that help decide', () => {
  // CoMensha answers on weekdays only (helplines.md D); KCIK's number is answered round the clock.
  const officeHoursLine = contactsOf(countryOf('nl').data.antiTrafficking)[0]!;
  const roundTheClockLine = contactsOf(countryOf('pl').data.antiTrafficking)[0]!;
  const officeLine = `.emergency a[href="tel:${officeHoursLine.data.phones[0]!.number}"]`;
  const roundTheClock = `.emergency a[href="tel:${roundTheClockLine.data.phones[0]!.number}"]`;

  test('on a Saturday at noon in Amsterdam the office-hours line says closed — call 112', async ({
    page,
  }) => {
    expect(officeHoursLine.data.hours).not.toBe('24/7');
    // 2026-12-05 is a Saturday; 11:00 UTC is 12:00 in Amsterdam.
    await page.clock.setFixedTime(new Date('2026-12-05T11:00:00Z'));
    await page.goto('/en/nl/amsterdam-centraal/');
    await expect(page.locator(officeLine)).toContainText('Mon');
    await expect(page.locator(officeLine).locator('[data-open-status]')).toHaveText('Closed now — call 112');
    await expect(page.locator('.emergency a[href="tel:112"]')).toContainText('24 hours');
  });

  test('on a Tuesday at 10:00 in Amsterdam the office-hours line says open now', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-08T09:00:00Z'));
    await page.goto('/en/nl/amsterdam-centraal/');
    await expect(page.locator(officeLine).locator('[data-open-status]')).toHaveText('Open now');
  });

  test('a line answered round the clock says 24 hours and makes no open or closed claim', async ({
    page,
  }) => {
    expect(roundTheClockLine.data.hours).toBe('24/7');
    await page.clock.setFixedTime(new Date('2026-12-05T11:00:00Z'));
    await page.goto('/en/pl/przemysl-glowny/');
    await expect(page.locator(roundTheClock)).toContainText('24 hours');
    await expect(page.locator(roundTheClock).locator('[data-open-status]')).toHaveCount(0);
  });

  test('the helpline for women in Germany is headed and labelled for women, not as the trafficking line', async ({
    page,
  }) => {
    await page.goto('/en/de/berlin-hbf/');
    const emergency = page.locator('.emergency');
    await expect(emergency.getByRole('heading', { name: 'Helpline for women' })).toBeVisible();
    await expect(emergency).not.toContainText('Trafficking and exploitation helpline');
    await expect(page.locator('.emergency a[href="tel:116016"]')).toContainText('For women');
  });

  test.describe('with JavaScript turned off', () => {
    test.use({ javaScriptEnabled: false });
    test('the hours are written out and no open or closed claim is made', async ({ page }) => {
      await page.goto('/en/nl/amsterdam-centraal/');
      await expect(page.locator(officeLine)).toContainText('09:00');
      await expect(page.locator(officeLine).locator('[data-open-status]')).toBeHidden();
    });
  });
});

test('a station without a sourced help point says to ask uniformed staff or call 112', async ({ page }) => {
  const withoutHelpPoint = shipped.stations.find((station) => !station.data.helpInStation);
  expect(withoutHelpPoint, 'a station without a sourced help point (most have none yet)').toBeDefined();
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
  const columns = await links.evaluateAll(
    (all) => new Set(all.map((a) => Math.round(a.getBoundingClientRect().left))).size,
  );
  expect(columns).toBe(2);
});
