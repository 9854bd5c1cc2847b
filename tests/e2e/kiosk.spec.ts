import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { config } from '../../src/config';
import { expectNoAxeViolations } from '../support/axe';
import { parse } from 'node-html-parser';
import { contactsOf, countryOf, shipped } from '../support/content';
import { uiText } from '../support/ui-text';

const SITE = new URL(config.siteUrl);
const KIOSK = '/kiosk/ro/bucuresti-nord/';
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const SCREENS = ['home', 'help', 'helplines', 'services', 'offer', 'rights', 'take'] as const;
const nationalNumber = contactsOf(countryOf('ro').data.antiTrafficking)[0]!.data.phones[0]!.number;

test.use({ viewport: PORTRAIT, hasTouch: true });

/** A clock that moves only when the test says so (page.clock.runFor), from the first page on. */
async function pauseClock(page: Page) {
  const start = new Date('2026-11-25T08:00:00Z');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 1000));
}

const visibleScreen = (page: Page) => page.locator('.kiosk-screen:visible');
const idleDialog = (page: Page) => page.locator('dialog[data-kiosk-idle]');

async function startInLanguage(page: Page, query = '', name = 'Українська', lang = 'uk') {
  await page.goto(`${KIOSK}${query}`);
  await page.locator('.kiosk-attract__start').tap();
  await expect(page.locator('#languages')).toBeVisible();
  await page.locator('[data-language-grid]').getByRole('link', { name, exact: true }).tap();
  await expect(page).toHaveURL(`${KIOSK}${lang}/${query}`);
  await expect(page.locator('#home')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
}

/** The page's images that did not load (a QR file missing from the build or the cache). */
const brokenImages = (page: Page) =>
  page
    .locator('img')
    .evaluateAll((images) =>
      images
        .filter(
          (image) => !((image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
        )
        .map((image) => (image as HTMLImageElement).src),
    );

/** Reads the QR code inside `element` from a screenshot, as a phone camera would. */
async function decodeQr(element: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test('a touch starts, a language opens its tiles, and moving between screens adds no history', async ({
  page,
}) => {
  await page.goto(KIOSK);
  const startLength = await page.evaluate(() => history.length);
  await expect(page.locator('#attract')).toBeVisible();
  // A tap before the kiosk script has wired the screens would be a plain link: wait for it, here and on the language's page.
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
  await page.locator('.kiosk-attract__start').tap();
  // Every site language in its own name, the station's languages first.
  const names = await page.locator('[data-language-grid] a').allTextContents();
  expect(names.slice(0, 4)).toEqual(['Română', 'Українська', 'Русский', 'English']);
  expect(names).toHaveLength(16);
  await page.getByRole('link', { name: 'Українська', exact: true }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
  for (const id of ['help', 'helplines', 'services', 'offer', 'rights', 'take']) {
    await page.locator(`#home a[href="#${id}"]`).tap();
    await expect(visibleScreen(page)).toHaveAttribute('id', id);
    await page.locator('.kiosk-bar a[href="#home"]').tap();
    await expect(visibleScreen(page)).toHaveAttribute('id', 'home');
  }
  expect(await page.evaluate(() => history.length)).toBe(startLength);
});

test('idle: the countdown appears, then a full reset wipes language, comfort, answers, scroll and history', async ({
  page,
}) => {
  await pauseClock(page);
  await page.goto('/en/');
  await startInLanguage(page, '?idle=30');
  const startLength = await page.evaluate(() => history.length);

  await page.getByRole('button', { name: uiText('uk', 'kiosk.largerText') }).tap();
  await page.getByRole('button', { name: uiText('uk', 'kiosk.highContrast') }).tap();
  await expect(page.locator('html')).toHaveClass(/kiosk-large/);
  await expect(page.locator('html')).toHaveClass(/kiosk-contrast/);
  await page.locator('#home a[href="#offer"]').tap();
  await page.locator('#offer input[value="yes"]').first().check();
  // The browser delivers a scroll event with its next frame, in real time: wait for it, or it lands in the middle
  // of the clock's run below and restarts the idle timer there.
  await page.locator('#offer .kiosk-screen__body').evaluate(
    (body) =>
      new Promise<void>((delivered) => {
        body.addEventListener('scroll', () => delivered(), { once: true });
        body.scrollTo(0, 400);
      }),
  );

  await page.clock.runFor(29_000);
  await expect(idleDialog(page)).toBeHidden();
  await page.clock.runFor(1_000);
  await expect(idleDialog(page)).toBeVisible();
  await expect(idleDialog(page)).toHaveAccessibleName(uiText('uk', 'kiosk.idle.title'));
  await expect(page.locator('[data-kiosk-seconds]')).toHaveText('10');
  await page.clock.runFor(4_000);
  await expect(page.locator('[data-kiosk-seconds]')).toHaveText('6');
  await page.clock.runFor(6_000);

  // Back at the attract screen, with the kiosk's settings kept and nothing of the person before.
  await expect(page).toHaveURL(`${KIOSK}?idle=30`);
  await expect(page.locator('#attract')).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(startLength);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await expect(page.locator('html')).not.toHaveClass(/kiosk-large|kiosk-contrast/);

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);

  await page.goForward();
  await startInLanguage(page, '?idle=30');
  await expect(page.locator('html')).not.toHaveClass(/kiosk-large|kiosk-contrast/);
  await expect(page.getByRole('button', { name: uiText('uk', 'kiosk.largerText') })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.locator('#home a[href="#offer"]').tap();
  await expect(page.locator('#offer input:checked')).toHaveCount(0);
  expect(await page.locator('#offer .kiosk-screen__body').evaluate((body) => body.scrollTop)).toBe(0);
});

test('a touch during the countdown continues where the person was', async ({ page }) => {
  await pauseClock(page);
  await startInLanguage(page);
  await page.locator('#home a[href="#helplines"]').tap();
  await page.clock.runFor(60_000);
  await expect(idleDialog(page)).toBeVisible();
  await page.clock.runFor(5_000);
  // A touch anywhere, here on top of the Home button: it continues, and does not press what lies underneath.
  await page.touchscreen.tap(20, 20);
  await expect(idleDialog(page)).toBeHidden();
  await page.clock.runFor(10_000);
  await expect(page).toHaveURL(`${KIOSK}uk/#helplines`);
  await expect(visibleScreen(page)).toHaveAttribute('id', 'helplines');
  // The idle time starts again from the touch.
  await page.clock.runFor(45_000);
  await expect(idleDialog(page)).toBeHidden();
  await page.clock.runFor(10_000);
  await expect(idleDialog(page)).toBeVisible();
  await page.getByRole('button', { name: uiText('uk', 'kiosk.idle.continue') }).tap();
  await expect(idleDialog(page)).toBeHidden();
});

test('the attract screen waits without a countdown; the language grid resets to it', async ({ page }) => {
  await pauseClock(page);
  await page.goto(KIOSK);
  await page.clock.runFor(5 * 60_000);
  await expect(idleDialog(page)).toBeHidden();
  await page.locator('.kiosk-attract__start').tap();
  await page.clock.runFor(60_000);
  await expect(idleDialog(page)).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(page).toHaveURL(KIOSK);
  await expect(page.locator('#attract')).toBeVisible();
});

test('no anchor on any kiosk page points outside the kiosk', async ({ request }) => {
  let checked = 0;
  for (const station of shipped.stations) {
    const home = `/kiosk/${station.id}/`;
    const attract = await (await request.get(home)).text();
    const languagePages = [...attract.matchAll(/class="kiosk-language" href="([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(languagePages, home).toHaveLength(16);
    for (const path of [home, ...languagePages]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      const hrefs = [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map((match) => match[1]!);
      expect(hrefs.length, path).toBeGreaterThan(0);
      for (const href of hrefs)
        expect(href.startsWith('#') || href.startsWith(home), `${path} links to ${href}`).toBe(true);
      expect(html, path).not.toMatch(/<form[^>]*\saction=|\starget="|<iframe|<area\b/);
      checked += 1;
    }
  }
  expect(checked).toBe(shipped.stations.length * 17);
});

test('phone numbers are large text with a QR code to call, not links', async ({ page }) => {
  await startInLanguage(page, '', 'English', 'en');
  await page.locator('#home a[href="#help"]').tap();
  const line = page.locator(`#help [data-phone="${nationalNumber}"]`);
  await expect(line).toContainText('0800 800 678');
  expect(await line.evaluate((el) => el.closest('a'))).toBeNull();
  const fontSize = await line
    .locator('.kiosk-phone__number')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(32);
  expect(await decodeQr(line.locator('img.qr'))).toBe(`tel:${nationalNumber}`);
});

test('the attract screen shows 112 and the national helpline, in the language it is cycling through', async ({
  page,
}) => {
  await pauseClock(page);
  await page.goto(KIOSK);
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
  const attract = page.locator('#attract');
  const emergency = attract.locator('.kiosk-attract__line[data-phone="112"]');
  const helpline = attract.locator(`.kiosk-attract__line[data-phone="${nationalNumber}"]`);
  await expect(emergency.locator('.kiosk-attract__digits')).toHaveText(/^112/);
  await expect(helpline.locator('.kiosk-attract__digits')).toContainText('0800 800 678');
  // Neither can be tapped to call: the whole screen only starts the kiosk.
  expect(await helpline.evaluate((el) => el.closest('a')?.getAttribute('href'))).toBe('#languages');
  expect(await decodeQr(emergency.locator('img.qr'))).toBe('tel:112');
  expect(await decodeQr(helpline.locator('img.qr'))).toBe(`tel:${nationalNumber}`);

  const anitp = contactsOf(countryOf('ro').data.antiTrafficking)[0]!.data;
  const shownLanguages = async () =>
    new Set(
      await attract
        .locator('[data-featured-list="cycle"] > :visible')
        .evaluateAll((items) => items.map((item) => item.getAttribute('lang'))),
    );
  // Bucharest North's languages in turn (ro, uk, ru, en), every line in the same language at once.
  for (const lang of ['ro', 'uk', 'ru', 'en']) {
    expect([...(await shownLanguages())], `showing ${lang}`).toEqual([lang]);
    await expect(attract.locator('.kiosk-attract__phrase:visible')).toHaveText(
      uiText(lang, 'kiosk.needHelp'),
    );
    await expect(emergency.locator('.kiosk-attract__label > :visible')).toHaveText(
      uiText(lang, 'station.call112Hint'),
    );
    await expect(emergency.locator('.kiosk-attract__details > :visible')).toHaveText(
      uiText(lang, 'common.everyDay'),
    );
    await expect(helpline.locator('.kiosk-attract__label > :visible')).toHaveText(anitp.name[lang]!);
    await expect(helpline.locator('.kiosk-attract__label > :visible [lang="en"]')).toHaveCount(0);
    await expect(helpline.locator('.kiosk-attract__details > :visible')).toHaveText(
      uiText(lang, 'common.free'),
    );
    await expect(attract.locator('.kiosk-attract__ask > :visible')).toHaveText(
      uiText(lang, 'kiosk.askOrScanToCall'),
    );
    await page.clock.runFor(3500);
  }
  expect([...(await shownLanguages())]).toEqual(['ro']);
});

test("the attract screen shows the helpline of each country, named in the station's languages", async ({
  request,
}) => {
  for (const station of shipped.stations) {
    const country = countryOf(station.data.country).data;
    const line = contactsOf(country.antiTrafficking)[0]!.data;
    const phone = line.phones.find((p) => p.from !== 'abroad' && p.kind !== 'sms')!;
    const html = parse(await (await request.get(`/kiosk/${station.id}/`)).text());
    const row = html.querySelector(`#attract .kiosk-attract__line[data-phone="${phone.number}"]`);
    expect(row, station.id).not.toBeNull();
    expect(html.querySelector('#attract .kiosk-attract__line[data-phone="112"]'), station.id).not.toBeNull();
    for (const lang of station.data.languages) {
      const label = row!.querySelector(`.kiosk-attract__label > [data-lang="${lang}"]`);
      expect(label?.text.trim(), `${station.id} ${lang}`).toBe(line.name[lang] ?? line.name.en);
      // English only where English is the station's language: every other one has its own words.
      if (lang !== 'en')
        expect(label?.querySelector('[lang="en"]'), `${station.id} ${lang}: English fallback`).toBeNull();
    }
  }
});

test('nothing on the kiosk says "Call" on a number that cannot be tapped, in any language', async ({
  request,
}) => {
  const languages = [
    'en',
    'ro',
    'uk',
    'ru',
    'pl',
    'hu',
    'bg',
    'de',
    'nl',
    'fr',
    'es',
    'it',
    'ar',
    'fa',
    'sq',
    'vi',
  ];
  for (const lang of languages) {
    const html = parse(await (await request.get(`${KIOSK}${lang}/`)).text());
    const [callBefore = '', callAfter = ''] = uiText(lang, 'common.callNumber').split('{{number}}');
    const phones = html.querySelectorAll('.kiosk-phone');
    expect(phones.length, lang).toBeGreaterThan(4);
    for (const phone of phones) {
      const number = phone.querySelector('.kiosk-phone__number')!;
      const visible = number.querySelector('[aria-hidden="true"]')!.text;
      // The number line holds the digits and their spoken form, nothing else.
      expect(number.text.replace(visible, '').replace(/[\d\s,+]/g, ''), `${lang}: ${number.text}`).toBe('');
      if (callBefore.trim()) expect(number.text, lang).not.toContain(callBefore.trim());
      if (callAfter.trim()) expect(number.text, lang).not.toContain(callAfter.trim());
      const hint = phone.querySelector('.kiosk-phone__scan')!.text;
      expect([uiText(lang, 'kiosk.askOrScanToCall'), uiText(lang, 'kiosk.scanToText')], lang).toContain(hint);
    }
  }
});

test('112 and the other emergency numbers say "24 hours", never "opening hours not confirmed"', async ({
  request,
}) => {
  for (const station of shipped.stations) {
    const country = countryOf(station.data.country).data;
    const html = parse(await (await request.get(`/kiosk/${station.id}/en/`)).text());
    for (const contact of contactsOf(country.emergency)) {
      const hours = html
        .querySelector(`#helplines .kiosk-contact:has([data-phone="${contact.data.phones[0]!.number}"])`)
        ?.querySelector('[data-hours]');
      expect(hours?.text, `${station.id} ${contact.id}`).toBe(uiText('en', 'common.everyDay'));
    }
  }
});

test('the national lines are named in the language of the screen where the content has it', async ({
  page,
}) => {
  await page.goto(`${KIOSK}uk/#helplines`);
  for (const contact of contactsOf([
    ...countryOf('ro').data.emergency,
    ...countryOf('ro').data.antiTrafficking,
  ])) {
    const card = page.locator('section.kiosk-contact', {
      has: page.locator(`[data-phone="${contact.data.phones[0]!.number}"]`),
    });
    await expect(card.locator('h2')).toHaveText(contact.data.name.uk!);
    await expect(card.locator('h2 + p')).toHaveText(contact.data.organisation.uk!);
    await expect(card.locator('[lang="en"]')).toHaveCount(0);
  }
});

test('every screen\'s "Take this with you" code opens the same content on the public site, in the chosen language', async ({
  page,
  request,
}) => {
  await page.goto(KIOSK);
  expect(await decodeQr(page.locator('#attract [data-take-away] img.qr'))).toBe(
    new URL('/s/RO-BN/', SITE).href,
  );

  const expected: Record<(typeof SCREENS)[number], string> = {
    home: '/uk/ro/bucuresti-nord/',
    help: '/uk/ro/help/',
    helplines: '/uk/ro/',
    services: '/uk/ro/bucuresti-nord/services/',
    offer: '/uk/info/is-this-offer-safe/?c=ro',
    rights: '/uk/info/your-rights/?c=ro',
    take: '/uk/ro/bucuresti-nord/',
  };
  await startInLanguage(page);
  for (const id of SCREENS) {
    await page.goto(`${KIOSK}uk/#${id}`);
    const decoded = await decodeQr(page.locator(`#${id} [data-take-away] img.qr`));
    expect(decoded, id).toBe(new URL(expected[id], SITE).href);
    const publicPage = new URL(decoded!);
    const response = await request.get(publicPage.pathname + publicPage.search);
    expect(response.status(), decoded).toBe(200);
    expect(await response.text(), decoded).toContain('<html lang="uk"');
  }
});

for (const [name, viewport] of [
  ['portrait 1080 × 1920', PORTRAIT],
  ['landscape 1920 × 1080', LANDSCAPE],
] as const) {
  test(`${name}: every screen fits the display and the page itself never scrolls`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const targets = [
      `${KIOSK}#attract`,
      `${KIOSK}#languages`,
      ...SCREENS.map((id) => `${KIOSK}uk/#${id}`),
      ...SCREENS.map((id) => `${KIOSK}ar/#${id}`),
    ];
    for (const target of targets) {
      await page.goto(target);
      const screen = visibleScreen(page);
      await expect(screen, target).toHaveCount(1);
      const fits = await page.evaluate(() => {
        scrollTo(0, 10_000);
        const inside = (el: Element | null) => {
          if (!el) return true;
          const box = el.getBoundingClientRect();
          return (
            box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight + 0.5 && box.right <= innerWidth + 0.5
          );
        };
        const screen =
          document.querySelector('.kiosk-screen:target') ??
          document.querySelector('.kiosk-screen[data-default]');
        return {
          scrolled: scrollX !== 0 || scrollY !== 0 || document.body.scrollTop !== 0,
          overflow:
            document.documentElement.scrollWidth > innerWidth ||
            document.documentElement.scrollHeight > innerHeight,
          bar: inside(document.querySelector('.kiosk-bar')),
          screen: inside(screen),
          takeAway: inside(screen?.querySelector('[data-take-away]') ?? null),
        };
      });
      expect(fits, target).toEqual({
        scrolled: false,
        overflow: false,
        bar: true,
        screen: true,
        takeAway: true,
      });
    }
    // The home tiles are one decision on one screen: all of them visible without scrolling.
    await page.goto(`${KIOSK}uk/`);
    for (const tile of await page.locator('#home .kiosk-tile').all()) {
      await expect(tile).toBeInViewport({ ratio: 1 });
      const box = (await tile.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(64);
    }
  });
}

test('every control is a touch target of at least 64 px', async ({ page }) => {
  await startInLanguage(page);
  for (const id of ['home', 'offer']) {
    await page.goto(`${KIOSK}uk/#${id}`);
    const targets = page.locator(
      '.kiosk-bar a:visible, .kiosk-bar button:visible, .kiosk-screen:visible a, .kiosk-screen:visible label, .kiosk-screen:visible button',
    );
    expect(await targets.count()).toBeGreaterThan(4);
    for (const target of await targets.all()) {
      const box = (await target.boundingBox())!;
      expect(Math.min(box.width, box.height), await target.innerText()).toBeGreaterThanOrEqual(64);
    }
  }
});

test('the settings in the address are kept across screens and unknown ones are ignored', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`${KIOSK}?langs=fa,uk&orientation=landscape&idle=5&exit=https://example.com`);
  // Before the kiosk script has run, links carry no settings: wait for it after every navigation.
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-orientation', 'landscape');
  await page.locator('.kiosk-attract__start').tap();
  const names = await page.locator('[data-language-grid] a').allTextContents();
  expect(names.slice(0, 2)).toEqual(['فارسی', 'Українська']);
  expect(warnings.join('\n')).toContain('idle="5"');
  expect(warnings.join('\n')).toContain('"exit" is not a kiosk setting');
  await page.getByRole('link', { name: 'فارسی' }).tap();
  await expect(page).toHaveURL(
    `${KIOSK}fa/?langs=fa,uk&orientation=landscape&idle=5&exit=https://example.com`,
  );
  await expect(page.locator('body')).toHaveAttribute('data-kiosk-ready', 'true');
  await page.locator('.kiosk-bar a[href$="#languages"]').tap();
  await expect(page).toHaveURL(
    `${KIOSK}?langs=fa,uk&orientation=landscape&idle=5&exit=https://example.com#languages`,
  );
});

test('the offer check answers without script or network, and "Start again" clears it', async ({ page }) => {
  await startInLanguage(page, '', 'English', 'en');
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  // The browser fetches the tab icon when it likes; anything else would come from the page.
  page.on('request', (r) => !r.url().endsWith('/favicon.svg') && requests.push(r.url()));
  await page.locator('#home a[href="#offer"]').tap();
  const check = page.locator('#offer .kiosk-check');
  const questions = check.locator('fieldset');
  await expect(check.locator('[data-verdict]')).toHaveCount(2);
  await expect(check.locator('[data-verdict]:visible')).toHaveCount(0);
  for (const question of await questions.all()) await question.getByLabel('No').check();
  await expect(check.locator('[data-verdict="safe"]')).toBeVisible();
  await questions.first().getByLabel('Yes').check();
  await expect(questions.first().locator('.kiosk-check__why')).toBeVisible();
  await expect(check.locator('[data-verdict="risky"]')).toBeVisible();
  await expect(check.locator(`[data-verdict="risky"] [data-phone="${nationalNumber}"]`)).toBeVisible();
  await check.getByRole('button', { name: 'Start again' }).tap();
  await expect(check.locator('input:checked')).toHaveCount(0);
  expect(requests).toEqual([]);
});

test('read aloud speaks the screen in its language with numbers digit by digit, and only where a voice exists', async ({
  page,
}) => {
  await startInLanguage(page, '', 'English', 'en');
  await expect(page.locator('[data-kiosk-read]')).toBeHidden();

  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const voice = { lang: 'en-GB', name: 'Test voice', default: true, localService: true, voiceURI: 'test' };
    const synth = {
      getVoices: () => [voice],
      speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => {},
      addEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
    (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
      lang = '';
      voice: unknown = null;
      constructor(public text: string) {}
      addEventListener() {}
    };
  });
  await page.goto('about:blank');
  await page.goto(`${KIOSK}en/#help`);
  await page.getByRole('button', { name: 'Read aloud' }).tap();
  await expect(page.getByRole('button', { name: 'Stop reading' })).toHaveAttribute('aria-pressed', 'true');
  const [utterance] = await page.evaluate(
    () => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken,
  );
  expect(utterance!.lang).toBe('en-GB');
  expect(utterance!.text).toContain('Get help now');
  expect(utterance!.text).toContain('1 1 2');
  expect(utterance!.text).toContain('0 8 0 0, 8 0 0, 6 7 8');
  // The kiosk cannot call, and says what to do instead.
  expect(utterance!.text).toContain('Ask staff, or scan to call from your phone');
  expect(utterance!.text).not.toContain('Call 1 1 2');
  expect(utterance!.text).not.toContain('0800 800 678');
  expect(utterance!.text).not.toContain('Take this with you');
});

test('no context menu, no dragging, no zoom keys', async ({ page }) => {
  await startInLanguage(page);
  const prevented = await page.evaluate(() =>
    [
      new MouseEvent('contextmenu', { bubbles: true, cancelable: true }),
      new DragEvent('dragstart', { bubbles: true, cancelable: true }),
      new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true, cancelable: true }),
      new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true }),
    ].map((event) => !document.querySelector('h1')!.dispatchEvent(event)),
  );
  expect(prevented).toEqual([true, true, true, true]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).userSelect)).toBe('none');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).touchAction)).toBe(
    'pan-x pan-y',
  );
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the screens still open from the tiles', async ({ page }) => {
    await page.goto(KIOSK);
    await page.locator('.kiosk-attract__start').click();
    await expect(visibleScreen(page)).toHaveAttribute('id', 'languages');
    await page.getByRole('link', { name: 'English', exact: true }).click();
    // A new page: until its stylesheet has loaded, every screen counts as visible.
    await page.waitForURL(`${KIOSK}en/`);
    await expect(visibleScreen(page)).toHaveAttribute('id', 'home');
    await page.locator('#home a[href="#help"]').click();
    await expect(visibleScreen(page)).toHaveAttribute('id', 'help');
    await expect(page.locator('#help [data-phone="112"]')).toBeVisible();
    // The codes are image files shared between pages: they show without script, and the one beside 112 still dials it.
    await expect.poll(() => brokenImages(page)).toEqual([]);
    expect(await decodeQr(page.locator('#help [data-phone="112"] img.qr'))).toBe('tel:112');
  });
});

