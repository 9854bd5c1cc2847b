import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, readContent } from '../../src/data/read-content';

const fixtures = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
const options = { siteLanguages: ['en', 'ro', 'uk', 'ru', 'ar'], today: '2026-11-25' };
const made: string[] = [];

/** The valid fixture with one bad case's files laid over it, in a fresh folder. */
function contentWith(badCase: string): string {
  const root = mkdtempSync(join(tmpdir(), `content-${badCase}-`));
  made.push(root);
  cpSync(join(fixtures, 'valid'), join(root, 'content'), { recursive: true });
  cpSync(join(fixtures, 'bad', badCase), join(root, 'content'), { recursive: true, force: true });
  return join(root, 'content');
}

function problemsFor(badCase: string): string {
  try {
    readContent(contentWith(badCase), options);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error(`bad case "${badCase}" was accepted`);
}

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('content validation', () => {
  it('accepts the valid fixture', () => {
    const { content } = readContent(join(fixtures, 'valid'), options);
    expect(content.stations.map((s) => s.id)).toEqual(['ro/iasi']);
  });

  // Each row: fixture folder, then the file, field and words of the fix the message must contain.
  const cases: [string, string, string, RegExp][] = [
    ['missing-reference', 'content/stations/ro/iasi.yaml', 'services.0', /no service "ro\/iasi-sample-404"; create content\/services\/ro\/iasi-sample-404.yaml/],
    ['duplicate-short-code', 'content/stations/ro/iasi', 'code', /short code "RO-IS" is already used by content\/stations\/ro\/iasi/],
    ['invalid-phone', 'content/contacts/ro/anitp-helpline.yaml', 'phones.0.number', /not a valid phone number; check the digits/],
    ['unknown-short-code', 'content/contacts/ro/emergency-112.yaml', 'phones.0.number', /"911" is not a known short code for RO/],
    ['coordinates-outside-country', 'content/stations/ro/iasi.yaml', 'location', /not inside RO; check that latitude and longitude are not swapped/],
    ['coordinates-out-of-range', 'content/services/ro/iasi-sample-1.yaml', 'location.lat', /latitude must be between -90 and 90/],
    ['impossible-date', 'content/contacts/ro/emergency-112.yaml', 'verified.date', /not a real calendar date/],
    ['missing-field', 'content/contacts/ro/emergency-112.yaml', 'verified', /this field is required; add it/],
    ['unknown-field', 'content/stations/ro/iasi.yaml', '(whole file)', /unknown field\(s\) "phone"; remove them or check the spelling/],
    ['non-ascii-slug', 'content/stations/ro/iași.yaml', '(file name)', /rename the file with lower-case ASCII letters/],
    ['broken-yaml', 'content/countries/ro.yaml', '(whole file)', /not valid YAML/],
    ['english-missing', 'content/contacts/ro/emergency-112.yaml', 'organisation', /add an "en" entry/],
    ['unknown-language', 'content/stations/ro/iasi.yaml', 'languages', /"tlh"/],
    ['sample-without-verification', 'content/services/ro/iasi-sample-1.yaml', 'verified', /needs `verified` with date, method and source/],
  ];

  it.each(cases)('rejects %s, naming the file, the field and the fix', (badCase, file, field, fix) => {
    const message = problemsFor(badCase);
    const line = message.split('\n').find((l) => l.includes(file) && l.includes(`→ ${field}`));
    expect(line, message).toBeDefined();
    expect(line).toMatch(fix);
  });

  it('says nothing was built', () => {
    expect(problemsFor('invalid-phone')).toMatch(/^Content has 1 problem\(s\); nothing was built\./);
  });
});
