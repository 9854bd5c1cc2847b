import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  checkBuildForStaffLeaks,
  describeLeakReport,
  readStaffDocuments,
  scanBuild,
} from '../../src/data/leak-check';
import { endOfDay, signBadge, type BadgeClaims } from '../../src/lib/badge';
import { collectSecrets, findSecrets } from '../../src/lib/leak-scan';
import { SITUATIONS } from '../../src/schemas/staff';
import { expectNoAxeViolations } from '../support/axe';
import { shipped } from '../support/content';
import { pdfInfo, pdfText } from '../support/pdf';
import { waitForControl } from '../../src/node/service-worker';
import { serveStatic } from '../../src/node/static-server';
import { uiText } from '../support/ui-text';
import {
  FICTIONAL_NUMBERS,
  FILLED_STATION,
  makeStaffTestBuilds,
  REVOKED_BADGE_ID,
  TEST_ISSUER,
  TEST_KEY_ID,
  type StaffTestBuilds,
} from '../support/staff-builds';

/**
 * Builds the public site and the staff build from one copy of the content
 * (with a badge key made for this run and fictional internal numbers), then:
 * proves the public output holds no staff-only string, checks the staff
 * build, and checks badges in the browser. One build for the whole file.
 */
test.describe.configure({ mode: 'serial' });

let builds: StaffTestBuilds;

test.beforeAll(async () => {
  test.setTimeout(20 * 60_000);
  builds = await makeStaffTestBuilds();
});

test.afterAll(async () => {
  await builds?.close();
});

test.describe('the public build never contains staff content', () => {
  test('no staff-only text or number appears anywhere in the public output', () => {
    const report = checkBuildForStaffLeaks(builds.publicDir, builds.contentDir);
    const summary = describeLeakReport(report, 'the public build');
    console.log(summary);
    test
      .info()
      .annotations.push({ type: 'leak check', description: summary.split('\n').slice(0, 3).join(' ') });

    // It searched the whole build, every kind of file in it.
    expect(report.scanned.files).toBeGreaterThan(500);
    for (const kind of ['.html', '.js', '.xml', '.webmanifest'])
      expect(report.scanned.byExtension[kind], `${kind} files scanned`).toBeGreaterThan(0);
    expect(
      existsSync(join(builds.publicDir, 'sw.js')),
      'the service worker is among the files searched',
    ).toBe(true);
    // It searched for every staff text (none skipped as too short) and every internal number.
    expect(report.secrets.tooShort).toEqual([]);
    expect(report.secrets.secrets.filter((s) => s.kind === 'text').length).toBeGreaterThan(300);
    expect(
      report.secrets.secrets
        .filter((s) => s.kind === 'number')
        .map((s) => s.label)
        .sort(),
    ).toEqual([...FICTIONAL_NUMBERS].sort());
    expect(report.hits.map((hit) => `${hit.path}: ${hit.secret.label}`)).toEqual([]);
  });

  test('the same search finds every staff-only string in the staff build, so it would see a leak', () => {
    const { documents } = readStaffDocuments(builds.contentDir);
    const { secrets } = collectSecrets(documents);
    const found = new Set(
      findSecrets(scanBuild(builds.staffDir).files, secrets).map((hit) => hit.secret.label),
    );
    expect(secrets.filter((secret) => !found.has(secret.label)).map((secret) => secret.label)).toEqual([]);
  });

  test('the public build has no staff page', () => {
    expect(existsSync(join(builds.publicDir, 'checklists'))).toBe(false);
    const files = readdirSync(builds.publicDir, { recursive: true }).map(String);
    // Staff plans are {country}/{station}.html; the public site has only {lang}/…/index.html pages there.
    expect(files.filter((file) => /^[a-z]{2}\/(?!index\.html$)[a-z0-9-]+\.html$/.test(file))).toEqual([]);
  });
});

