import { expect, test } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/languages';
import { expectNoAxeViolations } from '../support/axe';

const RAW_KEY =
  /\b(common|station|service|services|home|country|info|help|selfCheck|offline|quickExit|graphic|purpose|notFound|shortLink)\.[a-zA-Z][\w.-]*\b/;

for (const language of LANGUAGES) {
  test(`the station page in ${language.englishName} has lang="${language.code}" dir="${language.dir}", no raw keys and no sideways scroll at 360 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/${language.code}/ro/bucuresti-nord/`);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(RAW_KEY);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Text this language has not translated yet is marked as English for screen readers.
    for (const fallback of await page.locator('body [lang="en"]').all()) {
      await expect(fallback).toHaveAttribute('dir', 'ltr');
    }
  });
}

for (const lang of ['ar', 'fa']) {
  for (const path of [
    '',
    'ro/',
    'ro/bucuresti-nord/',
    'ro/help/',
    'info/signs-of-trafficking/',
    'info/is-this-offer-safe/',
  ]) {
    test(`right-to-left /${lang}/${path}: axe clean, quick exit on the left, no overflow`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(`/${lang}/${path}`);
      await expectNoAxeViolations(page);
      const exit = await page.locator('.top-bar .quick-exit').boundingBox();
      const switcher = await page.locator('.top-bar .language-switcher').boundingBox();
      expect(exit!.x).toBeLessThan(switcher!.x);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
    });
  }
}

test('a Ukrainian reader downloads only Latin and Cyrillic fonts, from this site', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('/uk/ro/bucuresti-nord/');
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.every((path) => path.startsWith('/fonts/noto-sans-') && !path.includes('arabic'))).toBe(true);
});
