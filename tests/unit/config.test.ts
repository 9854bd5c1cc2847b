import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SITE_URL, parseConfig, SKIP_MARKDOWN_CHECK } from '../../src/config';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { filesBelow } from '../../src/node/files';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseConfig', () => {
  it('gives the defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.siteUrl).toBe(DEFAULT_SITE_URL);
    expect(config.languages).toEqual([...ALL_LANGUAGE_CODES]);
    expect(config.contentDir).toBe('content');
    expect(config.outDir).toBe('dist');
    expect(config.astroCacheDir).toBe('./node_modules/.astro');
    expect(config.staffBuild).toBe(false);
    expect(config.allowSampleData).toBe(false);
    expect(config.checkMarkdown).toBe(true);
    expect(config.e2ePort).toBe(4321);
    expect(config.tileUrl).toMatch(/^https:\/\/tile\.openstreetmap\.org\//);
  });

  it('reads every variable it is given', () => {
    const config = parseConfig({
      SITE_URL: 'https://help.example.net',
      PUBLIC_LOCALES: 'uk, ar',
      CONTENT_DIR: '/tmp/content',
      OUT_DIR: '/tmp/out',
      STAFF_BUILD: '1',
      SAMPLE_DATA: '1',
      [SKIP_MARKDOWN_CHECK]: '1',
      E2E_PORT: '4461',
      SCREENS: '/en/, /ar/ ,',
      KIOSK_SOAK_STATION: 'pl/przemysl-glowny',
    });
    expect(config.siteUrl).toBe('https://help.example.net');
    // English, the source language, is always built, in the site's language order.
    expect(config.languages).toEqual(['en', 'uk', 'ar']);
    expect(config.contentDir).toBe('/tmp/content');
    expect(config.outDir).toBe('/tmp/out');
    expect(config.staffBuild).toBe(true);
    expect(config.allowSampleData).toBe(true);
    expect(config.checkMarkdown).toBe(false);
    expect(config.e2ePort).toBe(4461);
    expect(config.screens).toEqual(['/en/', '/ar/']);
    expect(config.kioskSoak.station).toBe('pl/przemysl-glowny');
  });

  it('gives the staff build its own output and cache folders', () => {
    const config = parseConfig({ STAFF_BUILD: '1' });
    expect(config.outDir).toBe('dist-staff');
    expect(config.astroCacheDir).toBe('./node_modules/.astro-staff');
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ STAFF_BUILD: '', PUBLIC_LOCALES: ' ', OUT_DIR: '' })).toMatchObject({
      staffBuild: false,
      outDir: 'dist',
      languages: [...ALL_LANGUAGE_CODES],
    });
  });

  it('names the variable, the value and the fix when a value is wrong', () => {
    expect(problemsOf({ PUBLIC_LOCALES: 'en,xx' })).toEqual([
      expect.stringMatching(
        /^PUBLIC_LOCALES="en,xx": names unknown language\(s\): xx\..*Fix: list language codes/,
      ),
    ]);
    expect(problemsOf({ SITE_URL: 'safe-station.org' })).toEqual([
      expect.stringMatching(
        /^SITE_URL="safe-station.org": must be an absolute http\(s\) address.*Fix: set SITE_URL to the public address/,
      ),
    ]);
    expect(problemsOf({ STAFF_BUILD: 'true' })).toEqual([
      expect.stringMatching(/^STAFF_BUILD="true": set it to 1 to build the staff pages/),
    ]);
    expect(problemsOf({ E2E_PORT: 'abc' })).toEqual([
      expect.stringMatching(/^E2E_PORT="abc": must be a port number/),
    ]);
    expect(problemsOf({ PUBLIC_EXIT_URL: 'javascript:alert(1)' })).toEqual([
      expect.stringMatching(/^PUBLIC_EXIT_URL=.*must be an absolute http\(s\) address/),
    ]);
  });

  it('lists every wrong variable at once', () => {
    expect(problemsOf({ SITE_URL: 'nope', SAMPLE_DATA: 'yes', KIOSK_SOAK_INTERACTIONS: '-3' })).toHaveLength(
      3,
    );
    expect(() => parseConfig({ SITE_URL: 'nope' })).toThrow(
      /Invalid environment variable\(s\):\n {2}- SITE_URL=/,
    );
  });
});

/** Astro's own import.meta.env values come from its config, not from the environment. */
const ASTRO_BUILT_INS = new Set(['SITE', 'BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR', 'ASSETS_PREFIX']);

describe('one place reads the environment', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const sources = [
    ...['src', 'scripts', 'tests'].flatMap((folder) =>
      filesBelow(`${root}${folder}`, (name) => /\.(ts|tsx|mjs|js|astro)$/.test(name)),
    ),
    ...['astro.config.mjs', 'playwright.config.ts', 'vitest.unit.config.ts', 'vitest.dist.config.ts'].map(
      (name) => `${root}${name}`,
    ),
  ]
    .map((path) => relative(root, path))
    .filter((path) => path !== 'src/config.ts' && !path.startsWith('tests/fixtures/'));

  it('scans the project', () => {
    expect(sources).toContain('astro.config.mjs');
    expect(sources.filter((path) => path.startsWith('scripts/')).length).toBeGreaterThan(10);
  });

  it('no module but src/config.ts reads an environment variable', () => {
    const readers = sources.flatMap((path) => {
      const text = readFileSync(`${root}${path}`, 'utf8');
      const found = [...text.matchAll(/\bprocess\.env\b|\bimport\.meta\.env\.(\w+)/g)].filter(
        (match) => !(match[1] && ASTRO_BUILT_INS.has(match[1])),
      );
      return found.map((match) => `${path}: ${match[0]}`);
    });
    expect(
      readers,
      'read it from `config` in src/config.ts (add the variable to its schema); pass variables to child processes with childEnv()',
    ).toEqual([]);
  });
});
