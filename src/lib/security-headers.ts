/**
 * Security headers for whatever static host serves the build. Scripts are
 * allowed from this origin and, for Astro's few inline island loaders, by
 * hash: never 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';

export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Contents of inline, executable <script> elements (JSON data blocks are not scripts). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\ssrc=/.test(attributes) && !/type="application\/(ld\+)?json"/.test(attributes))
    .map(([, , body = '']) => body)
    .filter((body) => body.trim().length > 0);
}

export function contentSecurityPolicy(scriptHashes: readonly string[], tileOrigin: string | undefined): string {
  const tiles = tileOrigin ? ` ${tileOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    // Component styles and Leaflet's positioning use style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${tiles}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    // Map tiles need the origin as referrer (tile usage policy); nothing more leaves the site.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

/** Netlify and Cloudflare Pages read this format from /_headers. */
export function netlifyHeaders(headers: Record<string, string>): string {
  return `/*\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

/** An nginx snippet to include in the server block. */
export function nginxHeaders(headers: Record<string, string>): string {
  return `${Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`).join('\n')}\n`;
}

export function tileOriginOf(tileUrlTemplate: string): string | undefined {
  try {
    return new URL(tileUrlTemplate.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return undefined;
  }
}
