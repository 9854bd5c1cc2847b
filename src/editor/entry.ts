/**
 * One entry of the form editor as a file: where it goes, the text written for
 * it (src/editor/yaml-writer.ts) and what the content gate says about it. The
 * gate's own code runs (readContent with the file pending, then the publish
 * check), on the proposed file together with the rest of the content folder,
 * so the editor refuses exactly what the build would refuse.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';
import { ContentError, readContent } from '../data/read-content';
import { publishProblems, type ContentProblem, type ContentSet } from '../lib/content-check';
import { ALL_LANGUAGE_CODES } from '../lib/languages';
import { collectionSchemas, type CollectionName } from '../schemas';
import { infoSchema } from '../schemas/info';
import { SERVICE_KEY_ORDER } from '../hsds/import-files';
import { splitFrontMatter, writeInfoPage, writeYaml } from './yaml-writer';

export interface EditorContent {
  /** The content folder (absolute). */
  readonly contentDir: string;
  /** SAMPLE_DATA=1: invented samples pass, as in the build. */
  readonly allowSamples: boolean;
}

/** Paths as the editor and decap-server name them: relative to the content folder's parent, "/"-separated. */
export const repoPath = (content: EditorContent, absolute: string) =>
  relative(dirname(content.contentDir), absolute).split(sep).join('/');

export const absolutePath = (content: EditorContent, path: string) => join(dirname(content.contentDir), path);

export type EntryKind = { kind: 'data'; collection: CollectionName } | { kind: 'info'; lang: string };

/** What a repository path holds: a data collection's file or an information page. */
export function kindOf(content: EditorContent, path: string): EntryKind | undefined {
  const [top, collection, ...rest] = path.split('/');
  if (top !== basename(content.contentDir)) return undefined;
  if (collection === 'info' && rest.length === 2 && /\.md$/.test(path))
    return { kind: 'info', lang: rest[0] ?? '' };
  if (collection && collection in collectionSchemas && /\.ya?ml$/.test(path))
    return { kind: 'data', collection: collection as CollectionName };
  return undefined;
}

function schemaKeys(schema: ZodTypeAny): string[] {
  let inner: ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** The file's text for these form values: unchanged keys keep their text, new ones the schema's place. */
export function entryText(content: EditorContent, path: string, data: Record<string, unknown>): string {
  const kind = kindOf(content, path);
  if (!kind) throw new Error(`${path} is not a content file the editor writes`);
  const file = absolutePath(content, path);
  const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (kind.kind === 'info') {
    const { body = '', ...frontMatter } = data;
    return writeInfoPage(frontMatter, String(body), { original, order: schemaKeys(infoSchema) });
  }
  // Services: the order hand-written and imported provider files share; the others: the schema's.
  const order =
    kind.collection === 'services' ? SERVICE_KEY_ORDER : schemaKeys(collectionSchemas[kind.collection]);
  return writeYaml(data, { original, order });
}

/** The form values Decap wrote into `raw` (its YAML, or front matter and body). */
export function valuesOfRaw(content: EditorContent, path: string, raw: string): Record<string, unknown> {
  const kind = kindOf(content, path);
  if (kind?.kind === 'info') {
    const split = splitFrontMatter(raw);
    if (!split) return { body: raw };
    return { ...((load(split.frontMatter) as Record<string, unknown> | null) ?? {}), body: split.body };
  }
  return (load(raw) as Record<string, unknown> | null) ?? {};
}

export interface GateVerdict {
  /** Problems in this file, with the field they concern ("phones.0.number"). */
  readonly own: readonly ContentProblem[];
  /** Problems this change causes elsewhere (a reference that no longer resolves). */
  readonly elsewhere: readonly ContentProblem[];
}

/** Runs the content gate on the folder as it would be with `text` at `path`. */
export function gateVerdict(content: EditorContent, path: string, text: string): GateVerdict {
  const file = absolutePath(content, path);
  let problems: readonly ContentProblem[];
  try {
    const read = readContent(content.contentDir, {
      siteLanguages: ALL_LANGUAGE_CODES,
      today: new Date().toISOString().slice(0, 10),
      pending: new Map([[file, text]]),
    });
    problems = publishProblems(read.content, { allowSamples: content.allowSamples });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = error.problems;
  }
  return {
    own: problems.filter((problem) => problem.file === path),
    elsewhere: problems.filter((problem) => problem.file !== path),
  };
}

/** The content as it is on disk now, or undefined while it does not pass the gate. */
export function currentContent(content: EditorContent): ContentSet | undefined {
  try {
    return readContent(content.contentDir, {
      siteLanguages: ALL_LANGUAGE_CODES,
      today: new Date().toISOString().slice(0, 10),
    }).content;
  } catch (error) {
    if (error instanceof ContentError) return undefined;
    throw error;
  }
}
