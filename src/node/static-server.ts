import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, readHeadersFile } from './headers-file';
import { COMPRESSIBLE_TYPE, contentTypeOf } from './mime';

export interface StaticSite {
  readonly origin: string;
  readonly server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** false: the files alone, as a host that ignores _headers serves them (only the pages' <meta> policy holds). */
  readonly withHeaders?: boolean;
  /** Gzip text when the browser asks, as real hosts do (for transfer-size measurements). */
  readonly gzip?: boolean;
}

/**
 * A minimal static host for a built site, like the ones it is deployed to, on a free port
 * of 127.0.0.1: the build's files, its /_headers, 404.html for what is missing. Tests use it
 * where they must stop the server, change a file mid-test, or apply the build's own security
 * headers; the measuring scripts use it to serve a build.
 */
export async function serveStatic(
  folder: string,
  { withHeaders = true, gzip = false }: ServeOptions = {},
): Promise<StaticSite> {
  const root = resolve(folder);
  const rules = withHeaders ? readHeadersFile(root) : [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file = join(root, normalize(path));
    if (!file.startsWith(root + sep) && file !== root) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, '404.html');
    const type = contentTypeOf(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ...headersFor(rules, path),
    };
    let body = readFileSync(file);
    if (
      gzip &&
      COMPRESSIBLE_TYPE.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    ) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    response.writeHead(found ? 200 : 404, { ...headers, 'Content-Length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