test.describe('accessibility', () => {
  // Nine screens, each checked in full.
  test.describe.configure({ timeout: 120_000 });
  for (const lang of ['uk', 'ar']) {
    test(`axe finds no WCAG A/AA problem on any kiosk screen in ${lang}`, async ({ page }) => {
      for (const target of [
        `${KIOSK}`,
        `${KIOSK}#languages`,
        ...SCREENS.map((id) => `${KIOSK}${lang}/#${id}`),
      ]) {
        await page.goto(target);
        await expectNoAxeViolations(page);
      }
    });
  }

  test('axe passes in high contrast with larger text, and on the countdown', async ({ page }) => {
    await startInLanguage(page, '', 'English', 'en');
    await page.getByRole('button', { name: 'High contrast' }).tap();
    await page.getByRole('button', { name: 'Larger text' }).tap();
    for (const id of SCREENS) {
      await page.locator('.kiosk-bar a[href="#home"]').tap();
      if (id !== 'home') await page.locator(`#home a[href="#${id}"]`).tap();
      await expectNoAxeViolations(page);
    }
    // The countdown as it appears after the idle time (axe needs real timers, so it is opened directly here).
    await page.locator('[data-kiosk-idle]').evaluate((dialog: HTMLDialogElement) => dialog.showModal());
    await expect(idleDialog(page)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
