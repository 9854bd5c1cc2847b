/**
 * Writes a content file the way people write them by hand, so that a form
 * edit and a hand edit look the same in a diff:
 * - the top-level keys of an existing file keep their order, their comments
 *   and their exact text when their value did not change; only changed keys
 *   are written anew, in the house style below;
 * - new keys go where the schema puts them;
 * - house style: strings in double quotes ("ro"), short lists of codes on one
 *   line (`offers: [shelter, food]`), numbers and booleans bare, nothing for
 *   an empty value (a field left empty is left out, as hand-written files do).
 * Information pages keep their front matter unquoted, as written by hand.
 * Pure; tests/unit/editor.test.ts checks the shipped files round-trip unchanged.
 */
import { COLLECTION_STYLE, dump, load, SCALAR_STYLE, visit } from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';

export type ScalarQuoting = 'double' | 'plain';

/** Codes, slugs and references: written bare in one-line lists, as `[ro, uk]` and `[ro/adpare]`. */
const CODE = /^[a-z0-9][a-z0-9/-]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops what a form leaves behind for an untouched field: "", null, [] and {} (recursively). */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, withoutEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  return value;
}

/** One mapping in house style (`key: value` lines, ending with a newline). */
export function houseYaml(data: Record<string, unknown>, quoting: ScalarQuoting = 'double'): string {
  if (Object.keys(data).length === 0) return '';
  return dump(data, {
    lineWidth: -1,
    noRefs: true,
    transform: (documents) =>
      visit(documents, (node, context) => {
        if (
          node.kind === 'sequence' &&
          node.items.every((item) => item.kind === 'scalar' && CODE.test(item.value))
        )
          node.style = COLLECTION_STYLE.FLOW;
        if (node.kind !== 'scalar' || context.isKey || !node.tag.endsWith(':str')) return;
        const inOneLineList =
          context.parent?.kind === 'sequence' && context.parent.style === COLLECTION_STYLE.FLOW;
        if (quoting === 'double' && !inOneLineList) node.style = SCALAR_STYLE.DOUBLE_QUOTED;
      }),
  });
}

interface Block {
  readonly key: string;
  /** The key's lines as written, with the comments and blank lines above it. */
  readonly text: string;
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):/;

/** Splits a YAML mapping into its top-level keys' text; what follows the last key is `tail` (trailing comments). */
function blocksOf(text: string): { blocks: Block[]; tail: string } {
  const blocks: Block[] = [];
  let pending: string[] = [];
  let current: { key: string; lines: string[] } | undefined;
  const close = () => {
    if (current) blocks.push({ key: current.key, text: current.lines.join('') });
    current = undefined;
  };
  for (const line of text.split(/(?<=\n)/)) {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key !== undefined) {
      close();
      current = { key, lines: [...pending, line] };
      pending = [];
    } else if (/^(#|\s*$)/.test(line)) pending.push(line);
    else if (current) {
      current.lines.push(...pending, line);
      pending = [];
    } else pending.push(line);
  }
  close();
  return { blocks, tail: pending.join('') };
}

/**
 * The text of a content file holding `data`. With `original` (the file as it
 * is now) unchanged keys keep their text; `order` is where new keys go (the
 * schema's field order).
 */
export function writeYaml(
  data: Record<string, unknown>,
  options: { original?: string; order?: readonly string[]; quoting?: ScalarQuoting } = {},
): string {
  const quoting = options.quoting ?? 'double';
  const cleaned = (withoutEmpty(data) ?? {}) as Record<string, unknown>;
  const { blocks, tail } = options.original ? blocksOf(options.original) : { blocks: [], tail: '' };
  const before = options.original ? ((load(options.original) as Record<string, unknown> | null) ?? {}) : {};
  // A key whose value did not change stays as written, even an empty one (`services: []`).
  const unchanged = (key: string) => isDeepStrictEqual(withoutEmpty(before[key]), cleaned[key]);
  const kept = blocks.filter((block) => block.key in cleaned || unchanged(block.key));
  const keys = kept.map((block) => block.key);
  // New keys: after the key the schema puts before them, or at the end.
  const order = options.order ?? [];
  for (const key of Object.keys(cleaned)) {
    if (keys.includes(key)) continue;
    const rank = order.indexOf(key);
    const next = rank < 0 ? -1 : keys.findIndex((other) => order.indexOf(other) > rank);
    if (next < 0) keys.push(key);
    else keys.splice(next, 0, key);
  }
  const textOf = (key: string) => {
    const block = kept.find((candidate) => candidate.key === key);
    const written = houseYaml({ [key]: cleaned[key] }, quoting);
    if (!block) return written;
    if (unchanged(key)) return block.text;
    // Changed: the comments above it stay, the value is written anew.
    const comments = /^(?:(?:#.*|\s*)\n)*/.exec(block.text)?.[0] ?? '';
    return comments + written;
  };
  return keys.map(textOf).join('') + tail;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?/;

/** Front matter and body of a Markdown page ("---\nyaml\n---\nbody"). */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  return {
    frontMatter: yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`,
    body: text.slice(match[0].length),
  };
}

/** An information page: its front matter written like `writeYaml` (unquoted, as by hand), a blank line, the body. */
export function writeInfoPage(
  frontMatter: Record<string, unknown>,
  body: string,
  options: { original?: string; order?: readonly string[] } = {},
): string {
  const original = options.original ? splitFrontMatter(options.original) : undefined;
  const yaml = writeYaml(frontMatter, {
    original: original?.frontMatter,
    order: options.order,
    quoting: 'plain',
  });
  const text = body.replace(/^\n+/, '');
  const separator = original ? (/^\n*/.exec(original.body)?.[0] ?? '\n') : '\n';
  return `---\n${yaml}---\n${separator}${text.endsWith('\n') ? text : `${text}\n`}`;
}
