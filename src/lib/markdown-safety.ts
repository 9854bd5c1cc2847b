/**
 * Markdown in content/ is data written by editors, never markup: the same
 * allow-list decides what an information page may hold on the site (through
 * Astro's Markdown pipeline, astro.config.mjs) and on the kiosk
 * (src/kiosk/render.ts), and the content gate refuses raw HTML and
 * unsafe link addresses before anything is built (src/data/read-content.ts).
 */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Schemes a link in Markdown may use; anything without a scheme is a link within the site. */
export const LINK_PROTOCOLS = ['https', 'mailto', 'tel'] as const;

/**
 * What easy-read Markdown renders to, and nothing else: text structure,
 * links and tables. No images, media, frames, forms, scripts, styles or
 * event handlers; links only to https:, mailto:, tel: or this site.
 */
export const MARKDOWN_ALLOW_LIST: Schema = {
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'blockquote',
    'code',
    'pre',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
    'section',
    'span',
    'abbr',
  ],
  attributes: {
    a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', 'id'],
    ol: ['start'],
    li: ['id'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    section: ['dataFootnotes'],
    th: ['align'],
    td: ['align'],
    abbr: ['title'],
    '*': ['lang', 'dir'],
  },
  protocols: { href: [...LINK_PROTOCOLS] },
  // Dropped with everything inside them, not unwrapped into text.
  strip: [
    'script',
    'style',
    'iframe',
    'object',
    'embed',
    'template',
    'noscript',
    'form',
    'textarea',
    'select',
    'svg',
    'math',
    'frameset',
    'frame',
    'audio',
    'video',
  ],
  // GFM footnotes' ids already carry remark-rehype's "user-content-" prefix.
  clobberPrefix: '',
  clobber: [],
};

/**
 * The kiosk shows the same text without a way out: links become plain text,
 * and so ids go too (they are only there to be linked to; a heading's id is
 * its text again, twice the bytes in Cyrillic, on a page with a byte budget).
 */
export const KIOSK_ALLOW_LIST: Schema = {
  ...MARKDOWN_ALLOW_LIST,
  tagNames: (MARKDOWN_ALLOW_LIST.tagNames ?? []).filter((tag) => tag !== 'a'),
  attributes: Object.fromEntries(
    Object.entries(MARKDOWN_ALLOW_LIST.attributes ?? {}).map(([tag, names]) => [
      tag,
      names.filter((name) => name !== 'id'),
    ]),
  ),
};

/** HTML (a rendered page's Markdown) with everything outside the allow-list removed. */
export function sanitizeHtml(html: string, schema: Schema): string {
  const tree = fromHtml(html, { fragment: true });
  return toHtml(sanitize(tree, schema) as HastRoot);
}

/** True for https:, mailto: and tel: addresses and for addresses within the site. */
export function isAllowedLinkUrl(url: string): boolean {
  const address = url.trim();
  // A scheme is letters before the first ":" that comes before any "/", "?" or "#".
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  if (scheme) return (LINK_PROTOCOLS as readonly string[]).includes(scheme);
  // "//host/…" leaves the site with whatever scheme the page has; ask for https:// instead.
  return !address.startsWith('//') && !address.startsWith('\\');
}

export interface MarkdownProblem {
  /** 1-based line in the text given. */
  readonly line: number;
  readonly message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function* walk(node: MdastNodes): Generator<MdastNodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/**
 * Every problem needs one of these: HTML and autolinks start with "<", links
 * "](" or a definition "]:", images "![", GFM's bare links "www." or "://".
 * Plain easy-read text (every shipped page) is then not parsed at all, which
 * keeps reading content fast for scripts and tests that read it many times.
 */
const MIGHT_HOLD_A_PROBLEM = /<|\]\(|\]:|!\[|www\.|:\/\//i;

/**
 * Problems in the body of an information page, parsed as Astro parses it
 * (CommonMark with GFM): raw HTML, links to anything but https:, mailto:,
 * tel: or the site itself, and images (a page loads nothing from elsewhere).
 */
export function markdownProblems(markdown: string): MarkdownProblem[] {
  if (!MIGHT_HOLD_A_PROBLEM.test(markdown)) return [];
  const problems: MarkdownProblem[] = [];
  for (const node of walk(parser.parse(markdown))) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html') {
      problems.push({
        line,
        message: `raw HTML "${shorten(node.value)}" is not allowed in an information page; write it in plain Markdown (for a link: [text](https://…))`,
      });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({
        line,
        message:
          'images are not allowed in an information page (they would load from elsewhere and cost data); describe it in words',
      });
    } else if ((node.type === 'link' || node.type === 'definition') && !isAllowedLinkUrl(node.url)) {
      problems.push({
        line,
        message: `the link address "${shorten(node.url)}" is not allowed; use an https:// address, mailto:, tel: or a page of this site`,
      });
    }
  }
  return problems;
}
