import { expect, test } from '@playwright/test';
import { serveStatic } from '../../src/node/static-server';
import { config } from '../../src/config';

// Served with the build's own _headers, so the Content-Security-Policy is the one a host would send.
const built = config.outDir;
let site: Awaited<ReturnType<typeof serveStatic>>;
test.beforeAll(async () => {
  site = await serveStatic(built);
});
test.afterAll(async () => site.close());

const TEMPLATES = [
  '/',
  '/s/RO-BN/',
  '/en/',
  '/ar/',
  '/en/ro/',
  '/en/ro/help/',
  '/en/ro/bucuresti-nord/',
  '/ar/ro/bucuresti-nord/',
  '/en/ro/bucuresti-nord/services/',
  '/en/ro/bucuresti-nord/helpers/',
  '/en/info/is-this-offer-safe/',
  '/fa/info/signs-of-trafficking/',
  '/en/offline/',
  '/en/saved/',
  '/en/verify/',
  '/en/no-such-page/',
];

for (const path of TEMPLATES) {
  test(`${path}: only same-origin requests, no cookies, nothing stored, no CSP violation`, async ({
    page,
    context,
  }) => {
    const requests: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
    const response = await page.goto(`${site.origin}${path}`);
    await page.waitForLoadState('networkidle');
    expect(response?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Scroll through the page so that islands and lazy parts load (the map itself only loads on request).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');

    const foreign = requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).map((db) => db.name),
    }));
    expect(stored).toEqual({ cookie: '', local: 0, session: 0, databases: [] });
    expect(violations).toEqual([]);
  });
}

test('the headers files carry the policy a host must send', async ({ request }) => {
  const response = await request.get(`${site.origin}/en/`);
  const headers = response.headers();
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('geolocation=(self)');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});
