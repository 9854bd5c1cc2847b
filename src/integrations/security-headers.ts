import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import islandLoader from 'astro/runtime/server/astro-island.prebuilt.js';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import loadDirective from 'astro/runtime/client/load.prebuilt.js';
import mediaDirective from 'astro/runtime/client/media.prebuilt.js';
import onlyDirective from 'astro/runtime/client/only.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import { LANGUAGE_REDIRECT_SCRIPT } from '../lib/language-redirect';
import {
  contentSecurityPolicy,
  inlineScripts,
  metaPolicy,
  netlifyHeaders,
  nginxHeaders,
  scriptHash,
  securityHeaders,
  tileOriginsOf,
  withMetaPolicy,
} from '../lib/security-headers';
import type { BuiltPageStepMaker } from './built-pages';

/**
 * The only inline scripts a page may hold: Astro's island loader and its
 * client directives, as Astro's runtime writes them (src/runtime/server/scripts.js
 * in Astro), and the language redirect of the short links (it must run before
 * any file loads; src/lib/language-redirect.ts). Their hashes come from that source, not from the output, so
 * an inline script from anywhere else (content, a component) has no hash
 * in the policy and fails the build.
 */
export const KNOWN_INLINE_SCRIPTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'Astro island loader': islandLoader,
    'client:idle': idleDirective,
    'client:load': loadDirective,
    'client:media': mediaDirective,
    'client:only': onlyDirective,
    'client:visible': visibleDirective,
    'language redirect': LANGUAGE_REDIRECT_SCRIPT,
  }).map(([name, source]) => [scriptHash(source), name]),
);

/** A page that can open the service map (its island's script is named after the component) loads tiles. */
const MAP_ISLAND = /component-url="[^"]*\/ServiceMap\.[^"]*\.js"/;

/**
 * Checks that every inline script of the build is a known one, then writes
 * _headers (Netlify, Cloudflare Pages), nginx-headers.conf, and the same
 * policy as a <meta> into every page.
 */
export function securityPolicy(tileUrlTemplate: string): BuiltPageStepMaker {
  return (root) => {
    const tileOrigins = tileOriginsOf(tileUrlTemplate);
    const unknown: string[] = [];
    const used = new Set<string>();
    const hashOf = new Map<string, string>();
    const metaOf = new Map<string, string>();
    let pages = 0;
    return {
      name: 'safe-station:security-headers',
      page(html, file) {
        pages += 1;
        const hashes = new Set<string>();
        for (const script of inlineScripts(html)) {
          // Every island page repeats the same few scripts; hash each text once.
          let hash = hashOf.get(script);
          if (hash === undefined) hashOf.set(script, (hash = scriptHash(script)));
          if (KNOWN_INLINE_SCRIPTS.has(hash)) hashes.add(hash);
          else
            unknown.push(`  ✗ ${file}: <script>${script.replace(/\s+/g, ' ').trim().slice(0, 80)}</script>`);
        }
        for (const hash of hashes) used.add(hash);
        // Each page's own <meta> allows only what that page runs: its inline scripts, and the tile server where it loads the map.
        const tiles = MAP_ISLAND.test(html);
        const key = `${tiles}${[...hashes].sort().join()}`;
        let meta = metaOf.get(key);
        if (meta === undefined)
          metaOf.set(key, (meta = metaPolicy(contentSecurityPolicy([...hashes], tiles ? tileOrigins : []))));
        return withMetaPolicy(html, meta);
      },
      finish(logger) {
        if (unknown.length > 0) {
          // Hashing it would let it run; this is content or code that must not be a script. The build fails, so nothing is published.
          logger.error(
            `${unknown.length} inline script(s) that are not Astro's own; the site allows no other inline script. Remove them (content must never hold markup) or load code from a file:\n${unknown.join('\n')}`,
          );
          process.exit(1);
        }
        const csp = contentSecurityPolicy([...used], tileOrigins);
        const headers = securityHeaders(csp);
        writeFileSync(join(root, '_headers'), netlifyHeaders(headers));
        writeFileSync(join(root, 'nginx-headers.conf'), nginxHeaders(headers));
        logger.info(
          `security headers written (_headers, nginx-headers.conf) and the policy put in ${pages} pages; inline scripts allowed: ${[...used].map((hash) => KNOWN_INLINE_SCRIPTS.get(hash)).join(', ') || 'none'}; no 'unsafe-inline' scripts`,
        );
      },
    };
  };
}
