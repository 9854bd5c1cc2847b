import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, formatterFactory, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { pageType } from '../../src/data/budget-report';
import { builtLanguages, languageOfPath, readBuiltPages } from '../support/built-site';
import { config } from '../../src/config';

/**
 * HTML validity (html-validate, rules in .htmlvalidate.json). Pages of one
 * template differ only in data, so by default one page per template and
 * language is checked (the largest, which has the most content);
 * HTML_VALIDATE_ALL=1 checks every page.
 */
describe('HTML validity', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const validator = new HtmlValidate(JSON.parse(readFileSync(`${root}/.htmlvalidate.json`, 'utf8')) as ConfigData);
  const languages = builtLanguages();
  const pages = readBuiltPages();
  const chosen = new Map<string, (typeof pages)[number]>();
  for (const page of pages) {
    const key = `${pageType(page.url)} ${languageOfPath(page.url, languages) ?? page.lang}`;
    const current = chosen.get(key);
    if (config.htmlValidateAll) chosen.set(page.url, page);
    else if (!current || page.html.length > current.html.length) chosen.set(key, page);
  }

  it(`is valid on ${config.htmlValidateAll ? 'every page' : 'one page per template and language'}`, async () => {
    expect(chosen.size).toBeGreaterThan(100);
    const text = formatterFactory('text');
    const failures: string[] = [];
    for (const page of chosen.values()) {
      const report = await validator.validateString(page.html, page.file);
      if (!report.valid) failures.push(`${page.url}\n${text(report.results)}`);
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
    expect(failures.length).toBe(0);
  });
});
