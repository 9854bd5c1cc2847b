import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve as resolvePath, sep } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  checkContent,
  ContentError,
  contentWarnings,
  problemsFromZod,
  type CheckOptions,
  type ContentProblem,
  type ContentSet,
  type Entry,
} from '../lib/content-check';
import { markdownProblems } from '../lib/markdown-safety';
import { collectionSchemas, type CollectionName } from '../schemas';
import { infoSchema } from '../schemas/info';
import type { BadgeTrust } from '../lib/badge';
import { ALL_LANGUAGE_CODES } from '../lib/languages';
import type { PosterLock } from '../posters/model';
import { checkBadgeTrust } from './badges';
import { config } from '../config';
import { filesBelowIfAny } from '../node/files';
import { checkYaml } from '../node/yaml';
import { readPosterLock } from '../posters/lock-file';

export { ContentError };

/** No content file comes near this; a bigger one is a mistake (a pasted document, an export), not a page. */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * How deep each collection's files sit: countries/{code}.yaml, the others
 * {collection}/{country}/{slug}.yaml. A file in a sub-folder would otherwise
 * get a web address of its own, or silently take the place of another.
 */
const DEPTH: Record<CollectionName, number> = { countries: 1, stations: 2, contacts: 2, services: 2 };

interface FoundFile {
  readonly path: string;
  /** Path below the collection folder, "/"-separated. */
  readonly below: string;
}

function foundFiles(folder: string, extension: RegExp): FoundFile[] {
  return filesBelowIfAny(folder, (name) => extension.test(name)).map((path) => ({
    path,
    below: relative(folder, path).split(sep).join('/'),
  }));
}

/** Files not on disk yet, by absolute path, read as if they were (an import checks its files before writing any). */
export type PendingFiles = ReadonlyMap<string, string>;
const NO_PENDING: PendingFiles = new Map();

/** The file's text, or a problem when it is too big to be content. */
function readText(
  path: string,
  file: string,
  problems: ContentProblem[],
  pending: PendingFiles = NO_PENDING,
): string | undefined {
  const waiting = pending.get(path);
  const bytes = waiting === undefined ? statSync(path).size : Buffer.byteLength(waiting);
  if (bytes > MAX_FILE_BYTES) {
    problems.push({
      file,
      field: '(whole file)',
      message: `${Math.ceil(bytes / 1024)} KB is more than the ${MAX_FILE_BYTES / 1024} KB a content file may have; this is not one page of content, split or shorten it`,
    });
    return undefined;
  }
  return waiting ?? readFileSync(path, 'utf8');
}

function placeProblem(name: string, depth: number, below: string): string | undefined {
  const parts = below.split('/');
  if (parts.length === depth) return undefined;
  const where = depth === 1 ? `content/${name}/` : `content/${name}/{country}/`;
  return `files belong directly in ${where}, not in ${parts.length > depth ? 'a sub-folder' : `content/${name}/ itself`} (a copy in a sub-folder would take another file's web address); move it to ${where}`;
}

/** Files on disk and pending files below `folder`, each once. */
function filesWithPending(folder: string, extension: RegExp, pending: PendingFiles): FoundFile[] {
  const onDisk = foundFiles(folder, extension);
  const known = new Set(onDisk.map(({ path }) => path));
  const waiting = [...pending.keys()]
    .filter((path) => !known.has(path) && extension.test(path) && !relative(folder, path).startsWith('..'))
    .map((path) => ({ path, below: relative(folder, path).split(sep).join('/') }));
  return [...onDisk, ...waiting];
}

