/**
 * Reads a build folder and content/staff from disk for the leak check
 * (src/lib/leak-scan.ts holds the logic). Used by `npm run staff:leak-check`
 * and the end-to-end test that builds both sites.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { load as parseYaml } from 'js-yaml';
import {
  collectSecrets,
  findSecrets,
  FRAGMENT_WORDS,
  MIN_WORDS,
  searchableText,
  withoutPublicForms,
  type Hit,
  type PublicOverlap,
  type ScannedFile,
  type SecretSet,
} from '../lib/leak-scan';
import { filesBelow } from '../node/files';

const LOCALES = fileURLToPath(new URL('../../locales', import.meta.url));

/** A PDF's text as a reader sees it (poppler's pdftotext); its raw bytes hide text in compressed streams. */
function pdfText(path: string): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `Cannot read ${path} with pdftotext (${(error as Error).message.split('\n')[0]}); install poppler-utils so the leak check can search PDFs.`,
    );
  }
}

/** Every file of a build, whatever its type, as searchable text (compressed copies unpacked, PDFs as their text). */
export function scanBuild(folder: string): {
  files: ScannedFile[];
  byExtension: Record<string, number>;
  bytes: number;
} {
  const byExtension: Record<string, number> = {};
  let bytes = 0;
  const files = filesBelow(folder).map((path) => {
    let buffer = readFileSync(path);
    bytes += buffer.length;
    if (path.endsWith('.gz')) buffer = gunzipSync(buffer);
    else if (path.endsWith('.br')) buffer = brotliDecompressSync(buffer);
    const extension = extname(path.replace(/\.(gz|br)$/, '')) || '(none)';
    byExtension[extension] = (byExtension[extension] ?? 0) + 1;
    const raw =
      extension === '.pdf' ? `${buffer.toString('latin1')}\n${pdfText(path)}` : buffer.toString('utf8');
    return { path: relative(folder, path).split(sep).join('/'), text: searchableText(raw) };
  });
  return { files, byExtension, bytes };
}

/** Every YAML document in content/staff/, parsed (README files and comments say nothing secret). */
export function readStaffDocuments(contentRoot: string): { files: string[]; documents: unknown[] } {
  const folder = join(contentRoot, 'staff');
  const files = filesBelow(folder).filter((path) => /\.ya?ml$/.test(path));
  return {
    files: files.map((path) => relative(contentRoot, path).split(sep).join('/')),
    documents: files.map((path) => parseYaml(readFileSync(path, 'utf8'))),
  };
}

/** Everything written for the public site: content outside staff/ (YAML, Markdown) and the translations. */
export function readPublicSources(contentRoot: string): string[] {
  const staff = join(contentRoot, 'staff');
  const content = filesBelow(contentRoot).filter(
    (path) => !path.startsWith(`${staff}${sep}`) && /\.(ya?ml|md|json)$/.test(path),
  );
  const locales = filesBelow(LOCALES).filter((path) => path.endsWith('.json'));
  return [...content, ...locales].map((path) => readFileSync(path, 'utf8'));
}

export interface LeakReport {
  readonly staffFiles: readonly string[];
  readonly secrets: SecretSet;
  /** What staff content shares with the public sources, and so is not searched. */
  readonly overlap: Omit<PublicOverlap, 'secrets'>;
  readonly scanned: {
    readonly files: number;
    readonly bytes: number;
    readonly byExtension: Readonly<Record<string, number>>;
  };
  readonly hits: readonly Hit[];
}

/** Searches every file of `buildFolder` for every staff-only text and number of `contentRoot`/staff. */
export function checkBuildForStaffLeaks(buildFolder: string, contentRoot: string): LeakReport {
  const { files: staffFiles, documents } = readStaffDocuments(contentRoot);
  const collected = collectSecrets(documents);
  const { secrets: staffOnly, ...overlap } = withoutPublicForms(
    collected.secrets,
    readPublicSources(contentRoot),
  );
  const secrets = { ...collected, secrets: staffOnly };
  const scan = scanBuild(buildFolder);
  return {
    staffFiles,
    secrets,
    overlap,
    scanned: { files: scan.files.length, bytes: scan.bytes, byExtension: scan.byExtension },
    hits: findSecrets(scan.files, secrets.secrets),
  };
}

/** The report as a few lines for a terminal or a test log. */
export function describeLeakReport(report: LeakReport, buildFolder: string): string {
  const texts = report.secrets.secrets.filter((s) => s.kind === 'text').length;
  const numbers = report.secrets.secrets.filter((s) => s.kind === 'number');
  const forms = report.secrets.secrets.reduce((sum, s) => sum + s.forms.length, 0);
  const types = Object.entries(report.scanned.byExtension)
    .sort((a, b) => b[1] - a[1])
    .map(([extension, count]) => `${count} ${extension}`)
    .join(', ');
  const lines = [
    `Leak check of ${buildFolder}: searched ${report.scanned.files} files (${(report.scanned.bytes / 1024 / 1024).toFixed(1)} MB: ${types})`,
    `for ${report.secrets.secrets.length} staff-only strings from ${report.staffFiles.length} files in content/staff/: ${texts} texts of ${MIN_WORDS}+ words (any ${FRAGMENT_WORDS} words in a row count) and ${numbers.length} phone numbers (${forms} spellings in all, numbers as digits only).`,
    `Shared with public content (content/ outside staff/, locales/), so not evidence and not searched: ${report.overlap.sharedForms} spelling(s)${report.overlap.public.length > 0 ? `; public in full: ${report.overlap.public.map((t) => JSON.stringify(t)).join(', ')}` : ''}.`,
    report.secrets.tooShort.length > 0
      ? `Not searched, too short to be evidence (${report.secrets.tooShort.length}): ${report.secrets.tooShort.map((t) => JSON.stringify(t)).join(', ')}`
      : 'Every staff text was long enough to search; none skipped.',
    report.hits.length === 0
      ? 'No staff-only string found: the build is clean.'
      : `${report.hits.length} LEAK(S):`,
    ...report.hits.map(
      (hit) =>
        `  ✗ ${hit.path}: ${hit.secret.kind} ${JSON.stringify(hit.secret.label)} (found as ${JSON.stringify(hit.form)})`,
    ),
  ];
  return lines.join('\n');
}
