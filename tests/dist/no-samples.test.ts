import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDir, readBuiltPages } from '../support/built-site';
import { filesBelow } from '../../src/node/files';

/**
 * Invented sample services never reach the public build (the content gate
 * refuses them without SAMPLE_DATA=1). This checks the output itself: no page,
 * open-data file or sitemap mentions a sample, in any language.
 */
describe('no sample data in the public output', () => {
  const labels = readdirSync('locales')
    .filter((name) => name.endsWith('.json'))
    .map((name) => (JSON.parse(readFileSync(join('locales', name), 'utf8')) as { common?: { sample?: string } }).common?.sample)
    .filter((label): label is string => Boolean(label));

  it('no page shows the sample label or links a sample service', () => {
    const pages = readBuiltPages();
    expect(pages.length).toBeGreaterThan(100);
    const hits = pages.filter((page) => labels.some((label) => page.html.includes(label)) || /-sample-\d|"sample"|\bsample\b/i.test(page.html));
    console.log(`searched ${pages.length} pages for ${labels.length} sample labels: ${hits.length} hit(s)`);
    expect(hits.map((page) => page.url)).toEqual([]);
  });

  it('no open-data (HSDS) or other data file carries a sample flag', () => {
    const files = filesBelow(outDir).filter((file) => /\.(json|xml|txt|webmanifest)$/.test(file));
    const hsds = files.filter((file) => file.includes(`${join('data', 'hsds')}`));
    expect(hsds.length).toBeGreaterThan(5);
    const hits = files.filter((file) => /sample/i.test(readFileSync(file, 'utf8')));
    console.log(`searched ${files.length} data files (${hsds.length} HSDS): ${hits.length} hit(s)`);
    expect(hits.map((file) => relative(outDir, file))).toEqual([]);
  });
});
