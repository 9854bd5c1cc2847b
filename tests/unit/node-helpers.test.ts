import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ContentProblem } from '../../src/lib/content-check';
import { netlifyHeaders } from '../../src/lib/security-headers';
import { filesBelow, filesBelowIfAny } from '../../src/node/files';
import { headersFor, parseHeadersFile } from '../../src/node/headers-file';
import { contentTypeOf } from '../../src/node/mime';
import { checkYaml, readYamlFile } from '../../src/node/yaml';

const work = mkdtempSync(join(tmpdir(), 'node-helpers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('filesBelow', () => {
  it('lists every file in every sub-folder, filtered by name', () => {
    mkdirSync(join(work, 'site/en/ro'), { recursive: true });
    for (const file of [
      'site/index.html',
      'site/en/index.html',
      'site/en/ro/index.html',
      'site/en/ro/data.json',
    ])
      writeFileSync(join(work, file), '');
    const below = (keep?: (name: string) => boolean) =>
      filesBelow(join(work, 'site'), keep)
        .map((path) => relative(work, path))
        .sort();
    expect(below()).toEqual([
      'site/en/index.html',
      'site/en/ro/data.json',
      'site/en/ro/index.html',
      'site/index.html',
    ]);
    expect(below((name) => name.endsWith('.json'))).toEqual(['site/en/ro/data.json']);
  });

  it('throws for a missing folder, unless missing is allowed', () => {
    expect(() => filesBelow(join(work, 'nowhere'))).toThrow(/ENOENT/);
    expect(filesBelowIfAny(join(work, 'nowhere'))).toEqual([]);
  });
});

describe('_headers', () => {
  it('reads back what the build writes, for every path under /*', () => {
    const rules = parseHeadersFile(
      netlifyHeaders({
        'Content-Security-Policy': "default-src 'self'; img-src https://a.example:443",
        'X-Frame-Options': 'DENY',
      }),
    );
    expect(headersFor(rules, '/en/ro/')).toEqual({
      'Content-Security-Policy': "default-src 'self'; img-src https://a.example:443",
      'X-Frame-Options': 'DENY',
    });
  });

  it('applies a block only to the paths it names, later blocks winning', () => {
    const rules = parseHeadersFile('/*\n  X-A: 1\n/_astro/*\n  X-A: 2\n  Cache-Control: immutable\n');
    expect(headersFor(rules, '/en/')).toEqual({ 'X-A': '1' });
    expect(headersFor(rules, '/_astro/app.js')).toEqual({ 'X-A': '2', 'Cache-Control': 'immutable' });
  });
});

describe('contentTypeOf', () => {
  it('knows the files a build holds', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.webmanifest')).toBe('application/manifest+json');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});

describe('checkYaml / readYamlFile', () => {
  const schema = z.object({ name: z.string() }).strict();

  it('returns the data when it fits the schema', () => {
    expect(checkYaml('name: Nord\n', 'a.yaml', schema, [])).toEqual({ name: 'Nord' });
  });

  it('names the file and field of each problem', () => {
    const problems: ContentProblem[] = [];
    expect(checkYaml('name: [\n', 'bad.yaml', schema, problems)).toBeUndefined();
    expect(checkYaml('name: 3\n', 'wrong.yaml', schema, problems)).toBeUndefined();
    expect(problems[0]).toMatchObject({
      file: 'bad.yaml',
      field: '(whole file)',
      message: expect.stringMatching(/^not valid YAML: .*; check indentation and quotes$/),
    });
    expect(problems[1]).toMatchObject({ file: 'wrong.yaml', field: 'name' });
  });

  it('says what to do about a file it cannot read', () => {
    const problems: ContentProblem[] = [];
    readYamlFile(join(work, 'missing.yaml'), 'missing.yaml', schema, problems, {
      unreadable: (error) => `gone (${error.code})`,
    });
    expect(problems).toEqual([{ file: 'missing.yaml', field: '(whole file)', message: 'gone (ENOENT)' }]);
  });
});
