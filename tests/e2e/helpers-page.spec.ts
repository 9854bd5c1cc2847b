import { expect, test } from '@playwright/test';
import { generateBadgeKeyPair, signBadge } from '../../src/lib/badge';
import { expectNoAxeViolations } from '../support/axe';
import { shipped } from '../support/content';

// Against the shipped content: no station has a sourced list of official helpers yet, and no badge key is trusted.

test('the station page links to its official helpers page', async ({ page }) => {
  await page.goto('/en/ro/bucuresti-nord/');
  await page.getByRole('link', { name: 'Official helpers at this station' }).click();
  await expect(page).toHaveURL(/\/en\/ro\/bucuresti-nord\/helpers\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Official helpers at București Nord');
});

test('every station says honestly that its official helpers are not confirmed yet, and what real helpers never do', async ({
  page,
}) => {
  for (const station of shipped.stations) {
    await page.goto(`/en/${station.id}/helpers/`);
    await expect(page.locator('[data-helpers-not-confirmed]'), station.id).toContainText(
      'Not yet confirmed for this station.',
    );
  }
  await page.goto('/en/de/berlin-hbf/helpers/');
  const never = page.locator('.never li');
  await expect(never).toHaveCount(5);
  await expect(never.first()).toContainText('passport');
  await expect(
    page.getByText('If someone does any of this, do not go with them, even if they have a badge or a vest.'),
  ).toBeVisible();
  await expect(page.locator('.emergency a[href="tel:112"]')).toBeVisible();
  await expect(page.getByRole('link', { name: "Check a helper's badge" })).toHaveAttribute(
    'href',
    '/en/verify/',
  );
  await expectNoAxeViolations(page);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the helpers page works in full, in right-to-left too', async ({ page }) => {
    await page.goto('/ar/ro/iasi/helpers/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('[data-helpers-not-confirmed]')).toBeVisible();
    await expect(page.locator('.never li')).toHaveCount(5);
  });

  test('the badge check says it needs JavaScript, and what to do instead', async ({ page }) => {
    await page.goto('/en/verify/#anything');
    await expect(page.getByText('Checking a badge needs JavaScript')).toBeVisible();
  });
});

test('with no trusted key shipped, a well-formed badge from an unknown issuer is NOT VALID', async ({
  page,
}) => {
  const stranger = await generateBadgeKeyPair();
  const now = Math.floor(Date.now() / 1000);
  const token = await signBadge(
    {
      v: 1,
      kid: 'unknown-2026',
      id: 'x-1',
      org: 'Fake Helpers',
      role: 'Volunteer',
      iat: now - 60,
      exp: now + 365 * 86400,
    },
    stranger.privateKey,
  );
  await page.goto(`/en/verify/#${token}`);
  await expect(page.locator('[data-badge-check] .verdict:visible')).toHaveText('✗ NOT VALID');
  await expect(
    page.getByText('This badge was not issued by an organisation this site trusts.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('/verify/ without a badge explains how to scan one', async ({ page }) => {
  await page.goto('/en/verify/');
  await expect(page.getByText('There is no badge to check yet.')).toBeVisible();
  await expect(
    page.getByText('The badge code stays on your phone. It is never sent anywhere.'),
  ).toBeVisible();
});
