import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import islandLoader from 'astro/runtime/server/astro-island.prebuilt.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtPages } from '../../src/integrations/built-pages';
import { securityPolicy } from '../../src/integrations/security-headers';
import { scriptHash } from '../../src/lib/security-headers';

const made: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A built site of the given pages, then the built-pages steps with the policy run on it (as on pages Astro writes without rendering). */
async function runOn(pages: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'csp-'));
  made.push(root);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  const logged: string[] = [];
  const logger = {
    info: (m: string) => logged.push(m),
    warn: (m: string) => logged.push(m),
    error: (m: string) => logged.push(m),
    fork: () => logger,
  };
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  const hook = builtPages([securityPolicy('https://{s}.tile.example.org/{z}/{x}/{y}.png')]).hooks[
    'astro:build:done'
  ] as (options: unknown) => Promise<void>;
  let outcome = 'built';
  try {
    await hook({ dir: pathToFileURL(`${root}/`), logger, pages: [], routes: [], assets: new Map() });
  } catch (error) {
    outcome = (error as Error).message;
  }
  return { root, logged: logged.join('\n'), outcome, exit };
}

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('the security headers integration', () => {
  it("allows Astro's island loader by the hash of its source and puts the policy in every page", async () => {
    const { root, outcome } = await runOn({
      'en/index.html': page(`<astro-island></astro-island><script>${islandLoader}</script>`),
      'index.html': page(''),
    });
    expect(outcome).toBe('built');
    const headers = readFileSync(join(root, '_headers'), 'utf8');
    expect(headers).toContain(`script-src 'self' ${scriptHash(islandLoader)};`);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toContain(
      "img-src 'self' data: https://a.tile.example.org https://b.tile.example.org https://c.tile.example.org",
    );
    for (const file of ['en/index.html', 'index.html']) {
      const html = readFileSync(join(root, file), 'utf8');
      expect(html).toMatch(
        /<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/,
      );
      expect(html).not.toContain('frame-ancestors');
    }
  });

  it('fails the build on any other inline script, naming the file, and writes no policy that would allow it', async () => {
    const { root, logged, outcome } = await runOn({
      'en/index.html': page(`<script>${islandLoader}</script>`),
      'en/info/your-rights/index.html': page(
        '<div class="prose"><script>alert("from content")</script></div>',
      ),
    });
    expect(outcome).toBe('exit 1');
    expect(logged).toContain('en/info/your-rights/index.html: <script>alert("from content")</script>');
    expect(logged).not.toContain('en/index.html:');
    expect(() => readFileSync(join(root, '_headers'), 'utf8')).toThrow();
  });
});