test.describe('the staff build', () => {
  const planUrl = (country: string, slug: string) => `${builds.staffOrigin}/${country}/${slug}.html`;

  test('has a crisis response plan for every station, with the six situations, marked as a template', async ({
    page,
  }) => {
    expect(shipped.stations.length).toBeGreaterThan(10);
    for (const station of shipped.stations) {
      const [country = '', slug = ''] = station.id.split('/');
      await page.goto(planUrl(country, slug));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `Crisis response plan: ${station.data.name}`,
      );
      expect(
        await page
          .locator('[data-situation]')
          .evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset.situation)),
      ).toEqual([...SITUATIONS]);
      await expect(page.locator('[data-template]')).toBeVisible();
      await expect(page.locator('.staff-only')).toHaveText('Staff only: do not display in public areas');
      // Every situation page says what it is, so a page pinned up on its own still does.
      await expect(page.locator('[data-situation] .page-note')).toHaveCount(6);
      await expect(page.locator('[data-situation] .page-note').first()).toHaveText(
        `Staff only: do not display in public areas · Crisis response plan: ${station.data.name} · Template to adapt · Machine-drafted`,
      );
      await expect(page.getByText('Machine-drafted', { exact: false }).first()).toBeVisible();
      // Each situation: first actions, who to call in order, what to write down, what not to do.
      for (const heading of [
        'First actions',
        'Who to call, in this order',
        'What to write down',
        'What not to do',
      ]) {
        await expect(
          page.locator('[data-situation]').getByRole('heading', { name: heading, exact: true }),
        ).toHaveCount(6);
      }
    }
  });

  test("calls the country's real numbers, and leaves unknown internal ones blank to fill in", async ({
    page,
  }) => {
    await page.goto(planUrl('ro', 'bucuresti-nord'));
    const contacts = page.locator('.contact-sheet');
    await expect(contacts.locator('[data-role="station-security"]')).toContainText('To be filled in');
    await expect(contacts.locator('[data-role="on-call-ngo"]')).toContainText('To be filled in');
    await expect(contacts.locator('[data-role="anti-trafficking"] a[href="tel:+40800800678"]')).toHaveText(
      '0800 800 678',
    );
    await expect(contacts.locator('[data-role="emergency"] a[href="tel:112"]')).toBeVisible();
    // The violence plan calls the emergency number first.
    await expect(page.locator('[data-situation="violence-now"] .call-order > li').first()).toContainText(
      'Emergency number',
    );
    // The child plan says never to separate a child from a group without the police.
    await expect(page.locator('[data-situation="child-at-risk"] .do-not')).toContainText(
      'Do not separate a child from a group of adults yourself; wait for the police.',
    );
  });

  test("shows a station's internal numbers once they are filled in", async ({ page }) => {
    await page.goto(planUrl(FILLED_STATION.country, FILLED_STATION.slug));
    const security = page.locator('.contact-sheet [data-role="station-security"]');
    await expect(security.locator(`a[href="tel:${FICTIONAL_NUMBERS[0]}"]`)).toHaveText('020 7946 0001');
    await expect(security).toContainText('Not yet confirmed');
    await expect(page.getByText('Fictional quiet room behind the test ticket office')).toBeVisible();
  });

  test("has the identification checklists in the country's language and in English", async ({ page }) => {
    await page.goto(`${builds.staffOrigin}/checklists/de.html`);
    const sections = page.locator('[data-checklist]');
    expect(
      await sections.evaluateAll((all) =>
        all.map((s) => `${(s as HTMLElement).dataset.checklist}:${s.getAttribute('lang')}`),
      ),
    ).toEqual([
      'trafficking:de',
      'trafficking:en',
      'forced-begging:de',
      'forced-begging:en',
      'child-exploitation:de',
      'child-exploitation:en',
    ]);
    await expect(
      page.getByRole('heading', { name: 'Anzeichen für Menschenhandel: worauf geschultes Personal achtet' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Trafficking indicators: what trained staff look for' }),
    ).toBeVisible();
    // English is the country's language in the United Kingdom: printed once.
    await page.goto(`${builds.staffOrigin}/checklists/gb.html`);
    expect(
      await page.locator('[data-checklist]').evaluateAll((all) => all.map((s) => s.getAttribute('lang'))),
    ).toEqual(['en', 'en', 'en']);
  });

  test('a plan prints on A4: the contacts first, then one situation per page', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-pdf-'));
    try {
      await page.goto(planUrl('ro', 'iasi'));
      const file = join(dir, 'plan.pdf');
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      const info = pdfInfo(file);
      expect(Math.round(info.widthPt)).toBe(595);
      expect(Math.round(info.heightPt)).toBe(842);
      expect(info.pages).toBeGreaterThanOrEqual(1 + SITUATIONS.length);
      const text = pdfText(file);
      expect(text).toContain('Crisis response plan: Iași');
      // Screen-only parts stay off paper: the print button and the hint about printing.
      expect(text).not.toMatch(/\bPrint\b|Prints on A4/);
      // Each situation starts a new page (pdftotext separates pages with a form feed).
      const pages = text.split('\f').map((p) => p.replace(/\s+/g, ' ').trim());
      for (const title of [
        'A person who may be a victim of trafficking',
        'Violence happening now',
        'A person who does not speak any staff language',
      ]) {
        expect(
          pages.some((p) => p.indexOf(title) >= 0 && p.indexOf(title) < 10),
          `"${title}" at the top of a page`,
        ).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.describe('offline', () => {
    test.use({ serviceWorkers: 'allow' });

    test('works offline once opened: every page is kept, even after the server stops', async ({
      page,
      context,
    }) => {
      // Its own server (and origin), so stopping it leaves the other tests theirs.
      const own = await serveStatic(builds.staffDir);
      try {
        await page.goto(`${own.origin}/`);
        await waitForControl(page);
        await own.close();
        await context.setOffline(true);
        await page.getByRole('link', { name: 'Crisis response plan: Budapest-Keleti' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          'Crisis response plan: Budapest-Keleti',
        );
        await page.goto(`${own.origin}/checklists/hu.html`);
        await expect(
          page.getByRole('heading', { name: 'Az emberkereskedelem jelei: mire figyel a képzett személyzet' }),
        ).toBeVisible();
      } finally {
        await own.close().catch(() => undefined);
      }
    });
  });
});

test.describe('checking a helper badge', () => {
  const now = () => Math.floor(Date.now() / 1000);
  /** The last day of next year: within a badge's five-year limit. */
  const VALID_UNTIL = `${new Date().getUTCFullYear() + 1}-12-31`;
  const claims = (overrides: Partial<BadgeClaims> = {}): BadgeClaims => ({
    v: 1,
    kid: TEST_KEY_ID,
    id: 'e2e-valid-badge',
    org: 'Example Relief Network',
    role: 'Station volunteer',
    name: 'Test Helper',
    stn: 'RO-BN',
    iat: now() - 3600,
    exp: endOfDay(VALID_UNTIL, 'Europe/Bucharest'),
    ...overrides,
  });
  const verdict = (page: Page) => page.locator('[data-badge-check] .verdict:visible');

  /** Opens the check with no badge, goes offline, then "scans" a badge by changing the fragment. */
  async function checkOffline(page: Page, token: string): Promise<void> {
    await page.context().setOffline(true);
    await page.evaluate((fragment) => {
      location.hash = fragment;
    }, token);
  }

  test('a valid badge shows VALID with organisation, role and date, offline', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${builds.publicOrigin}/en/verify/`);
    await expect(page.getByText('There is no badge to check yet.')).toBeVisible();
    const token = await signBadge(claims(), builds.signingKey);
    await checkOffline(page, token);
    await expect(verdict(page)).toHaveText('✓ VALID');
    const result = page.locator('[data-state="valid"]');
    await expect(result.locator('[data-field="org"]')).toHaveText('Example Relief Network');
    await expect(result.locator('[data-field="role"]')).toHaveText('Station volunteer');
    await expect(result.locator('[data-field="name"]')).toHaveText('Test Helper');
    await expect(result.locator('[data-field="stn"]')).toHaveText('București Nord');
    await expect(result.locator('[data-field="until"]')).toHaveText(
      `December 31, ${new Date().getUTCFullYear() + 1}`,
    );
    await expect(result.locator('[data-field="issuer"]')).toHaveText(TEST_ISSUER);
    await expectNoAxeViolations(page);
    // The token stays in the fragment: it was never part of any request.
    expect(requests.filter((url) => url.includes(token.slice(0, 40)))).toEqual([]);
  });

  const invalid: [string, () => Promise<string>, string][] = [
    [
      'tampered',
      async () => {
        const [body = '', signature = ''] = (await signBadge(claims(), builds.signingKey)).split('.');
        const changed = Buffer.from(JSON.stringify({ ...claims(), role: 'Police officer' })).toString(
          'base64url',
        );
        expect(changed).not.toBe(body);
        return `${changed}.${signature}`;
      },
      'This badge code has been changed or forged.',
    ],
    [
      'expired',
      async () =>
        signBadge(
          claims({
            iat: endOfDay('2020-01-01', 'Europe/Bucharest'),
            exp: endOfDay('2020-01-31', 'Europe/Bucharest'),
          }),
          builds.signingKey,
        ),
      'This badge expired on January 31, 2020.',
    ],
    [
      'revoked',
      async () => signBadge(claims({ id: REVOKED_BADGE_ID }), builds.signingKey),
      'This badge has been withdrawn.',
    ],
    [
      'not a badge at all',
      async () => 'hello-world',
      'This is not a helper badge code, or part of it is missing.',
    ],
  ];
  for (const [kind, makeToken, reason] of invalid) {
    test(`a ${kind} badge shows NOT VALID and why, offline`, async ({ page }) => {
      await page.goto(`${builds.publicOrigin}/en/verify/`);
      const token = await makeToken();
      await checkOffline(page, token);
      await expect(verdict(page)).toHaveText('✗ NOT VALID');
      await expect(page.locator('[data-state="invalid"] [data-problem]:visible')).toHaveText(reason);
      await expect(page.locator('[data-state="valid"]')).toBeHidden();
    });
  }

  test('a second badge scanned into the same tab is checked afresh', async ({ page }) => {
    await page.goto(
      `${builds.publicOrigin}/en/verify/#${await signBadge(claims({ id: REVOKED_BADGE_ID }), builds.signingKey)}`,
    );
    await expect(verdict(page)).toHaveText('✗ NOT VALID');
    await checkOffline(page, await signBadge(claims(), builds.signingKey));
    await expect(verdict(page)).toHaveText('✓ VALID');
  });

  test("/verify/ picks the visitor's language and keeps the badge in the fragment", async ({ browser }) => {
    const context = await browser.newContext({ locale: 'uk-UA' });
    const page = await context.newPage();
    const token = await signBadge(claims(), builds.signingKey);
    await page.goto(`${builds.publicOrigin}/verify/#${token}`);
    await expect(page).toHaveURL(`${builds.publicOrigin}/uk/verify/#${token}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(verdict(page)).toHaveText(`✓ ${uiText('uk', 'verify.valid')}`);
    await expect(page.locator('[data-badge-check]')).toHaveAttribute('data-result', 'valid');
    // Switching language keeps the badge being checked.
    await page.locator('.language-switcher summary').click();
    await page.locator('.language-switcher a[hreflang="en"]').click();
    await expect(page).toHaveURL(`${builds.publicOrigin}/en/verify/#${token}`);
    await expect(verdict(page)).toHaveText('✓ VALID');
    await context.close();
  });
});
