/**
 * Elements laid out as blocks by the browser's own stylesheet (and the
 * kiosk's flex boxes): white space beside their tags is never drawn, so it
 * can go. Inline elements (a, span, strong, label, input, img…) are not
 * here: the space between two of them is a visible word space.
 */
const BLOCK_TAGS =
  'address|article|aside|blockquote|body|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|legend|li|link|main|meta|nav|ol|p|script|section|style|summary|table|tbody|td|tfoot|th|thead|title|tr|ul';
/** HTML's white space only: a no-break or narrow space (\s in JavaScript) is a character a person sees. */
const SPACE = '[ \\t\\n\\r\\f]';
// The second branch takes the ">" before the spaces (and gives it back) rather than looking
// behind for it: a branch that starts with a look-behind is tried at every character of the page.
const NEXT_TO_BLOCK_TAG = new RegExp(
  `(<\\/?(?:${BLOCK_TAGS})\\b[^>]*>)${SPACE}+(?=<)|>${SPACE}+(<\\/?(?:${BLOCK_TAGS})\\b)`,
  'gi',
);
const SPACE_RUN = new RegExp(`${SPACE}{2,}`, 'g');
const KEPT_MARK = '\uE000';
const KEPT_PLACE = new RegExp(`<${KEPT_MARK}(\\d+)>`, 'g');
/** Elements whose text keeps its white space (or is not HTML): left exactly as they are. */
const KEEP_AS_IS = /<(pre|textarea|script|style)\b[^>]*>[\s\S]*?<\/\1>/gi;

/**
 * A built page without the white space the browser would not draw: runs of
 * spaces become one, and spaces between a block element's tag and the next
 * tag go. What a person sees and what a screen reader reads do not change
 * (text inside <pre>, <textarea>, <script> and <style> is kept as it is).
 * Pure; for pages whose bytes are counted (the kiosk, budgets.json).
 */
export function withoutUndrawnWhitespace(html: string): string {
  // Kept elements wait behind a tag-like mark, so the tags around them still count; the mark's
  // character (Unicode's first private-use one) is refused in a page rather than trusted to be absent.
  if (html.includes(KEPT_MARK)) throw new Error('compact-html: the page holds U+E000, the mark this uses');
  const kept: string[] = [];
  const marked = html.replace(KEEP_AS_IS, (element) => `<${KEPT_MARK}${kept.push(element) - 1}>`);
  return marked
    .replace(SPACE_RUN, ' ')
    .replace(NEXT_TO_BLOCK_TAG, (_, before: string | undefined, after: string | undefined) =>
      after === undefined ? (before ?? '') : `>${after}`,
    )
    .replace(KEPT_PLACE, (_, index: string) => kept[Number(index)] ?? '');
}
