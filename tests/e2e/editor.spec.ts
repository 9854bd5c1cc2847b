import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect as playwrightExpect, test, type Page } from '@playwright/test';
import { childEnv, config } from '../../src/config';
import { qrFileUrl } from '../../src/kiosk/qr-files';
import { phoneHref, phoneProblem } from '../../src/lib/phone';
import { portOpen } from '../../src/node/ports';
import { serveStatic } from '../../src/node/static-server';
import { build } from '../support/staff-builds';

/**
 * The form editor end to end: `npm run edit` on a copy of content/, a new
 * provider typed into the forms of a real Chromium, refused with the gate's
 * own message for a bad number, saved once fixed, linked from a station, a
 * Ukrainian information page edited; then the copy is built and the pages
 * show both changes. Everything typed is test data in a temporary copy.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(8 * 60_000);
test.use({ actionTimeout: 30_000 });
// Each check runs the content gate on the whole copy, and the dev server compiles a page on its first request:
// seconds, not milliseconds, when the other e2e workers share the machine.
const expect = playwrightExpect.configure({ timeout: 20_000 });

const EDIT_PORT = config.e2ePort + 100;
const editor = `http://localhost:${EDIT_PORT}`;
const PROVIDER = 'Test provider (e2e fixture)';
const PROVIDER_ID = 'gb/test-provider-e2e-fixture';
// 020 7946 0xxx: the London range Ofcom keeps for drama, so no real phone can ring. The bad one is too short.
const BAD_NUMBER = '+44207946';
const GOOD_NUMBER = '+442079460999';
const STATION = { country: 'gb', slug: 'london-st-pancras' };
const INFO_PAGE = 'children-travelling';
const UKRAINIAN_TEST_LINE = 'Тестовий абзац редактора (e2e, не для публікації).';

let dir = '';
let contentDir = '';
let editProcess: ChildProcess | undefined;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'editor-e2e-'));
  contentDir = join(dir, 'content');
  cpSync('content', contentDir, { recursive: true });
  editProcess = spawn('npm', ['run', 'edit'], {
    env: childEnv({ CONTENT_DIR: contentDir, EDIT_PORT: String(EDIT_PORT) }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run edit did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Editor: ${editor}/admin/`)) {
        clearTimeout(timer);
        done();
      }
    };
    editProcess?.stdout?.on('data', read);
    editProcess?.stderr?.on('data', read);
    editProcess?.once('exit', (code) => fail(new Error(`npm run edit ended (${code}):\n${output}`)));
  });
});

test.afterAll(async () => {
  // Still running only when the test failed before its Ctrl-C.
  if (editProcess?.pid !== undefined && editProcess.exitCode === null && editProcess.signalCode === null)
    process.kill(-editProcess.pid, 'SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

/** A form field by its path in the file, e.g. "phones.number" (Decap's ids are "{name}-field-{n}"). */
const field = (page: Page, path: string) =>
  page
    .locator(
      path
        .split('.')
        .map((name) => `[id^="${name}-field-"]`)
        .join(' '),
    )
    .first();

async function choose(page: Page, path: string, option: string) {
  await field(page, path).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

/** An editor screen, loaded afresh: moving between collections inside Decap can keep the last form's widgets. */
async function openScreen(page: Page, route: string) {
  await page.goto(`${editor}/admin/#/collections/${route}`);
  await page.reload();
}

/** Decap's notice after a save; closed, so the next save's notice is not mistaken for it. */
async function expectSaved(page: Page) {
  const notice = page.getByText('Entry saved');
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'close' }).first().click();
  await expect(notice).toBeHidden();
}

async function addListItem(page: Page, list: string) {
  await page.getByRole('button', { name: `Add ${list}`, exact: true }).click();
}

