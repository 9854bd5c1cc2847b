import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { serveStatic } from '../../src/node/static-server';
import { config } from '../../src/config';

export interface BuildCopy {
  /** Where the copy is served, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  /** The copy's folder: change a file here to ship an update. */
  readonly root: string;
  /** Stops the server, as when the network or the host goes away. */
  close(): Promise<void>;
}

/**
 * Gives each test of the file its own copy of the build on its own server
 * (and origin, so service workers and caches start empty), for tests that
 * stop the server or change the site under a page.
 */
export function serveBuildCopyPerTest(prefix: string): BuildCopy {
  const built = config.outDir;
  let root = '';
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  test.beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), `safe-station-${prefix}-`));
    cpSync(built, root, { recursive: true });
    site = await serveStatic(root);
  });
  test.afterEach(async () => {
    await site?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    get origin() {
      if (!site) throw new Error('the build copy is served only inside a test');
      return site.origin;
    },
    get root() {
      return root;
    },
    close: () => site?.close() ?? Promise.resolve(),
  };
}
