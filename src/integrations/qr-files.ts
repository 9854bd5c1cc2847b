import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetSiteContent } from '../data/read-content';
import { qrFilesOfContent } from '../kiosk/content-qr-files';
import { QR_FILES_FOLDER, qrSvgFile } from '../kiosk/qr-files';

interface Drawn {
  readonly exitCode: number | null;
  readonly output: string;
  readonly errors: string;
  readonly seconds: number;
}

/**
 * The kiosk's QR files (/qr/{hash}.svg), drawn in a process of their own while
 * Astro renders the pages. Astro 5 renders on one core; choosing each code's
 * mask is most of a QR's cost, and at a thousand stations there are some
 * 36,000 of them, so they take the other core instead of a fifth of the
 * rendering. The process writes beside the output folder (Astro empties that
 * folder after the build starts); the finished folder moves in at the end.
 * The dev server draws each file when it is asked for, from the content as it
 * is then.
 */
export function qrFiles(): AstroIntegration {
  let outDir = '';
  let drawing: Promise<Drawn> | undefined;
  const staging = () => `${outDir.replace(/[\\/]+$/, '')}-qr-files`;
  return {
    name: 'safe-station:qr-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        let files = new Map<string, string>();
        server.middlewares.use(QR_FILES_FOLDER, (request, response, next) => {
          const name = /^\/(\w+)\.svg$/.exec(request.url ?? '')?.[1] ?? '';
          // A name not seen yet may come from an edit since: read content/ again.
          if (!files.has(name)) {
            forgetSiteContent();
            files = qrFilesOfContent();
          }
          const text = files.get(name);
          if (text === undefined) return next();
          response.setHeader('Content-Type', 'image/svg+xml');
          response.end(qrSvgFile(text));
        });
      },
      'astro:build:start': () => {
        drawing = draw(staging());
      },
      'astro:build:done': async ({ logger }) => {
        if (!drawing) throw new Error('QR files: the build ended without having started them');
        const { exitCode, output, errors, seconds } = await drawing;
        if (exitCode !== 0)
          throw new Error(
            `The kiosk QR files could not be drawn (${DRAW_SCRIPT}, exit ${exitCode}):\n${errors}`,
          );
        const folder = join(outDir, QR_FILES_FOLDER.replaceAll('/', ''));
        rmSync(folder, { recursive: true, force: true });
        renameSync(staging(), folder);
        logger.info(`${output.trim()} QR files drawn alongside the rendering in ${seconds.toFixed(1)} s`);
      },
    },
  };
}

const DRAW_SCRIPT = fileURLToPath(new URL('../kiosk/draw-qr-files.ts', import.meta.url));
// vite-node runs the TypeScript as it is, as it does for the scripts; its package exports no path to its command, so it is found beside its entry.
const VITE_NODE = join(dirname(createRequire(import.meta.url).resolve('vite-node')), '..', 'vite-node.mjs');

function draw(folder: string): Promise<Drawn> {
  const started = performance.now();
  const child = spawn(process.execPath, [VITE_NODE, DRAW_SCRIPT, folder], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A build that fails before the end leaves no drawing process behind.
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve) => {
    const finish = (exitCode: number | null) => {
      process.off('exit', stop);
      resolve({ exitCode, output, errors, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      errors += error.message;
      finish(null);
    });
    child.on('close', finish);
  });
}
