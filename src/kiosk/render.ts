/** Build-time helpers for the kiosk pages: no links out of rendered text. */
import { KIOSK_ALLOW_LIST, sanitizeHtml } from '../lib/markdown-safety';
import { memoised } from '../lib/memo';

/**
 * Rendered Markdown on the kiosk keeps its text but loses its links: a kiosk
 * must have no way out, and a tap on a dead link is better than a tap that
 * leaves. (The same page on the public site, reached by the QR code, keeps them.)
 * It goes through the site's Markdown allow-list without `a`, so no form,
 * frame or other way out survives either.
 */
export const withoutLinks: (html: string) => string = memoised(
  // Once per text: every kiosk screen of a country in one language shows the same rights page.
  (html) => sanitizeHtml(html, KIOSK_ALLOW_LIST),
  1000,
);
