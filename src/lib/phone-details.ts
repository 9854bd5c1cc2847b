import type { Hours, Phone } from '../schemas/common';
import type { ContactData } from '../schemas/contact';
import type { ServiceData } from '../schemas/service';
import type { Translator } from './i18n';
import { countryName, formatHours } from './format';
import { pickText, type PickedText } from './localized';

/** Who answers a number: the facts of its contact (or service) its detail line draws on. */
export interface PhoneOwner {
  readonly country: string;
  /** A contact's one audience is said under its numbers; a service lists its audiences elsewhere. */
  readonly audience?: ContactData['audience'] | ServiceData['audience'];
  readonly hours?: Hours;
  readonly purposes?: readonly string[];
}

/**
 * The one "24 hours" rule: an emergency number (112, and 999 or 110 beside
 * it) is answered around the clock everywhere, so it has 24/7 hours even
 * where the content file gives none; any other line without hours stays
 * unconfirmed (undefined).
 */
export function answeredHours(owner: Pick<PhoneOwner, 'hours' | 'purposes'>): Hours | undefined {
  return owner.hours ?? (owner.purposes?.includes('emergency') ? '24/7' : undefined);
}

/** The hours under 112 itself, which has no content file of its own where it is shown alone. */
export const EMERGENCY_HOURS = answeredHours({ purposes: ['emergency'] });

/** A line's hours in a few words: "24 hours", the opening spans, or that they are not confirmed. */
export function hoursText(hours: Hours | undefined, t: Translator): string {
  if (hours === '24/7') return t('common.allDay');
  return hours ? formatHours(hours, t.lang, t('common.everyDay')) : t('common.hoursNotConfirmed');
}

export interface DetailsShown {
  /** Who the line is for ("For women"), where the number stands without its card. */
  readonly audience?: boolean;
  /**
   * The hours: by default only a phone's own hours (its card lists the
   * contact's); `limited` adds them when the line is not open round the clock
   * (info pages, offline, 404); `always` says them in any case, "not
   * confirmed" included (the emergency block, the help steps).
   */
  readonly hours?: 'limited' | 'always';
}

/**
 * The short facts shown under a number, in one order everywhere (site and
 * kiosk): audience, hours, cost, where to call it from, text-only, a note.
 */
export function phoneDetails(
  phone: Phone,
  owner: PhoneOwner,
  t: Translator,
  shown: DetailsShown = {},
): PickedText[] {
  const details: string[] = [];
  if (shown.audience && typeof owner.audience === 'string')
    details.push(t(`common.audience.${owner.audience}`));
  const hours = phone.hours ?? (shown.hours ? answeredHours(owner) : undefined);
  if (phone.hours || shown.hours === 'always' || Array.isArray(hours)) details.push(hoursText(hours, t));
  if (phone.free === true) details.push(t('common.free'));
  if (phone.free === false) details.push(t('common.notFree'));
  if (phone.from === 'abroad') details.push(t('common.fromAbroad'));
  if (phone.from === 'inside')
    details.push(t('common.fromInside', { country: countryName(owner.country, t.lang) }));
  if (phone.kind === 'sms') details.push(t('common.textOnly'));
  const picked: PickedText[] = details.map((text) => ({ text }));
  // A note not yet translated shows in English, marked so that a screen reader switches voice.
  if (phone.note) picked.push(pickText(phone.note, t.lang));
  return picked.filter((detail) => detail.text);
}