function readCollection<T>(
  root: string,
  name: CollectionName,
  schema: ZodType<T, ZodTypeDef, unknown>,
  displayRoot: string,
  problems: ContentProblem[],
  pending: PendingFiles,
): Entry<T>[] {
  const folder = join(root, name);
  const entries: Entry<T>[] = [];
  const fileOfId = new Map<string, string>();
  for (const { path, below } of filesWithPending(folder, /\.ya?ml$/, pending)) {
    const file = relative(displayRoot, path).split(sep).join('/');
    const id = below.replace(/\.ya?ml$/, '');
    const misplaced = placeProblem(name, DEPTH[name], below);
    if (misplaced) {
      problems.push({ file, field: '(file name)', message: misplaced });
      continue;
    }
    const twin = fileOfId.get(id);
    if (twin) {
      problems.push({
        file,
        field: '(file name)',
        message: `${twin} has the same name and so the same web address; keep one of the two files`,
      });
      continue;
    }
    fileOfId.set(id, file);
    const text = readText(path, file, problems, pending);
    if (text === undefined) continue;
    const data = checkYaml(text, file, schema, problems);
    if (data !== undefined) entries.push({ id, file, data });
  }
  return entries;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Information pages (content/info/{lang}/{slug}.md): the front matter against
 * its schema, the body against the Markdown rules (no raw HTML, safe link
 * addresses; src/lib/markdown-safety.ts), each problem with its line.
 */
function checkInfoPages(
  root: string,
  displayRoot: string,
  options: ReadOptions,
  problems: ContentProblem[],
  pending: PendingFiles,
): InfoSource[] {
  const sources: InfoSource[] = [];
  const siteLanguages = new Set(options.siteLanguages);
  for (const { path, below } of filesWithPending(join(root, 'info'), /\.md$/i, pending)) {
    const file = relative(displayRoot, path).split(sep).join('/');
    const parts = below.split('/');
    if (parts.length !== 2) {
      problems.push({
        file,
        field: '(file name)',
        message:
          'information pages belong directly in content/info/{lang}/ (one folder per language); move it there',
      });
      continue;
    }
    const [lang = '', name = ''] = parts;
    if (!siteLanguages.has(lang))
      problems.push({
        file,
        field: '(folder)',
        message: `"${lang}" is not a site language; put the page in the folder of one of ${[...siteLanguages].join(', ')}`,
      });
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.md$/.test(name))
      problems.push({
        file,
        field: '(file name)',
        message: `"${name}" is used in the web address; rename it with lower-case ASCII letters, digits and hyphens, ending in .md`,
      });
    const text = readText(path, file, problems, pending);
    if (text === undefined) continue;
    const checkMarkdown = options.checkMarkdown ?? config.checkMarkdown;
    const checked = infoPageProblems(text, checkMarkdown);
    problems.push(...checked.problems.map((problem) => ({ file, ...problem })));
    sources.push({
      id: `${lang}/${name.replace(/\.md$/i, '')}`,
      path,
      frontMatter: checked.frontMatter,
      body: checked.body,
    });
  }
  return sources;
}

/** One information page as read from disk: the collection's loader renders it without reading the file again. */
export interface InfoSource {
  /** "{lang}/{slug}", the collection entry id. */
  readonly id: string;
  readonly path: string;
  /** The front matter as parsed YAML (the collection validates it with the info schema). */
  readonly frontMatter: unknown;
  /** The Markdown after the front matter. */
  readonly body: string;
}

type FieldProblem = Omit<ContentProblem, 'file'>;

/** Scripts and tests read the same pages many times over (an import checks the whole folder after each country). */
const infoPageChecks = new Map<string, CheckedInfoPage>();

interface CheckedInfoPage {
  readonly problems: FieldProblem[];
  readonly frontMatter?: unknown;
  readonly body: string;
}

function infoPageProblems(text: string, checkMarkdown: boolean): CheckedInfoPage {
  const key = `${checkMarkdown ? 1 : 0}${text}`;
  let found = infoPageChecks.get(key);
  if (!found) {
    found = findInfoPageProblems(text, checkMarkdown);
    infoPageChecks.set(key, found);
  }
  return found;
}

