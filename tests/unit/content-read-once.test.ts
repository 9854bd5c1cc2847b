/**
 * Issue 17: content/ is read once per build. Every file read goes through
 * node:fs readFileSync, counted here per path; the test then runs what a
 * build runs, in Astro's order: the integrations' astro:config:setup hooks
 * (content gate, poster lock check or staff gate), the `info` collection's
 * loader (content sync), and the site model the pages get (getSite).
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { infoLoader } from '../../src/data/info-loader';
import { forgetSiteContent, readSiteContent } from '../../src/data/read-content';
import { resolveSite } from '../../src/data/site-model';
import { contentGate } from '../../src/integrations/content-gate';
import { posters } from '../../src/posters/integration';
import { staffSiteConfig } from '../../src/integrations/staff-build';
import { infoSchema } from '../../src/schemas/info';

const reads = vi.hoisted(() => new Map<string, number>());

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { resolve: absolute } = await import('node:path');
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    const key = absolute(String(path));
    reads.set(key, (reads.get(key) ?? 0) + 1);
    return (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

const projectRoot = new URL('../../', import.meta.url);
const contentRoot = fileURLToPath(new URL('content', projectRoot));

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** How many times each file of the content folder was read, by path below content/ (READMEs are for editors, not content). */
function readsOfContent(): Record<string, number> {
  return Object.fromEntries(
    filesBelow(contentRoot)
      .filter((path) => !path.endsWith('README.md'))
      .map((path) => [relative(contentRoot, path), reads.get(resolve(path)) ?? 0]),
  );
}

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };

async function configSetup(integration: AstroIntegration, config: Record<string, unknown>): Promise<void> {
  const hook = integration.hooks['astro:config:setup'];
  if (!hook) throw new Error(`${integration.name} has no astro:config:setup hook`);
  await (hook as (options: unknown) => unknown)({
    config: { root: projectRoot, cacheDir: new URL('node_modules/.astro/', projectRoot), ...config },
    logger,
  });
}

/** Astro's content sync: the `info` collection's loader with an in-memory store, the schema as parseData. */
async function syncInfoCollection(): Promise<number> {
  const entries = new Map<string, { digest?: string }>();
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    set: (entry: { id: string; digest?: string }) => (entries.set(entry.id, entry), true),
    delete: (id: string) => entries.delete(id),
  };
  const context = {
    config: { root: projectRoot },
    store,
    logger,
    parseData: async ({ data }: { data: unknown }) => infoSchema.parse(data),
    renderMarkdown: async (body: string) => ({ html: body }),
    generateDigest: (value: unknown) => JSON.stringify(value),
  } as unknown as LoaderContext;
  await infoLoader(() => contentRoot).load(context);
  return entries.size;
}

/** What getSite() (src/data/site.ts) does for the pages, each page asking again. */
function siteForPages(times: number) {
  return Array.from({ length: times }, () => resolveSite(readSiteContent(contentRoot).content, ['en', 'uk']));
}

describe('content is read once per build', () => {
  beforeEach(() => {
    vi.stubEnv('CONTENT_DIR', contentRoot);
    forgetSiteContent();
    reads.clear();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('the public build: content gate, poster lock check, info collection and pages read each file of content/ once (staff/ never)', async () => {
    await configSetup(contentGate(), {});
    await configSetup(posters(), { site: 'http://localhost:4321' });
    const infoPages = await syncInfoCollection();
    const [site] = siteForPages(3);

    const counted = readsOfContent();
    const publicFiles = Object.keys(counted).filter((file) => !file.startsWith('staff/'));
    const staffFiles = Object.keys(counted).filter((file) => file.startsWith('staff/'));
    console.log(
      `public build: ${publicFiles.length} content files, ${infoPages} information pages, ${site?.stations.length} stations; reads per file: ${[...new Set(publicFiles.map((file) => counted[file]))].join(', ')}`,
    );
    expect(publicFiles.length).toBeGreaterThan(100);
    expect(infoPages).toBeGreaterThan(0);
    expect(Object.fromEntries(publicFiles.map((file) => [file, counted[file]]))).toEqual(
      Object.fromEntries(publicFiles.map((file) => [file, 1])),
    );
    expect(staffFiles.length).toBeGreaterThan(0);
    expect(staffFiles.filter((file) => counted[file] !== 0)).toEqual([]);
  });

  it('the staff build: its content gate, staff gate, info collection and pages read each file of content/ once', async () => {
    for (const integration of staffSiteConfig('http://localhost:4321').integrations ?? []) {
      if (integration && typeof integration === 'object' && 'hooks' in integration)
        await configSetup(integration as AstroIntegration, {});
    }
    await syncInfoCollection();
    siteForPages(3);

    const counted = readsOfContent();
    expect(Object.keys(counted).length).toBeGreaterThan(100);
    expect(Object.entries(counted).filter(([, times]) => times !== 1)).toEqual([]);
  });

  it('counts a second read: without the shared read, the gate and the pages would each read every file', async () => {
    await configSetup(contentGate(), {});
    forgetSiteContent();
    siteForPages(1);
    expect(
      new Set(
        Object.entries(readsOfContent())
          .filter(([file]) => !file.startsWith('staff/'))
          .map(([, times]) => times),
      ),
    ).toEqual(new Set([2]));
  });
});
