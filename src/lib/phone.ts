import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Phone } from '../schemas/common';
import { memoised } from './memo';

/**
 * National short codes that libphonenumber cannot validate, per country, as
 * listed in shared/facts/helplines.md (sections A1 and A2). 112 and the EU's
 * harmonised 116 xxx numbers are accepted everywhere in Europe.
 */
const SHORT_CODES: Record<string, readonly string[]> = {
  ro: ['119'],
  gb: ['999', '101', '61016'], // 61016: British Transport Police text line (providers.md P23, P32)
  de: ['110'],
  hu: ['107'],
  it: ['1522'],
  fr: ['119'],
  ua: ['1547', '527', '102'],
};
const EU_HARMONISED = /^(112|116\d{3})$/;

export function isShortCode(number: string): boolean {
  return !number.startsWith('+');
}

/** Why a number is not valid for the country, or undefined when it is. */
export function phoneProblem(number: string, country: string): string | undefined {
  if (isShortCode(number)) {
    if (EU_HARMONISED.test(number) || SHORT_CODES[country]?.includes(number)) return undefined;
    return `"${number}" is not a known short code for ${country.toUpperCase()}; write the full number in E.164 form, or add the short code with its source to SHORT_CODES in src/lib/phone.ts`;
  }
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed || !parsed.isValid())
    return `"${number}" is not a valid phone number; check the digits against the source`;
  // libphonenumber forgives a trunk 0 after the country code ("+40 021…"), a phone dialling the tel: link does not.
  if (parsed.number !== number)
    return `"${number}" is not in E.164 form: it is dialled as ${parsed.number} (no trunk 0 after the country code, no spaces); write that`;
  if (parsed.country && parsed.country !== country.toUpperCase()) {
    return `"${number}" is a ${parsed.country} number but the contact is for ${country.toUpperCase()}; check the country code`;
  }
  return undefined;
}

/** Marks people write between the digit groups of a number; anything else in it is refused. */
const NUMBER_SEPARATORS = /[\s().\-\u2010-\u2015/]/g;

/**
 * A number written by someone else (an imported directory) in the form
 * content keeps: E.164, or a short code's digits. Refused, with the form to
 * check against the source, when its digits would change on the way: a trunk
 * "(0)" after the country code ("+40 (0) 21 …" is dialled +4021…), or a
 * national form that needs the country added.
 */
export function normalisedNumber(written: string, country: string): { number: string } | { problem: string } {
  const compact = written.replace(NUMBER_SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact))
    return { problem: `"${written}" holds more than digits, spaces and + ( ) - . /; write the number alone` };
  if (isShortCode(compact)) {
    if (phoneProblem(compact, country) === undefined) return { number: compact };
    const national = parsePhoneNumberFromString(compact, country.toUpperCase() as CountryCode);
    const suggestion = national?.isValid() ? `; if it is ${national.formatInternational()}, write that` : '';
    return { problem: `"${written}" is not in international form (+ and the country code)${suggestion}` };
  }
  const parsed = parsePhoneNumberFromString(compact);
  if (parsed && parsed.number !== compact) {
    return {
      problem: `"${written}" changes when normalised: it is dialled as ${parsed.formatInternational()} (the trunk 0 after the country code is dropped); check the number against the source and write ${parsed.number}`,
    };
  }
  return { number: compact };
}

// The same helplines are on thousands of pages; libphonenumber parses each number once per way of showing it.
const nationalDisplay = memoised((number) => parsePhoneNumberFromString(number)?.formatNational() ?? number);
const internationalDisplay = memoised(
  (number) => parsePhoneNumberFromString(number)?.formatInternational() ?? number,
);

/** The number as people dial it: national grouping inside the country, international form for the from-abroad number. */
export function displayNumber(phone: Pick<Phone, 'number' | 'from'>): string {
  if (isShortCode(phone.number)) return groupShortCode(phone.number);
  return (phone.from === 'abroad' ? internationalDisplay : nationalDisplay)(phone.number);
}

function groupShortCode(number: string): string {
  return /^116\d{3}$/.test(number) ? `116 ${number.slice(3)}` : number;
}

export function telHref(phone: Pick<Phone, 'number'>): string {
  return `tel:${phone.number}`;
}

export function smsHref(phone: Pick<Phone, 'number'>): string {
  return `sms:${phone.number}`;
}

/** The link a number opens: a text message for text-only lines, a call otherwise. */
export function phoneHref(phone: Pick<Phone, 'number' | 'kind'>): string {
  return phone.kind === 'sms' ? smsHref(phone) : telHref(phone);
}

/** What a script needs to show a number as a link: where it leads, how it reads, how it is spoken. */
export function phoneLinkData(phone: Pick<Phone, 'number' | 'from' | 'kind'>): {
  href: string;
  display: string;
  spoken: string;
} {
  const display = displayNumber(phone);
  return { href: phoneHref(phone), display, spoken: spokenDigits(display) };
}

/**
 * The number spelled digit by digit for screen readers ("0 8 0 0, 8 0 0"),
 * so it is not read as "eight hundred million".
 */
export function spokenDigits(display: string): string {
  return display
    .split(/\s+/)
    .map((group) =>
      group
        .replace(/[^\d+]/g, '')
        .split('')
        .join(' '),
    )
    .filter(Boolean)
    .join(', ');
}
