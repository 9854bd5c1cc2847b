import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, inlineScripts, netlifyHeaders, nginxHeaders, scriptHash, securityHeaders, tileOriginOf } from '../lib/security-headers';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

/** Writes _headers (Netlify, Cloudflare Pages) and nginx-headers.conf with a CSP that hashes every inline script the build contains. */
export function securityHeadersFiles(tileUrlTemplate: string): AstroIntegration {
  return {
    name: 'safe-station:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const hashes = new Set<string>();
        for (const file of htmlFiles(root)) for (const script of inlineScripts(readFileSync(file, 'utf8'))) hashes.add(scriptHash(script));
        const headers = securityHeaders(contentSecurityPolicy([...hashes], tileOriginOf(tileUrlTemplate)));
        writeFileSync(join(root, '_headers'), netlifyHeaders(headers));
        writeFileSync(join(root, 'nginx-headers.conf'), nginxHeaders(headers));
        logger.info(`security headers written (_headers, nginx-headers.conf); CSP allows ${hashes.size} inline script hash(es), no 'unsafe-inline' scripts`);
      },
    },
  };
}