function findInfoPageProblems(text: string, checkMarkdown: boolean): CheckedInfoPage {
  const frontMatter = FRONT_MATTER.exec(text);
  if (!frontMatter)
    return {
      body: text,
      problems: [
        {
          field: '(front matter)',
          message:
            'the page must start with its front matter between two "---" lines (title, summary, order)',
        },
      ],
    };
  const body = text.slice(frontMatter[0].length);
  let raw: unknown;
  try {
    raw = parseYaml(frontMatter[1] ?? '');
  } catch (error) {
    return {
      body,
      problems: [
        {
          field: '(front matter)',
          message: `not valid YAML: ${(error as Error).message.split('\n')[0]}; check indentation and quotes`,
        },
      ],
    };
  }
  const parsed = infoSchema.safeParse(raw);
  const problems: FieldProblem[] = parsed.success
    ? []
    : problemsFromZod('', parsed.error.issues).map(({ field, message }) => ({ field, message }));
  if (!checkMarkdown) return { problems, frontMatter: raw, body };
  const bodyStartsAt = frontMatter[0].split('\n').length - (frontMatter[0].endsWith('\n') ? 1 : 0);
  for (const problem of markdownProblems(body)) {
    problems.push({ field: `line ${problem.line + bodyStartsAt}`, message: problem.message });
  }
  return { problems, frontMatter: raw, body };
}

export interface ReadOptions extends CheckOptions {
  readonly displayRoot?: string;
  /** Raw HTML and link addresses in Markdown; on unless the hostile-content test turns it off (src/config.ts). */
  readonly checkMarkdown?: boolean;
}

/**
 * Reads and checks a content folder; throws a ContentError naming every
 * problem. `pending` adds or replaces files in memory, so they are checked
 * with everything else before they are written.
 */
export interface ReadResult {
  readonly content: ContentSet;
  readonly warnings: ContentProblem[];
  /** content/info/{lang}/{slug}.md, checked. */
  readonly infoPages: readonly InfoSource[];
  /** content/badges/: the keys and revoked ids the /verify/ page embeds. */
  readonly badges: BadgeTrust;
}

export function readContent(root: string, options: ReadOptions & { pending?: PendingFiles }): ReadResult {
  const problems: ContentProblem[] = [];
  const displayRoot = options.displayRoot ?? join(root, '..');
  const pending = options.pending ?? NO_PENDING;
  const content: ContentSet = {
    countries: readCollection(root, 'countries', collectionSchemas.countries, displayRoot, problems, pending),
    stations: readCollection(root, 'stations', collectionSchemas.stations, displayRoot, problems, pending),
    contacts: readCollection(root, 'contacts', collectionSchemas.contacts, displayRoot, problems, pending),
    services: readCollection(root, 'services', collectionSchemas.services, displayRoot, problems, pending),
  };
  if (content.countries.length === 0)
    problems.push({
      file: relative(displayRoot, join(root, 'countries')) || 'countries',
      field: '(folder)',
      message: 'no country files found; is the content folder right?',
    });
  const infoPages = checkInfoPages(root, displayRoot, options, problems, pending);
  const badges = checkBadgeTrust(root, problems);
  // References are checked only once every file parses, so one typo does not also show up as broken links.
  if (problems.length === 0) problems.push(...checkContent(content, options));
  if (problems.length > 0) throw new ContentError(problems);
  return { content, warnings: contentWarnings(content), infoPages, badges };
}

/** Shared by every copy of this module in the process: Astro loads the config, the content config and the pages as separate bundles. */
const SITE_CONTENT = Symbol.for('safe-station.site-content');
/** What a build reads from its content folder. */
export interface SiteContent extends ReadResult {
  /** content/posters.lock.json: the versions of the printed posters. */
  readonly posterLock: PosterLock;
}
type SiteContentCache = Map<string, SiteContent>;
const cacheHolder = globalThis as { [SITE_CONTENT]?: SiteContentCache };

/**
 * The content folder of this build, read and checked once per process: the
 * content gate reads it first, then the poster lock check, the staff build,
 * the collections' loader and every page get the same result. A folder that
 * fails the checks throws each time (nothing is cached).
 */
export function readSiteContent(root: string): SiteContent {
  const cache = (cacheHolder[SITE_CONTENT] ??= new Map());
  const key = resolvePath(root);
  let read = cache.get(key);
  if (!read) {
    read = {
      ...readContent(key, {
        siteLanguages: ALL_LANGUAGE_CODES,
        today: new Date().toISOString().slice(0, 10),
      }),
      posterLock: readPosterLock(key),
    };
    cache.set(key, read);
  }
  return read;
}

/** Forgets what `readSiteContent` read, so the next call reads the folder again (the dev server after an edit; tests). */
export function forgetSiteContent(): void {
  cacheHolder[SITE_CONTENT]?.clear();
}
