/** Letters that Unicode does not decompose into base + accent. */
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', ı: 'i', æ: 'ae', œ: 'oe' };

/**
 * Folds text for searching: lower case, accents removed, so "bucuresti" finds
 * "București" and "przemysl" finds "Przemyśl".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßıæœ]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .replace(/[\s\-‐–—_.,'’]+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring case and accents. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}
