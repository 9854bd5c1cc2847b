import { readFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { problemsFromZod, type ContentProblem } from '../lib/content-check';

type Schema<T> = ZodType<T, ZodTypeDef, unknown>;

/** The first line of an error: js-yaml adds a code excerpt below it. */
export const firstLine = (error: unknown): string => (error as Error).message.split('\n')[0] ?? '';

const notValidYaml = (error: unknown) => `not valid YAML: ${firstLine(error)}; check indentation and quotes`;

/**
 * YAML text checked against its schema: the data, or undefined with every problem added to
 * `problems` under `file` (the name people see). The one way content, staff and badge files are read.
 */
export function checkYaml<T>(
  text: string,
  file: string,
  schema: Schema<T>,
  problems: ContentProblem[],
  invalid: (error: unknown) => string = notValidYaml,
): T | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    problems.push({ file, field: '(whole file)', message: invalid(error) });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, parsed.error.issues));
    return undefined;
  }
  return parsed.data;
}

/** `checkYaml` of a file on disk; `unreadable` says what to do when it cannot be read (default: the YAML message). */
export function readYamlFile<T>(
  path: string,
  file: string,
  schema: Schema<T>,
  problems: ContentProblem[],
  messages: {
    unreadable?: (error: NodeJS.ErrnoException) => string;
    invalid?: (error: unknown) => string;
  } = {},
): T | undefined {
  const invalid = messages.invalid ?? notValidYaml;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({
      file,
      field: '(whole file)',
      message: (messages.unreadable ?? invalid)(error as NodeJS.ErrnoException),
    });
    return undefined;
  }
  return checkYaml(text, file, schema, problems, invalid);
}
