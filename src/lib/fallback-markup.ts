/**
 * UI text that falls back to English is wrapped in private-use markers by
 * `t`; after rendering, the page's HTML is rewritten so that such text in
 * the page body becomes <span lang="en" dir="ltr">…</span> (screen readers
 * switch voice) and markers inside attributes are simply dropped.
 */
export const FALLBACK_START = '\uE000';
export const FALLBACK_END = '\uE001';

export function markFallback(text: string): string {
  return `${FALLBACK_START}${text}${FALLBACK_END}`;
}

const MARKED = new RegExp(`${FALLBACK_START}([^${FALLBACK_END}]*)${FALLBACK_END}`, 'g');
const ANY_MARKER = new RegExp(`[${FALLBACK_START}${FALLBACK_END}]`, 'g');

export function resolveFallbackMarkers(html: string, fallbackLang: string): string {
  if (!html.includes(FALLBACK_START)) return html;
  // Tags (with their attributes) and raw-text elements keep plain text; only text between tags gets a <span>.
  return html
    .split(/(<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>|<[^>]*>)/)
    .map((part, index) =>
      index % 2 === 1
        ? part.replace(ANY_MARKER, '')
        : part.replace(MARKED, (_, text: string) => `<span lang="${fallbackLang}" dir="ltr">${text}</span>`),
    )
    .join('');
}
