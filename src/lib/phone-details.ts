import type { Hours, Phone } from '../schemas/common';
import type { Translator } from './i18n';
import { countryName, formatHours } from './format';

/**
 * The short facts shown under a number: cost, where to call it from, text-only.
 * With `hours` (where the number stands without its card: info pages, offline,
 * 404), a line that is not open round the clock also says when it is.
 */
export function phoneDetails(phone: Phone, country: string, t: Translator, hours?: Hours): string[] {
  const details: string[] = [];
  if (Array.isArray(hours)) details.push(formatHours(hours, t.lang, t('common.everyDay')));
  if (phone.free === true) details.push(t('common.free'));
  if (phone.free === false) details.push(t('common.notFree'));
  if (phone.from === 'abroad') details.push(t('common.fromAbroad'));
  if (phone.from === 'inside') details.push(t('common.fromInside', { country: countryName(country, t.lang) }));
  if (phone.kind === 'sms') details.push(t('common.textOnly'));
  if (phone.note) details.push(phone.note[t.lang] ?? phone.note.en ?? '');
  return details.filter(Boolean);
}

/** A line's hours in a few words: "24 hours", the opening spans, or that they are not confirmed. */
export function hoursText(hours: Hours | undefined, t: Translator): string {
  if (hours === '24/7') return t('common.allDay');
  return hours ? formatHours(hours, t.lang, t('common.everyDay')) : t('common.hoursNotConfirmed');
}
