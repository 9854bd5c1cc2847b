import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One block of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
export interface HeaderRule {
  readonly pattern: RegExp;
  readonly headers: Record<string, string>;
}

/** Parses the `_headers` format Netlify and Cloudflare Pages read: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      const pattern = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: {} });
    } else if (line.trim() && rules.length > 0) {
      const [name = '', ...value] = line.trim().split(':');
      rules[rules.length - 1]!.headers[name.trim()] = value.join(':').trim();
    }
  }
  return rules;
}

/** The rules of a build's `/_headers`; none when it has no such file. */
export function readHeadersFile(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

/** The headers a host applies to a URL path: every matching block, later ones winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers));
}
