import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { checkContent, contentWarnings, formatProblem, problemsFromZod, type CheckOptions, type ContentProblem, type ContentSet, type Entry } from '../lib/content-check';
import { collectionSchemas, type CollectionName } from '../schemas';

/** Thrown when content cannot be published; its message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`Content has ${problems.length} problem(s); nothing was built.\n${problems.map((p) => `  ✗ ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

function listYamlFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return listYamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Files not on disk yet, by absolute path, read as if they were (an import checks its files before writing any). */
export type PendingFiles = ReadonlyMap<string, string>;

function readCollection<T>(root: string, name: CollectionName, schema: ZodType<T, ZodTypeDef, unknown>, displayRoot: string, problems: ContentProblem[], pending: PendingFiles): Entry<T>[] {
  const folder = join(root, name);
  const pendingHere = [...pending.keys()].filter((path) => !relative(folder, path).startsWith('..'));
  const paths = [...new Set([...listYamlFiles(folder), ...pendingHere])];
  return paths.flatMap((path) => {
    const file = relative(displayRoot, path).split(sep).join('/');
    const id = relative(folder, path).split(sep).join('/').replace(/\.ya?ml$/, '');
    let raw: unknown;
    try {
      raw = parseYaml(pending.get(path) ?? readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file, field: '(whole file)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}; check indentation and quotes` });
      return [];
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, parsed.error.issues));
      return [];
    }
    return [{ id, file, data: parsed.data }];
  });
}

/**
 * Reads and checks a content folder; throws a ContentError naming every
 * problem. `pending` adds or replaces files in memory, so they are checked
 * with everything else before they are written.
 */
export function readContent(root: string, options: CheckOptions & { displayRoot?: string; pending?: PendingFiles }): { content: ContentSet; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const displayRoot = options.displayRoot ?? join(root, '..');
  const pending = options.pending ?? new Map<string, string>();
  const content: ContentSet = {
    countries: readCollection(root, 'countries', collectionSchemas.countries, displayRoot, problems, pending),
    stations: readCollection(root, 'stations', collectionSchemas.stations, displayRoot, problems, pending),
    contacts: readCollection(root, 'contacts', collectionSchemas.contacts, displayRoot, problems, pending),
    services: readCollection(root, 'services', collectionSchemas.services, displayRoot, problems, pending),
  };
  if (content.countries.length === 0) problems.push({ file: relative(displayRoot, join(root, 'countries')) || 'countries', field: '(folder)', message: 'no country files found; is the content folder right?' });
  // References are checked only once every file parses, so one typo does not also show up as broken links.
  if (problems.length === 0) problems.push(...checkContent(content, options));
  if (problems.length > 0) throw new ContentError(problems);
  return { content, warnings: contentWarnings(content) };
}
