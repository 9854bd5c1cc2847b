/**
 * `npm run edit`: the form editor on this machine, in one command. Starts
 * decap-server (writes the files), the Astro dev server (the site from the
 * same content, for the links after a save) and the edit server in front
 * (src/editor/server.ts: /admin/, the gate check, house-style YAML), prints
 * the address, and stops all three on Ctrl-C.
 *
 * CONTENT_DIR edits another content folder (a copy); EDIT_PORT,
 * EDIT_PROXY_PORT and EDIT_SITE_PORT move the servers (src/config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { childEnv, config } from '../src/config';
import { startEditServer } from '../src/editor/server';
import { portOpen } from '../src/node/ports';

const contentDir = resolve(config.contentDir);
const { port, proxyPort, sitePort } = config.edit;
const children: ChildProcess[] = [];

function start(label: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${label}] ${line}`)
      .join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${label} stopped (${signal ?? code}); stopping the editor`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForPort(target: number, label: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (await portOpen(target)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${label} did not start on port ${target} within a minute`);
}

let stopping = false;
/** The edit server, once started (a Ctrl-C during start-up has none to close). */
const editServer: { close?: () => Promise<void> } = {};

/** Ends each child's process group (its own children too, e.g. esbuild under Astro). */
function stopChildren(): void {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopChildren();
  await editServer.close?.();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
// If something else ends this process first (vite-node has its own signal handlers), the children go with it.
process.on('exit', stopChildren);

start('decap-server', [resolve('node_modules/decap-server/dist/index.js')], {
  PORT: String(proxyPort),
  BIND_HOST: '127.0.0.1',
  GIT_REPO_DIRECTORY: dirname(contentDir),
  MODE: 'fs',
  LOG_LEVEL: 'warn',
});
start(
  'site',
  [resolve('node_modules/astro/astro.js'), 'dev', '--port', String(sitePort), '--host', '127.0.0.1'],
  {
    CONTENT_DIR: contentDir,
  },
);
await waitForPort(proxyPort, 'decap-server');
const server = await startEditServer({
  contentDir,
  allowSamples: config.allowSampleData,
  port,
  proxyPort,
  siteOrigin: `http://localhost:${sitePort}`,
});
editServer.close = server.close;
await waitForPort(sitePort, 'the Astro dev server');
console.log(`Editing ${basename(dirname(contentDir))}/${basename(contentDir)} (${contentDir})`);
console.log(`Editor: ${server.origin}/admin/`);
console.log(`Site:   http://localhost:${sitePort}/en/`);
console.log('Stop with Ctrl-C.');
