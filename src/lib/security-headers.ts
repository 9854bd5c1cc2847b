/**
 * Security headers for whatever static host serves the build, and the same
 * Content-Security-Policy as a <meta> in every page for hosts that send no
 * headers. Scripts are allowed from this origin and, for Astro's own inline
 * island loaders only, by hash: never 'unsafe-inline', and never the hash of
 * whatever inline script happens to be in the output.
 */
import { createHash } from 'node:crypto';

export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Contents of inline, executable <script> elements (JSON data blocks are not scripts). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attributes = '']) =>
        !/\ssrc=/.test(attributes) && !/type="application\/(ld\+)?json"/.test(attributes),
    )
    .map(([, , body = '']) => body)
    .filter((body) => body.trim().length > 0);
}

/** Inline scripts of a page whose hash is not one of the known ones (the build fails on any). */
export function unknownInlineScripts(html: string, knownHashes: ReadonlySet<string>): string[] {
  return inlineScripts(html).filter((script) => !knownHashes.has(scriptHash(script)));
}

export function contentSecurityPolicy(
  scriptHashes: readonly string[],
  tileOrigins: readonly string[],
): string {
  const tiles = tileOrigins.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    // Component styles and Leaflet's positioning use style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${tiles}`,
    "font-src 'self'",
    // The service worker fetches the tiles it keeps; it runs under the policy sent with sw.js.
    `connect-src 'self'${tiles}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Directives a <meta> policy cannot carry (the HTML standard ignores them there). */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/**
 * The policy as a <meta http-equiv> may carry it: the same, minus what only a
 * header can say, and minus directives that only repeat `default-src 'self'`
 * (every page carries the meta, so each byte counts on a roaming phone).
 */
export function metaPolicy(csp: string): string {
  const directives = csp
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !HEADER_ONLY_DIRECTIVES.includes(directive.split(/\s+/)[0] ?? ''));
  const defaultsToSelf = directives.includes("default-src 'self'");
  return directives
    .filter((directive) => !(defaultsToSelf && SAME_AS_DEFAULT_SELF.test(directive)))
    .join('; ');
}

/** Fetch directives whose fallback is default-src, written as just 'self'. */
const SAME_AS_DEFAULT_SELF = /^(?:font|connect|manifest|worker|img|media|frame|child)-src 'self'$/;

const META_CSP = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;

/**
 * The page with the policy in a <meta> right after <meta charset>, before
 * anything that could load or run; an existing one is replaced.
 */
export function withMetaPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  if (META_CSP.test(html)) return html.replace(META_CSP, meta);
  const charset = /<meta charset="?[\w-]+"?\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}${meta}`);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('the page has no <head> to hold its Content-Security-Policy');
  return html.replace(head[0], `${head[0]}${meta}`);
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    // Map tiles need the origin as referrer (tile usage policy); nothing more leaves the site.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy':
      'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

/** Netlify and Cloudflare Pages read this format from /_headers. */
export function netlifyHeaders(headers: Record<string, string>): string {
  return `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

/** An nginx snippet to include in the server block. */
export function nginxHeaders(headers: Record<string, string>): string {
  return `${Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n')}\n`;
}

/** Leaflet's default tile subdomains, which `{s}` stands for. */
const TILE_SUBDOMAINS = ['a', 'b', 'c'];

/** Every origin a Leaflet tile URL template can load from: `{s}` expanded to a, b and c. */
export function tileOriginsOf(tileUrlTemplate: string): string[] {
  const hosts = tileUrlTemplate.includes('{s}')
    ? TILE_SUBDOMAINS.map((sub) => tileUrlTemplate.replaceAll('{s}', sub))
    : [tileUrlTemplate];
  return [
    ...new Set(
      hosts.flatMap((template) => {
        try {
          const url = new URL(template.replace(/\{r\}/g, '').replace(/\{[a-z]+\}/gi, '0'));
          return url.protocol === 'https:' || url.protocol === 'http:' ? [url.origin] : [];
        } catch {
          return [];
        }
      }),
    ),
  ];
}
