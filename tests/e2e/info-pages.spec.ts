import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { load } from 'js-yaml';
import { ALL_LANGUAGE_CODES, getLanguage } from '../../src/lib/languages';
import type { InfoData } from '../../src/schemas/info';
import { expectNoAxeViolations } from '../support/axe';
import { contactsOf, countryOf } from '../support/content';
import { uiText } from '../support/ui-text';

const slugs = readdirSync(new URL('../../content/info/en/', import.meta.url)).map((file) =>
  file.replace(/\.md$/, ''),
);

test('every information page exists in every language, with the right lang and dir', async ({ request }) => {
  expect(slugs.length).toBeGreaterThanOrEqual(10);
  for (const lang of ALL_LANGUAGE_CODES) {
    for (const slug of slugs) {
      const response = await request.get(`/${lang}/info/${slug}/`);
      expect(response.status(), `/${lang}/info/${slug}/`).toBe(200);
      const html = await response.text();
      expect(html, `/${lang}/info/${slug}/`).toContain(`<html lang="${lang}" dir="${getLanguage(lang).dir}"`);
      expect(html, `/${lang}/info/${slug}/ ends with 112`).toContain('href="tel:112"');
    }
  }
});

test('the trafficking graphic is real text: act, means, purpose', async ({ page }) => {
  await page.goto('/en/info/signs-of-trafficking/');
  const parts = page.locator('.amp li');
  await expect(parts).toHaveCount(3);
  await expect(parts.nth(0)).toContainText('An act');
  await expect(parts.nth(1)).toContainText('A means');
  await expect(parts.nth(2)).toContainText('A purpose');
});

test('helplines at the end open the country the reader came from', async ({ page }) => {
  await page.goto('/en/info/your-rights/?c=pl');
  const first = page.locator('[data-country-helplines] details').first();
  await expect(first).toHaveAttribute('data-country', 'pl');
  await expect(first).toHaveAttribute('open', '');
  const polishLine = contactsOf(countryOf('pl').data.antiTrafficking)[0]!.data.phones[0]!.number;
  await expect(first.locator(`a[href="tel:${polishLine}"]`)).toBeVisible();
});

test.describe('"Is this offer safe?" self-check', () => {
  async function answer(page: import('@playwright/test').Page, yesIds: string[]) {
    const questions = page.locator('.self-check fieldset');
    await expect(questions.first()).toBeVisible();
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const fieldset = questions.nth(i);
      const id = await fieldset.locator('input').first().getAttribute('name');
      await fieldset.getByLabel(yesIds.includes(id ?? '') ? 'Yes' : 'No').check();
    }
  }

  test('a risky answer set explains the risk and offers the national line, with no network request', async ({
    page,
  }) => {
    await page.goto('/en/info/is-this-offer-safe/?c=ro');
    await expect(page.locator('.self-check fieldset').first()).toBeVisible();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await answer(page, ['passport', 'debt']);
    const result = page.locator('.self-check .result');
    await expect(result).toHaveAttribute('data-verdict', 'risky');
    await expect(result).toContainText('Some answers are warning signs');
    await expect(result).toContainText('Nobody may keep your documents');
    await expect(result.locator('a[href="tel:+40800800678"]')).toBeVisible();
    expect(requests).toEqual([]);
  });

  test('a safe answer set says so, with no network request', async ({ page }) => {
    await page.goto('/en/info/is-this-offer-safe/');
    await expect(page.locator('.self-check fieldset').first()).toBeVisible();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await answer(page, []);
    await expect(page.locator('.self-check .result')).toHaveAttribute('data-verdict', 'safe');
    await expect(page.locator('.self-check .result')).toContainText('We see no warning signs');
    expect(requests).toEqual([]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the same questions appear as a checklist with the guidance', async ({ page }) => {
      await page.goto('/en/info/is-this-offer-safe/');
      const items = page.locator('.self-check .checklist li');
      await expect(items).toHaveCount(7);
      await expect(items.first()).toContainText('Did they ask to keep your passport');
      await expect(items.first()).toContainText('Nobody may keep your documents');
    });
  });
});

/** The self-check questions as the page in that language asks them. */
function checksIn(lang: string) {
  const text = readFileSync(
    new URL(`../../content/info/${lang}/is-this-offer-safe.md`, import.meta.url),
    'utf8',
  );
  return (load(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as InfoData).checks ?? [];
}

// A question turned round in translation ("Did they ask YOU to keep your passport?") would make
// "yes" reassure. In every language, yes to the passport question alone must give the warning.
for (const lang of ALL_LANGUAGE_CODES) {
  test(`${lang}: yes to "do they want to keep your passport" is a warning sign; no to everything is not`, async ({
    page,
  }) => {
    const checks = checksIn(lang);
    const passport = checks.find((q) => q.id === 'passport')!;
    await page.goto(`/${lang}/info/is-this-offer-safe/`);
    const questions = page.locator('.self-check fieldset');
    await expect(questions).toHaveCount(checks.length);
    await expect(questions.first().locator('legend')).toHaveText(passport.question);
    for (const q of checks)
      await page.locator(`input[name="${q.id}"][value="${q.id === 'passport' ? 'yes' : 'no'}"]`).check();
    const result = page.locator('.self-check .result');
    await expect(result).toHaveAttribute('data-verdict', 'risky');
    await expect(result).toContainText(uiText(lang, 'selfCheck.risky'));
    await expect(result).toContainText(passport.ifYes);
    await page.locator('input[name="passport"][value="no"]').check();
    await expect(result).toHaveAttribute('data-verdict', 'safe');
    await expect(result).toContainText(uiText(lang, 'selfCheck.safe'));
  });
}

test('the country help page goes step by step and has a script to read aloud', async ({ page }) => {
  await page.goto('/en/gb/help/');
  const steps = page.locator('.step');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0).locator('a[href="tel:999"]')).toBeVisible();
  await expect(steps.nth(1).locator('a[href="tel:+448000121700"]')).toBeVisible();
  await expect(steps.nth(3).locator('a[href="tel:+44800555111"]')).toBeVisible();
  await page.getByText('What to say').click();
  await expect(page.locator('.what-to-say li').first()).toBeVisible();
});

for (const lang of ['en', 'ar']) {
  for (const path of [
    'info/is-this-offer-safe/',
    'info/signs-of-trafficking/',
    'ro/help/',
    'ro/bucuresti-nord/',
    'ro/',
    '',
  ]) {
    test(`axe finds no WCAG A/AA violation on /${lang}/${path}`, async ({ page }) => {
      await page.goto(`/${lang}/${path}`);
      await expectNoAxeViolations(page);
    });
  }
}
