import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, readContent } from '../../src/data/read-content';

const fixtures = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
const options = { siteLanguages: ['en', 'ro', 'uk', 'ru', 'ar'], today: '2026-11-25' };
const made: string[] = [];

/**
 * The valid fixture with one bad case's files laid over it, in a fresh folder.
 * A case's `.remove` lists files of the valid fixture to take away.
 */
function contentWith(badCase: string): string {
  const root = mkdtempSync(join(tmpdir(), `content-${badCase}-`));
  made.push(root);
  const content = join(root, 'content');
  cpSync(join(fixtures, 'valid'), content, { recursive: true });
  cpSync(join(fixtures, 'bad', badCase), content, {
    recursive: true,
    force: true,
    filter: (source) => !source.endsWith('/.remove'),
  });
  const removals = join(fixtures, 'bad', badCase, '.remove');
  if (existsSync(removals))
    for (const path of readFileSync(removals, 'utf8').split('\n').filter(Boolean))
      rmSync(join(content, path));
  return content;
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
    [
      'missing-reference',
      'content/stations/ro/iasi.yaml',
      'services.0',
      /no service "ro\/iasi-sample-404"; create content\/services\/ro\/iasi-sample-404.yaml/,
    ],
    [
      'duplicate-short-code',
      'content/stations/ro/iasi',
      'code',
      /short code "RO-IS" is already used by content\/stations\/ro\/iasi/,
    ],
    [
      'invalid-phone',
      'content/contacts/ro/anitp-helpline.yaml',
      'phones.0.number',
      /not a valid phone number; check the digits/,
    ],
    [
      'unknown-short-code',
      'content/contacts/ro/emergency-112.yaml',
      'phones.0.number',
      /"911" is not a known short code for RO/,
    ],
    [
      'coordinates-outside-country',
      'content/stations/ro/iasi.yaml',
      'location',
      /not inside RO; check that latitude and longitude are not swapped/,
    ],
    [
      'coordinates-out-of-range',
      'content/services/ro/iasi-sample-1.yaml',
      'location.lat',
      /latitude must be between -90 and 90/,
    ],
    [
      'impossible-date',
      'content/contacts/ro/emergency-112.yaml',
      'verified.date',
      /not a real calendar date/,
    ],
    ['missing-field', 'content/contacts/ro/emergency-112.yaml', 'verified', /this field is required; add it/],
    [
      'unknown-field',
      'content/stations/ro/iasi.yaml',
      '(whole file)',
      /unknown field\(s\) "phone"; remove them or check the spelling/,
    ],
    [
      'non-ascii-slug',
      'content/stations/ro/iași.yaml',
      '(file name)',
      /rename the file with lower-case ASCII letters/,
    ],
    ['broken-yaml', 'content/countries/ro.yaml', '(whole file)', /not valid YAML/],
    ['english-missing', 'content/contacts/ro/emergency-112.yaml', 'organisation', /add an "en" entry/],
    ['unknown-language', 'content/stations/ro/iasi.yaml', 'languages', /"tlh"/],
    [
      'sample-without-verification',
      'content/services/ro/iasi-sample-1.yaml',
      'verified',
      /needs `verified` with date, method and source/,
    ],
    // Content is data, never markup or a way out (issue 15).
    [
      'raw-html-in-markdown',
      'content/info/en/your-rights.md',
      'line 9',
      /raw HTML "<script>alert\("raw HTML must not reach a page"\)<\/script>" is not allowed/,
    ],
    [
      'unsafe-markdown-link',
      'content/info/en/your-rights.md',
      'line 8',
      /the link address "javascript:alert\(1\)" is not allowed; use an https:\/\/ address, mailto:, tel:/,
    ],
    [
      'website-javascript-url',
      'content/contacts/ro/anitp-helpline.yaml',
      'website',
      /starting with https:\/\/ \(other kinds of address, such as http:, javascript: or data:, are refused\)/,
    ],
    ['website-data-url', 'content/services/ro/iasi-sample-1.yaml', 'website', /starting with https:\/\//],
    [
      'nested-station',
      'content/stations/ro/extra/iasi.yaml',
      '(file name)',
      /not in a sub-folder .*move it to content\/stations\/\{country\}\//,
    ],
    [
      'duplicate-file-name',
      'content/stations/ro/iasi.y',
      '(file name)',
      /has the same name and so the same web address; keep one of the two files/,
    ],
    [
      'service-in-wrong-country-folder',
      'content/services/md/chisinau-sample-1.yaml',
      'country',
      /a service in "ro" belongs in content\/services\/ro\//,
    ],
    [
      'contact-listed-twice',
      'content/countries/ro.yaml',
      'helplines.0',
      /"ro\/anitp-helpline" is already listed in antiTrafficking.0/,
    ],
    [
      'opens-equals-closes',
      'content/contacts/ro/anitp-helpline.yaml',
      'hours.0.closes',
      /opens and closes are the same time, which would read as open all day/,
    ],
    [
      'badge-private-key',
      'content/badges/keys.yaml',
      '0.jwk.d',
      /this is a PRIVATE key: delete it from the repository at once/,
    ],
    [
      'badge-revoked-list-missing',
      'content/badges/revoked.yaml',
      '(whole file)',
      /the file must exist and hold a YAML list \(\[\] when empty\)/,
    ],
    // Caps and invisible characters.
    ['name-too-long', 'content/stations/ro/iasi.yaml', 'name', /longer than 200 characters; shorten it/],
    ['bidi-control-in-name', 'content/stations/ro/iasi.yaml', 'name', /invisible direction control U\+202E/],
    [
      'file-too-big',
      'content/services/ro/iasi-sample-1.yaml',
      '(whole file)',
      /more than the 256 KB a content file may have/,
    ],
  ];

  it.each(cases)('rejects %s, naming the file, the field and the fix', (badCase, file, field, fix) => {
    const message = problemsFor(badCase);
    const line = message.split('\n').find((l) => l.includes(file) && l.includes(`→ ${field}`));
    expect(line, message).toBeDefined();
    expect(line).toMatch(fix);
  });

  it('has a test row for every bad fixture', () => {
    expect(readdirSync(join(fixtures, 'bad')).sort()).toEqual(cases.map(([badCase]) => badCase).sort());
  });

  it('says nothing was built', () => {
    expect(problemsFor('invalid-phone')).toMatch(/^Content has 1 problem\(s\); nothing was built\./);
  });
});
