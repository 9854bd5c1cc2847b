/** Build-time helpers for the kiosk pages: no links out of rendered text, QR codes encoded once, hours as shown. */
import type { Hours } from '../schemas/common';
import type { ContactData } from '../schemas/contact';
import { KIOSK_ALLOW_LIST, sanitizeHtml } from './markdown-safety';
import { qrSymbol, type QrSymbol } from './poster';

/**
 * Rendered Markdown on the kiosk keeps its text but loses its links: a kiosk
 * must have no way out, and a tap on a dead link is better than a tap that
 * leaves. (The same page on the public site, reached by the QR code, keeps them.)
 * It goes through the site's Markdown allow-list without `a`, so no form,
 * frame or other way out survives either.
 */
export function withoutLinks(html: string): string {
  return sanitizeHtml(html, KIOSK_ALLOW_LIST);
}

/**
 * The kiosk draws the same codes many times (112 and the national line on
 * several screens of every language page); each is encoded once per build.
 */
const drawn = new Map<string, QrSymbol>();

export function kioskQr(text: string): QrSymbol {
  let symbol = drawn.get(text);
  if (!symbol) {
    symbol = qrSymbol(text);
    drawn.set(text, symbol);
  }
  return symbol;
}

/**
 * A contact's opening hours as the kiosk shows them. An emergency number
 * (112, and 999 or 110 beside it) is answered around the clock everywhere,
 * so it says "24 hours" even where the content file gives no hours; any
 * other line without hours stays unconfirmed (undefined).
 */
export function shownHours(contact: Pick<ContactData, 'hours' | 'purposes'>): Hours | undefined {
  return contact.hours ?? (contact.purposes.includes('emergency') ? '24/7' : undefined);
}
