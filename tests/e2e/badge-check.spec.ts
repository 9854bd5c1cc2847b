import { expect, test, type Page } from '@playwright/test';
import {
  base64urlEncode,
  endOfDay,
  exportPublicJwk,
  generateBadgeKeyPair,
  signBadge,
  type BadgeClaims,
} from '../../src/lib/badge';
import { uiText } from '../support/ui-text';

/*
 * The badge check against times: out-of-range numbers, a badge not valid yet,
 * and one that expires while the page is open. The shipped content trusts no
 * key, so the page's embedded trust list gets this run's throwaway public key
 * on the way to the browser (exactly what a build with the key in
 * content/badges/keys.yaml embeds); the page and its script are the build's.
 * Time is Playwright's clock, so "expires while open" takes no real minutes.
 */

const pair = await generateBadgeKeyPair();
const TEST_KEY = {
  id: 'e2e-times-2027',
  issuer: 'E2E test issuer',
  jwk: await exportPublicJwk(pair.publicKey),
};
/** 23:58 in Bucharest on 1 March 2027: two minutes before a badge "valid until 2027-03-01" at RO-BN ends. */
const NOW = new Date('2027-03-01T21:58:00Z');
const nowSeconds = NOW.getTime() / 1000;

const claims = (overrides: Record<string, unknown> = {}) =>
  ({
    v: 1,
    kid: TEST_KEY.id,
    id: 'e2e-times',
    org: 'Example Relief Network',
    role: 'Station volunteer',
    stn: 'RO-BN',
    iat: nowSeconds - 86400,
    exp: endOfDay('2027-03-01', 'Europe/Bucharest'),
    ...overrides,
  }) as BadgeClaims;

/** A token whose claims are exactly `claims` (even ones signBadge's types forbid), with a real signature of this key. */
const token = (overrides: Record<string, unknown> = {}) => signBadge(claims(overrides), pair.privateKey);

async function openCheck(page: Page, badge: string): Promise<void> {
  await page.clock.install({ time: NOW });
  await page.route('**/en/verify/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const trusting = html.replace('"keys":[]', `"keys":[${JSON.stringify(TEST_KEY)}]`);
    expect(trusting, 'the page embeds the trust list').not.toBe(html);
    await route.fulfill({ response, body: trusting });
  });
  await page.goto(`/en/verify/#${badge}`);
}

const verdict = (page: Page) => page.locator('[data-badge-check] .verdict:visible');
const reason = (page: Page) => page.locator('[data-state="invalid"] [data-problem]:visible');

test('a valid badge reads VALID until the end of its day at the station', async ({ page }) => {
  await openCheck(page, await token());
  await expect(verdict(page)).toHaveText('✓ VALID');
  await expect(page.locator('[data-state="valid"] [data-field="until"]')).toHaveText('March 1, 2027');
});

for (const [label, overrides] of [
  ['an expiry of 1e300', { exp: 1e300 }],
  ['an expiry past the year 2100', { exp: 4_200_000_000 }],
  ['an issue time of 0', { iat: 0 }],
  ['an expiry that is text', { exp: '1798761600' }],
] as const) {
  test(`a signed badge with ${label} ends in NOT VALID with a reason at once, never stuck on "Checking…"`, async ({
    page,
  }) => {
    await openCheck(page, await token(overrides));
    await expect(verdict(page)).toHaveText('✗ NOT VALID', { timeout: 2000 });
    await expect(reason(page)).toHaveText(uiText('en', 'verify.problemMalformed'));
    await expect(page.getByText(uiText('en', 'verify.checking'))).toBeHidden();
  });
}

test('a badge whose claims are not even JSON numbers ends in NOT VALID', async ({ page }) => {
  const body = base64urlEncode(new TextEncoder().encode('{"v":1,"exp":1e999999}'));
  await openCheck(page, `${body}.${'A'.repeat(86)}`);
  await expect(verdict(page)).toHaveText('✗ NOT VALID', { timeout: 2000 });
  await expect(reason(page)).toHaveText(uiText('en', 'verify.problemMalformed'));
});

test('a badge issued next year is NOT VALID yet', async ({ page }) => {
  await openCheck(page, await token({ iat: nowSeconds + 365 * 86400, exp: nowSeconds + 400 * 86400 }));
  await expect(verdict(page)).toHaveText('✗ NOT VALID');
  await expect(reason(page)).toHaveText(uiText('en', 'verify.problemNotYetValid'));
  await expect(page.locator('[data-state="valid"]')).toBeHidden();
});

test('a badge that expires while the page is open turns NOT VALID', async ({ page }) => {
  await openCheck(page, await token());
  await expect(verdict(page)).toHaveText('✓ VALID');
  // Midnight in Bucharest comes; nobody touches the page.
  await page.clock.runFor('02:01');
  await expect(verdict(page)).toHaveText('✗ NOT VALID');
  await expect(reason(page)).toHaveText('This badge expired on March 1, 2027.');
  await expect(page.locator('[data-state="valid"]')).toBeHidden();
});
