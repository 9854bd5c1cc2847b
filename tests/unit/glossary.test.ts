import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGlossary, type GlossaryText } from '../../src/lib/glossary';
import type { Messages } from '../../src/lib/i18n-audit';
import { ALL_LANGUAGE_CODES, getLanguage } from '../../src/lib/languages';
import { glossarySchema, type Glossary } from '../../src/schemas/glossary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const messagesOf = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8')) as Messages;
const glossaryOf = (lang: string) =>
  glossarySchema.parse(JSON.parse(readFileSync(join(root, 'locales/glossary', `${lang}.json`), 'utf8')));
const pagesOf = (lang: string): GlossaryText[] =>
  readdirSync(join(root, 'content/info', lang))
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({
      where: `content/info/${lang}/${file}`,
      page: file.replace(/\.md$/, ''),
      text: readFileSync(join(root, 'content/info', lang, file), 'utf8'),
    }));

describe('the shipped glossaries', () => {
  it.each(ALL_LANGUAGE_CODES)(
    '%s: one term per concept across its strings and pages, no retired over-promise',
    (lang) => {
      expect(checkGlossary(lang, glossaryOf(lang), messagesOf(lang), pagesOf(lang))).toEqual([]);
    },
  );

  it('carry the review status of their language', () => {
    for (const lang of ALL_LANGUAGE_CODES)
      expect(glossaryOf(lang).review.status, lang).toBe(getLanguage(lang).review.status);
  });

  it('catch the promises the English pages used to make (helplines.md section D)', () => {
    const retired = [
      'Help from the helpline is free and confidential.',
      'You have some basic rights in every European country.',
      'People who were forced to commit a crime should not be punished for it.',
      'You can have an interpreter',
      'Call the child helpline below. If there is none, call 112.',
    ];
    const problems = checkGlossary('en', glossaryOf('en'), messagesOf('en'), [
      ...pagesOf('en'),
      ...retired.map((text) => ({ where: 'old text', text })),
    ]);
    expect(problems.filter((problem) => problem.startsWith('old text'))).toHaveLength(retired.length);
  });

  it.each(ALL_LANGUAGE_CODES)(
    '%s: the quick-exit page names the exit button by its label (common.exitPage)',
    (lang) => {
      const label = (messagesOf(lang).common as Messages).exitPage as string;
      const page = readFileSync(join(root, 'content/info', lang, 'quick-exit-safety.md'), 'utf8');
      expect(page).toContain(label);
    },
  );
});

describe('checkGlossary', () => {
  const glossary: Glossary = glossarySchema.parse({
    review: { status: 'machine-drafted' },
    avoid: ['every European country'],
    terms: {
      trafficking: { use: 'trafficking', avoid: ['smuggling'] },
      helpline: { use: 'helpline', avoid: ['hotline'] },
      exitThisPage: { use: 'Exit this page', key: 'common.exitPage', pages: ['quick-exit-safety'] },
      freeCall: { use: 'Free', key: 'common.free' },
      badge: { use: 'badge' },
      helper: { use: 'helper' },
    },
  });
  const messages: Messages = {
    common: { exitPage: 'Exit this page', free: 'Free' },
    station: { line: 'Trafficking helpline' },
    helpers: { badge: "Check a helper's badge" },
  };
  const page = (text: string): GlossaryText => ({
    where: 'content/info/xx/quick-exit-safety.md',
    page: 'quick-exit-safety',
    text,
  });

  it('accepts texts that use the glossary terms', () => {
    expect(checkGlossary('xx', glossary, messages, [page('Press "Exit this page".')])).toEqual([]);
  });

  it('names the string or page that uses a variant to avoid, ignoring letter case and apostrophes', () => {
    const problems = checkGlossary(
      'xx',
      glossary,
      { ...messages, station: { line: 'Trafficking HOTLINE' } },
      [page('Press "Exit this page". Call the helpline. You have rights in every European country.')],
    );
    expect(problems).toEqual([
      'content/info/xx/quick-exit-safety.md uses "every European country", which locales/glossary/xx.json lists under avoid; reword it',
      'locales/xx.json → station.line uses "hotline"; the glossary (helpline) says "helpline"',
    ]);
    const curly = glossarySchema.parse({ ...glossary, avoid: ["ligne d'écoute"] });
    expect(
      checkGlossary('xx', curly, messages, [page('Press "Exit this page". Appelez la ligne d’écoute.')]),
    ).toHaveLength(1);
  });

  it('fails when the exit label differs from the glossary, or the quick-exit page names another label', () => {
    const relabelled = { ...messages, common: { exitPage: 'Leave this page', free: 'Free' } };
    expect(checkGlossary('xx', glossary, relabelled, [page('Press "Exit this page".')])).toContain(
      'locales/xx.json → common.exitPage is "Leave this page", but the glossary (exitThisPage) says "Exit this page": make them the same',
    );
    expect(checkGlossary('xx', glossary, messages, [page('Press "Leave this page".')])).toEqual([
      'content/info/xx/quick-exit-safety.md does not use "Exit this page" (exitThisPage); write it exactly as the glossary does',
    ]);
  });

  it('fails when a term occurs nowhere, so the glossary cannot drift from the texts', () => {
    const stale = glossarySchema.parse({
      ...glossary,
      terms: { ...glossary.terms, badge: { use: 'ID card' } },
    });
    expect(checkGlossary('xx', stale, messages, [page('Press "Exit this page".')])).toEqual([
      'locales/glossary/xx.json → terms.badge.use: "ID card" occurs in no string or page of xx; write the form the texts use',
    ]);
  });

  it('refuses a glossary without one of the six terms', () => {
    const { helper: _helper, ...five } = glossary.terms;
    expect(glossarySchema.safeParse({ ...glossary, terms: five }).success).toBe(false);
  });
});
