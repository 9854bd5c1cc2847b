/**
 * The local edit server behind `npm run edit` (scripts/edit.ts): serves the
 * form editor at /admin/ (Decap CMS from node_modules, no third-party
 * request), its generated configuration, the gate check the editor calls
 * before saving (/admin/check), the links shown after saving (/admin/links),
 * and forwards the editor's file operations (/api/v1) to decap-server. A save
 * is written in the house YAML style and refused with the gate's messages
 * when the gate would refuse it, whatever the browser did. Never part of the
 * public build: nothing under src/pages imports it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';
import { contentTypeOf } from '../node/mime';
import { formatProblem, type ContentProblem } from '../lib/content-check';
import { posterUrl, stationUrl } from '../lib/urls';
import { POSTER_FORMATS } from '../posters/model';
import { decapConfig } from './decap-config';
import { currentContent, entryText, gateVerdict, kindOf, valuesOfRaw, type EditorContent } from './entry';

const here = dirname(fileURLToPath(import.meta.url));
const CMS_DIST = resolve('node_modules/decap-cms/dist');
const YAML_BROWSER = resolve('node_modules/js-yaml/dist/browser/js-yaml.esm.min.mjs');
const BROWSER_SCRIPT = join(here, 'browser', 'admin.js');

export interface EditServerOptions extends EditorContent {
  readonly port: number;
  /** decap-server's port (127.0.0.1). */
  readonly proxyPort: number;
  /** The dev server showing the site from the same content, for the links after a save. */
  readonly siteOrigin: string;
}

export interface EditServer {
  readonly origin: string;
  close(): Promise<void>;
}

