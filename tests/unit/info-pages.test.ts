import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { assessOffer, compareSelfChecks } from '../../src/lib/self-check';
import { infoSchema } from '../../src/schemas/info';

const root = fileURLToPath(new URL('../..', import.meta.url));
const infoPage = (lang: string, slug: string) => {
  const text = readFileSync(join(root, 'content/info', lang, `${slug}.md`), 'utf8');
  const [, frontMatter = '', body = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  return { data: infoSchema.parse(load(frontMatter)), body };
};

describe('the information pages', () => {
  it('have valid front matter in every language', () => {
    for (const lang of ALL_LANGUAGE_CODES) {
      for (const file of readdirSync(join(root, 'content/info', lang)))
        expect(() => infoPage(lang, file.replace(/\.md$/, '')), `${lang}/${file}`).not.toThrow();
    }
  });

  // One page serves every country, and not every country lists a child line (UK and NL list none):
  // so a page never names a helpline number itself; the numbers below it come from the country's list.
  it('name no helpline number (such as a 116 line or 119) that some countries do not list, in every language', () => {
    for (const lang of ALL_LANGUAGE_CODES) {
      for (const file of readdirSync(join(root, 'content/info', lang))) {
        const { body } = infoPage(lang, file.replace(/\.md$/, ''));
        expect(body, `${lang}/${file}`).not.toMatch(
          /\b116[\s\u00a0]?\d{3}\b|\b119\b|\+\d{2}[\s\d]{6,}|\b0800\b|\b0900\b/,
        );
      }
    }
  });

  it('cite the ILO report itself and the Eurostat 2024 figure on the facts page, in every language', () => {
    for (const lang of ALL_LANGUAGE_CODES) {
      const { data, body } = infoPage(lang, 'facts-and-figures');
      const sources = (data.sources ?? []).map((source) => source.url);
      expect(sources, lang).toContain('https://www.ilo.org');
      expect(sources, lang).toContain('https://www.brusselstimes.com/eu-affairs/1943083');
      expect(sources.join(' '), lang).not.toContain('vss.gov.vn');
      expect(body.replace(/[\s.,]/g, ''), lang).toContain('9678');
    }
  });
});

describe('the "Is this offer safe?" self-check', () => {
  const english = infoPage('en', 'is-this-offer-safe').data.checks ?? [];

  it('asks the same questions as English, in the same order, with "yes" as the warning sign, in every language', () => {
    expect(english.length).toBeGreaterThan(0);
    const problems = ALL_LANGUAGE_CODES.flatMap((lang) =>
      compareSelfChecks(english, lang, infoPage(lang, 'is-this-offer-safe').data.checks),
    );
    expect(problems).toEqual([]);
  });

  it('reports a translation whose question set, order or warning answer differs', () => {
    const source = [
      { id: 'passport', warningIf: 'yes' as const },
      { id: 'debt', warningIf: 'yes' as const },
    ];
    expect(compareSelfChecks(source, 'xx', [source[1]!, source[0]!])).toHaveLength(1);
    expect(compareSelfChecks(source, 'xx', [source[0]!, { id: 'debt', warningIf: 'no' }])).toEqual([
      { lang: 'xx', problem: 'question "debt": warning answer is "no", English says "yes"' },
    ]);
    expect(compareSelfChecks(source, 'xx', undefined)).toHaveLength(1);
  });

  it('refuses a question without its warning answer, naming the fix', () => {
    const question = {
      id: 'passport',
      question: 'Do they want to keep your passport?',
      ifYes: 'Nobody may keep it.',
    };
    const result = infoSchema.safeParse({
      title: 'Is this offer safe?',
      summary: 'Signs',
      order: 1,
      checks: [question],
    });
    expect(result.success).toBe(false);
    expect(
      infoSchema.safeParse({
        title: 'Is this offer safe?',
        summary: 'Signs',
        order: 1,
        checks: [{ ...question, warningIf: 'no' }],
      }).error?.issues[0]?.message,
    ).toMatch(/warningIf: yes/);
  });

  it('counts an answer as a warning only when it is the warning answer', () => {
    const questions = [
      { id: 'passport', warningIf: 'yes' as const },
      { id: 'contract', warningIf: 'no' as const },
    ];
    expect(assessOffer(questions, { passport: 'no', contract: 'yes' })).toEqual({
      complete: true,
      warningIds: [],
    });
    expect(assessOffer(questions, { passport: 'yes', contract: 'no' })).toEqual({
      complete: true,
      warningIds: ['passport', 'contract'],
    });
    expect(assessOffer(questions, { passport: 'yes' })).toEqual({
      complete: false,
      warningIds: ['passport'],
    });
  });
});
