import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
};

/**
 * A minimal static host for a built site, like the ones it is deployed to.
 * Tests use it where they must stop the server, change a file mid-test, or
 * apply the build's own security headers.
 */
/** Headers for every path from the build's /_headers file (the format Netlify and Cloudflare Pages read). */
function headersFile(root: string): Record<string, string> {
  const file = join(root, '_headers');
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^\s+\S/.test(line))
      .map((line) => {
        const [name = '', ...value] = line.trim().split(':');
        return [name, value.join(':').trim()];
      }),
  );
}

/** `withHeaders: false` serves the files alone, as a host that ignores _headers does (only the pages' <meta> policy holds). */
export async function serveStatic(root: string, { withHeaders = true } = {}): Promise<{ origin: string; server: Server; close: () => Promise<void> }> {
  const extraHeaders = withHeaders ? headersFile(root) : {};
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(root, '404.html');
    response.writeHead(found ? 200 : 404, { ...extraHeaders, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
