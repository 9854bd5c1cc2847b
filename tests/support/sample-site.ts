import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from './staff-builds';
import { serveStatic } from '../../src/node/static-server';

/**
 * The invented sample services live in tests/fixtures/content/samples/ and
 * never in content/ (the build refuses them without SAMPLE_DATA=1). Tests of
 * the directory, its filters, the maps and the HSDS export need places with
 * coordinates, hours and audiences, so they run against a separate build:
 * the shipped content plus the samples, each linked to the station its file
 * name starts with ("bucuresti-nord-sample-1" → ro/bucuresti-nord).
 */
export const SAMPLES_DIR = resolve('tests/fixtures/content/samples');
/** Languages the sample build has: the specs that use it test these. */
export const SAMPLE_SITE_LANGUAGES = 'en,ar';

export function sampleContentCopy(into: string): string {
  const contentDir = join(into, 'content');
  cpSync('content', contentDir, { recursive: true });
  cpSync(join(SAMPLES_DIR, 'services'), join(contentDir, 'services'), { recursive: true });
  for (const country of readdirSync(join(SAMPLES_DIR, 'services'))) {
    const samples = readdirSync(join(SAMPLES_DIR, 'services', country)).map((name) =>
      name.replace(/\.ya?ml$/, ''),
    );
    for (const stationFile of readdirSync(join(contentDir, 'stations', country))) {
      const slug = stationFile.replace(/\.ya?ml$/, '');
      const ids = samples
        .filter((name) => name.startsWith(`${slug}-sample-`))
        .map((name) => `${country}/${name}`);
      if (ids.length === 0) continue;
      const file = join(contentDir, 'stations', country, stationFile);
      const yaml = readFileSync(file, 'utf8');
      const listed = /^services: \[(.*)\]$/m.exec(yaml);
      if (!listed) throw new Error(`${file}: expected a one-line "services: [...]" to add the samples to`);
      const all = [
        ...(listed[1] ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
        ...ids,
      ];
      writeFileSync(file, yaml.replace(listed[0], `services: [${all.join(', ')}]`));
    }
  }
  return contentDir;
}

export interface SampleSite {
  readonly origin: string;
  readonly contentDir: string;
  close(): Promise<void>;
}

/** Builds and serves the site with the samples (en and ar, no posters). Takes a minute or two. */
export async function makeSampleSite(): Promise<SampleSite> {
  const dir = mkdtempSync(join(tmpdir(), 'sample-site-'));
  const contentDir = sampleContentCopy(dir);
  // Inside the project (git-ignored .cache/), as the service worker plugin expects of an output folder.
  mkdirSync('.cache/e2e-sample-site', { recursive: true });
  const outDir = mkdtempSync('.cache/e2e-sample-site/run-');
  await build(
    {
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: resolve('.cache/e2e-sample-site-cache'),
      SAMPLE_DATA: '1',
      PUBLIC_LOCALES: SAMPLE_SITE_LANGUAGES,
      SITE_URL: 'http://localhost:4321',
      STAFF_BUILD: '',
    },
    'sample',
  );
  const server = await serveStatic(outDir);
  return {
    origin: server.origin,
    contentDir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
