import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDir } from '../support/built-site';
import { filesBelow } from '../../src/node/files';

/**
 * The form editor (/admin/, Decap CMS, src/editor/) runs only on an editor's
 * own machine through `npm run edit`; the public build carries none of it.
 */
describe('no content editor in the public output', () => {
  const files = filesBelow(outDir);

  it('has no /admin/ folder or page', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((file) => relative(outDir, file).split(sep).join('/')).filter((path) => /(^|\/)admin(\/|$)/.test(path))).toEqual([]);
  });

  it('has no CMS bundle or editor script in any page, script or data file', () => {
    const text = files.filter((file) => /\.(html|js|mjs|json|webmanifest|txt|xml|css)$/.test(file));
    const hits = text.filter((file) => /decap-cms|CMS_MANUAL_INIT|cms-config-url|\/admin\/check|decap-server/i.test(readFileSync(file, 'utf8')));
    console.log(`searched ${text.length} files for the editor: ${hits.length} hit(s)`);
    expect(hits.map((file) => relative(outDir, file))).toEqual([]);
  });
});
