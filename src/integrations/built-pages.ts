import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBuiltPageTransform, type BuiltPageTransform } from '../lib/built-page-transform';
import { filesBelow } from '../node/files';

/**
 * One thing done to every built page (put stylesheets inline, write the
 * content security policy, learn which characters fonts must draw). Every
 * step sees every page once, in order.
 */
export interface BuiltPageStep {
  /** Names the step in the build's log. */
  readonly name: string;
  /**
   * One page, as the steps before this one left it; returns it for the next.
   * `file` is its path in the build, with `/`: `en/ro/iasi/index.html`.
   */
  page(html: string, file: string): string;
  /** After the last page: what the pages decide together (headers, font files), and a line for the log. */
  finish(logger: AstroIntegrationLogger): void | Promise<void>;
}

/** A step is made for one build, from the folder it is written to. */
export type BuiltPageStepMaker = (root: string) => BuiltPageStep;

/**
 * Runs the steps on each page as it is rendered (the middleware hands every
 * page over before Astro writes it), so 70,000 pages are not read back and
 * written again. Pages Astro writes without rendering them (redirects) are
 * found in the output at the end and go through the same steps there.
 */
export function builtPages(makers: readonly BuiltPageStepMaker[]): AstroIntegration {
  let root = '';
  let steps: BuiltPageStep[] = [];
  const rendered = new Set<string>();
  const transform: BuiltPageTransform = (html, file) => {
    rendered.add(file);
    try {
      return steps.reduce((page, step) => step.page(page, file), html);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    name: 'safe-station:built-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        steps = makers.map((make) => make(root));
        rendered.clear();
        setBuiltPageTransform(transform);
      },
      'astro:build:done': async ({ dir, logger }) => {
        setBuiltPageTransform(undefined);
        root = fileURLToPath(dir);
        // Run on its own (a test, a tool), the hook has seen no rendering: every page is read here.
        if (steps.length === 0) steps = makers.map((make) => make(root));
        for (const path of filesBelow(root, (name) => name.endsWith('.html'))) {
          const file = relative(root, path).split(sep).join('/');
          if (rendered.has(file)) continue;
          const built = readFileSync(path, 'utf8');
          const html = transform(built, file);
          if (html !== built) writeFileSync(path, html);
        }
        for (const step of steps) await step.finish(logger.fork(step.name));
        steps = [];
      },
    },
  };
}