test('a provider and a Ukrainian page edited in the forms reach the built site', async ({
  page,
  context,
}) => {
  const origins = new Set<string>();
  context.on('request', (request) => origins.add(new URL(request.url()).origin));

  await page.goto(`${editor}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();

  // A new provider near London St Pancras, first with a number the gate refuses.
  await openScreen(page, 'services/new');
  await field(page, 'country').fill(STATION.country);
  await field(page, 'organisation.en').fill(PROVIDER);
  await field(page, 'description.en').fill('An invented provider typed in by the editor test.');
  await addListItem(page, 'phones');
  await field(page, 'phones.number').fill(BAD_NUMBER);
  await field(page, 'verified.date').fill('2026-01-15');
  await choose(page, 'verified.method', 'desk-research');
  await field(page, 'verified.source').fill('Test fixture, no real source');
  await choose(page, 'status', 'unverified');
  await addListItem(page, 'sources');
  await field(page, 'sources.sources').fill('Test fixture written by tests/e2e/editor.spec.ts');
  await publish(page);

  const gateMessage = phoneProblem(BAD_NUMBER, STATION.country);
  expect(gateMessage).toBeDefined();
  const problem = page.locator('.gate-problem[data-field="phones.0.number"]');
  await expect(problem).toContainText(gateMessage ?? '');
  // Shown next to the number's own input.
  await expect(field(page, 'phones.number').locator('xpath=following-sibling::*[1]')).toHaveClass(
    /gate-problem/,
  );
  const serviceFile = join(contentDir, 'services', `${PROVIDER_ID}.yaml`);
  expect(existsSync(serviceFile)).toBe(false);

  await field(page, 'phones.number').clear();
  await field(page, 'phones.number').fill(GOOD_NUMBER);
  await expect(field(page, 'phones.number')).toHaveValue(GOOD_NUMBER);
  await publish(page);
  await expectSaved(page);
  await expect(problem).toHaveCount(0);
  await expect.poll(() => existsSync(serviceFile)).toBe(true);
  const written = readFileSync(serviceFile, 'utf8');
  // House style, as by hand: quoted strings, the schema's key order, nothing for the fields left empty.
  expect(written).toContain(`country: "gb"\norganisation:\n  en: "${PROVIDER}"\n`);
  expect(written).toContain(`phones:\n  - number: "${GOOD_NUMBER}"\n`);
  expect(written).not.toMatch(/: ""|: \[\]|null/);

  // Link it from the station: only the station's services line changes in its file.
  const stationFile = join(contentDir, 'stations', STATION.country, `${STATION.slug}.yaml`);
  const stationBefore = readFileSync(stationFile, 'utf8');
  await openScreen(page, `stations/entries/${STATION.country}/${STATION.slug}`);
  // The entry loads after the route changes: edit only once its values are in the form.
  await expect(field(page, 'code')).toHaveValue('GB-SP');
  await addListItem(page, 'services');
  await page.locator('input[id^="services-field-"]').last().fill(PROVIDER_ID);
  await publish(page);
  await expectSaved(page);
  const servicesLine = /^services: \[(.*)\]$/m;
  await expect.poll(() => readFileSync(stationFile, 'utf8')).not.toBe(stationBefore);
  expect(readFileSync(stationFile, 'utf8')).toBe(
    stationBefore.replace(servicesLine, (_line, ids: string) => `services: [${ids}, ${PROVIDER_ID}]`),
  );
  // After the save: the station page and its posters on the local site.
  const links = page.getByRole('complementary', { name: 'Where this entry shows' });
  const stationLink = links.getByRole('link', { name: /^Station page/ });
  await expect(stationLink).toHaveAttribute(
    'href',
    new RegExp(`^http://localhost:\\d+/en/${STATION.country}/${STATION.slug}/$`),
  );
  await expect(links.getByRole('link', { name: /^Poster \(a4,/ })).toHaveAttribute(
    'href',
    new RegExp(`/posters/${STATION.country}/${STATION.slug}/a4/$`),
  );

  // The station's kiosk on the local site draws every code, the new provider's number among them.
  const localSite = new URL((await stationLink.getAttribute('href')) ?? '').origin;
  const kiosk = await context.newPage();
  await kiosk.goto(`${localSite}/kiosk/${STATION.country}/${STATION.slug}/en/`);
  const newCode = kiosk.locator(
    `img.qr[src="${qrFileUrl(phoneHref({ number: GOOD_NUMBER, kind: 'voice' }))}"]`,
  );
  await expect(newCode.first()).toBeAttached();
  await expect
    .poll(() =>
      kiosk
        .locator('img.qr')
        .evaluateAll((images) =>
          images.map(
            (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
          ),
        ),
    )
    .not.toContain(false);
  expect(await kiosk.locator('img.qr').count()).toBeGreaterThan(10);
  await kiosk.close();

  // A Ukrainian information page: one paragraph added, the rest of the file as it was.
  const infoFile = join(contentDir, 'info', 'uk', `${INFO_PAGE}.md`);
  const infoBefore = readFileSync(infoFile, 'utf8');
  await openScreen(page, `info-uk/entries/${INFO_PAGE}`);
  const body = field(page, 'body');
  await expect(body).toHaveValue(/\S/);
  await body.fill(`${(await body.inputValue()).trimEnd()}\n\n${UKRAINIAN_TEST_LINE}\n`);
  await publish(page);
  await expectSaved(page);
  await expect
    .poll(() => readFileSync(infoFile, 'utf8'))
    .toBe(`${infoBefore.trimEnd()}\n\n${UKRAINIAN_TEST_LINE}\n`);

  // Everything the editor loaded came from this machine.
  expect([...origins].filter((origin) => !/^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin))).toEqual(
    [],
  );

  // Ctrl-C stops the editor and the servers it started.
  const pid = editProcess?.pid ?? 0;
  const ended = new Promise((done) => editProcess?.once('exit', done));
  process.kill(-pid, 'SIGINT');
  await ended;
  await expect
    .poll(async () => [
      await portOpen(EDIT_PORT),
      await portOpen(EDIT_PORT + 1),
      await portOpen(EDIT_PORT + 2),
    ])
    .toEqual([false, false, false]);

  // The build accepts the copy and shows both changes.
  mkdirSync('.cache/e2e-editor', { recursive: true });
  const outDir = mkdtempSync('.cache/e2e-editor/run-');
  try {
    await build(
      {
        CONTENT_DIR: contentDir,
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: resolve('.cache/e2e-editor-cache'),
        PUBLIC_LOCALES: 'en,uk',
        SITE_URL: 'http://localhost:4321',
        STAFF_BUILD: '',
      },
      'editor copy',
    );
    const site = await serveStatic(outDir);
    try {
      await page.goto(`${site.origin}/en/${STATION.country}/${STATION.slug}/`);
      await expect(page.getByText(PROVIDER).first()).toBeVisible();
      await page.goto(`${site.origin}/uk/info/${INFO_PAGE}/`);
      await expect(page.getByText(UKRAINIAN_TEST_LINE)).toBeVisible();
    } finally {
      await site.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
