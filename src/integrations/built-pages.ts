import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../node/files';

/**
 * One thing done to the built pages after Astro wrote them (put stylesheets
 * inline, write the content security policy, learn which characters fonts
 * must draw). Every step sees every page in the same single pass.
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

/** A step is made for one build, from the folder it was written to. */
export type BuiltPageStepMaker = (root: string) => BuiltPageStep;

/**
 * Reads each built page once, runs it through every step in order and writes
 * it back once: at 70,000 pages, one read and one write per page instead of
 * one per step. One page at a time, so memory holds a page, not the site.
 */
export function builtPages(makers: readonly BuiltPageStepMaker[]): AstroIntegration {
  return {
    name: 'safe-station:built-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const steps = makers.map((make) => make(root));
        for (const path of filesBelow(root, (name) => name.endsWith('.html'))) {
          const file = relative(root, path).split(sep).join('/');
          const built = readFileSync(path, 'utf8');
          let html = built;
          try {
            for (const step of steps) html = step.page(html, file);
          } catch (error) {
            throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
          }
          if (html !== built) writeFileSync(path, html);
        }
        for (const step of steps) await step.finish(logger.fork(step.name));
      },
    },
  };
}