const ADMIN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Safe Station content editor</title>
<link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="/admin/editor.css">
</head>
<body>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="/admin/cms/decap-cms.js"></script>
<script type="module" src="/admin/editor.js"></script>
</body>
</html>
`;

const EDITOR_CSS = `.gate-problem{color:#a40000;background:#fff0f0;border-left:4px solid #a40000;margin:4px 0 8px;padding:4px 8px;font:14px/1.4 sans-serif}
.gate-links{position:fixed;bottom:16px;right:16px;z-index:1000;background:#fff;border:2px solid #205493;padding:12px 16px;font:15px/1.5 sans-serif;max-width:26rem}`;

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, JSON.stringify(value), 'application/json');

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** A file below `folder`, or undefined for anything that climbs out of it or is missing. */
function fileBelow(folder: string, path: string): string | undefined {
  const file = join(folder, normalize(path));
  if (!file.startsWith(folder + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Where a new entry would go before Decap gives it a name: in its country's folder, under a placeholder name. */
function proposedPath(options: EditorContent, collection: string, data: Record<string, unknown>): string {
  const folder = basename(options.contentDir);
  if (collection.startsWith('info-')) return `${folder}/info/${collection.slice(5)}/new-page.md`;
  if (collection === 'countries') return `${folder}/countries/${String(data.code ?? 'new-country')}.yaml`;
  return `${folder}/${collection}/${String(data.country ?? 'xx')}/new-entry.yaml`;
}

/** The site pages a saved station, contact or service shows on, and the posters to check. */
function linksAfterSave(options: EditServerOptions, path: string): { label: string; href: string }[] {
  const kind = kindOf(options, path);
  const content = currentContent(options);
  if (!kind || kind.kind !== 'data' || !content) return [];
  const id = path
    .split('/')
    .slice(2)
    .join('/')
    .replace(/\.ya?ml$/, '');
  const country = content.countries.find((entry) => entry.id === id);
  const stations = content.stations.filter((station) => {
    if (kind.collection === 'stations') return station.id === id;
    if (kind.collection === 'services') return station.data.services.includes(id);
    if (kind.collection === 'countries') return station.data.country === country?.data.code;
    const national = content.countries.find((entry) => entry.data.code === station.data.country)?.data;
    return (
      station.data.contacts.includes(id) ||
      [
        ...(national?.emergency ?? []),
        ...(national?.antiTrafficking ?? []),
        ...(national?.helplines ?? []),
      ].includes(id)
    );
  });
  return stations.flatMap((station) => {
    const [code = '', slug = ''] = station.id.split('/');
    return [
      {
        label: `Station page: ${station.data.name}`,
        href: options.siteOrigin + stationUrl('en', code, slug),
      },
      ...POSTER_FORMATS.map((format) => ({
        label: `Poster (${format.id}, ${format.paper.name}): ${station.data.name}`,
        href: options.siteOrigin + posterUrl(code, slug, format.id),
      })),
    ];
  });
}

const problemText = (problems: readonly ContentProblem[]) => problems.map(formatProblem).join('\n');

/** decap-server's request, with a save turned into house-style files and checked by the gate first. */
async function prepareProxyRequest(
  options: EditorContent,
  body: string,
): Promise<{ refused?: string; body: string }> {
  const message = JSON.parse(body) as {
    action?: string;
    params?: { entry?: { path: string; raw: string }; dataFiles?: { path: string; raw: string }[] };
  };
  if (message.action !== 'persistEntry' || !message.params) return { body };
  const files = message.params.dataFiles ?? (message.params.entry ? [message.params.entry] : []);
  for (const file of files) {
    if (!kindOf(options, file.path))
      return { refused: `${file.path}: the editor only writes content files`, body };
    file.raw = entryText(options, file.path, valuesOfRaw(options, file.path, file.raw));
    const verdict = gateVerdict(options, file.path, file.raw);
    const problems = [...verdict.own, ...verdict.elsewhere];
    if (problems.length > 0)
      return { refused: `The content gate refuses this entry:\n${problemText(problems)}`, body };
  }
  return { body: JSON.stringify(message) };
}

function forward(proxyPort: number, request: IncomingMessage, body: string, response: ServerResponse): void {
  const upstream = httpRequest(
    {
      host: '127.0.0.1',
      port: proxyPort,
      path: request.url,
      method: request.method,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, {
        'Content-Type': answer.headers['content-type'] ?? 'application/json',
      });
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => sendJson(response, 502, { error: `decap-server: ${error.message}` }));
  upstream.end(body);
}

export async function startEditServer(options: EditServerOptions): Promise<EditServer> {
  const config = dump(
    decapConfig({
      contentFolder: basename(options.contentDir),
      proxyUrl: `http://localhost:${options.port}/api/v1`,
    }),
    { lineWidth: -1, noRefs: true },
  );
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handle = async () => {
      if (path === '/' || path === '/admin') return response.writeHead(302, { Location: '/admin/' }).end();
      if (path === '/admin/') return send(response, 200, ADMIN_PAGE, 'text/html; charset=utf-8');
      if (path === '/admin/config.yml') return send(response, 200, config, 'text/yaml; charset=utf-8');
      if (path === '/admin/editor.css') return send(response, 200, EDITOR_CSS, 'text/css; charset=utf-8');
      if (path === '/admin/editor.js')
        return send(response, 200, readFileSync(BROWSER_SCRIPT), contentTypeOf('editor.js'));
      if (path === '/admin/js-yaml.mjs')
        return send(response, 200, readFileSync(YAML_BROWSER), contentTypeOf('editor.js'));
      if (path.startsWith('/admin/cms/')) {
        const file = fileBelow(CMS_DIST, path.slice('/admin/cms/'.length));
        return file
          ? send(response, 200, readFileSync(file), contentTypeOf(file))
          : send(response, 404, 'not found', 'text/plain');
      }
      if (path === '/admin/check' && request.method === 'POST') {
        const {
          collection,
          path: existing,
          data,
        } = JSON.parse(await readBody(request)) as {
          collection: string;
          path?: string;
          data: Record<string, unknown>;
        };
        const target = existing || proposedPath(options, collection, data);
        const verdict = gateVerdict(options, target, entryText(options, target, data));
        return sendJson(response, 200, verdict);
      }
      if (path === '/admin/links')
        return sendJson(response, 200, linksAfterSave(options, url.searchParams.get('path') ?? ''));
      if (path === '/api/v1' && request.method === 'POST') {
        const prepared = await prepareProxyRequest(options, await readBody(request));
        if (prepared.refused) return sendJson(response, 422, { error: prepared.refused });
        return forward(options.proxyPort, request, prepared.body, response);
      }
      send(response, 404, 'not found', 'text/plain');
    };
    handle().catch((error: Error) => sendJson(response, 500, { error: error.message }));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error) =>
      fail(
        new Error(
          `the editor cannot listen on port ${options.port} (${error.message}); set EDIT_PORT to a free port`,
        ),
      ),
    );
    server.listen(options.port, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
