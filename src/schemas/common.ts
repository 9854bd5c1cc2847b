import { z } from 'zod';

/** ISO 639-1 code of a language people speak (not only the site's languages). */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'use a two-letter ISO 639-1 language code in lower case, for example "uk"');

/**
 * Caps on what one field may hold: generous for real content (the longest
 * shipped name is under 100 characters), small enough that a pasted document
 * or a 10,000-character name cannot reach a page, a poster or a QR code.
 */
export const MAX_LENGTH = { name: 200, place: 300, text: 2000, source: 500, url: 2000 } as const;

/**
 * Characters that reorder text around them. Embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) can make "+40 800 800 678" display
 * as another number or a name read as another name; nothing in content needs
 * them, since pages set `dir` themselves. The marks U+200E/U+200F may help in
 * running right-to-left text, but never in a name, address or number.
 */
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_MARKS = /[\u200E\u200F]/u;

function codePoint(text: string, pattern: RegExp): string {
  const found = text.match(pattern)?.[0] ?? '';
  return `U+${found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Free text: trimmed, not empty, capped, without direction overrides. */
export function text(max: number = MAX_LENGTH.text) {
  return z
    .string()
    .trim()
    .min(1, 'text must not be empty')
    .max(max, `this is longer than ${max} characters; shorten it`)
    .superRefine((value, ctx) => {
      if (BIDI_OVERRIDES.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `contains the invisible direction control ${codePoint(value, BIDI_OVERRIDES)}, which can make text display as something else; delete it (retype the text if unsure)`,
        });
      }
    });
}

/** A name, city or address: like text, shorter, and without direction marks either. */
export function name(max: number = MAX_LENGTH.name) {
  return text(max).superRefine((value, ctx) => {
    if (BIDI_MARKS.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `contains the invisible direction mark ${codePoint(value, BIDI_MARKS)}; names, addresses and numbers must not hold one, delete it`,
      });
    }
  });
}

const englishRequired = { message: 'add an "en" entry: English is the fallback for every language' };

/** Text written per site language; English is required because it is the fallback. */
export const localizedText = z
  .record(languageTag, text())
  .refine((value) => typeof value.en === 'string', englishRequired);

/** A name (organisation, helpline) per site language: capped like a name, no direction marks. */
export const localizedName = z
  .record(languageTag, name())
  .refine((value) => typeof value.en === 'string', englishRequired);

/** A web address a reader may open or a kiosk may put in a QR code: https only (never javascript:, data: or plain http:). */
export const httpsUrl = z
  .string()
  .trim()
  .max(
    MAX_LENGTH.url,
    `this address is longer than ${MAX_LENGTH.url} characters; use the page's short address`,
  )
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'write the full address starting with https:// (other kinds of address, such as http:, javascript: or data:, are refused)');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'this is not a real calendar date');

export const coordinates = z.object({
  lat: z
    .number()
    .min(-90, 'latitude must be between -90 and 90')
    .max(90, 'latitude must be between -90 and 90'),
  lon: z
    .number()
    .min(-180, 'longitude must be between -180 and 180')
    .max(180, 'longitude must be between -180 and 180'),
});

export const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'write times as HH:MM in 24-hour form, for example "08:30"');

/** One block of opening time; `closes` earlier than `opens` means it runs past midnight. */
export const openingSpan = z
  .object({ days: z.array(weekday).min(1), opens: clockTime, closes: clockTime })
  .strict()
  .refine((span) => span.opens !== span.closes, {
    message:
      'opens and closes are the same time, which would read as open all day; write the real closing time, or hours: "24/7" when it never closes',
    path: ['closes'],
  });

export const hours = z.union([z.literal('24/7'), z.array(openingSpan).min(1)], {
  errorMap: () => ({
    message: 'write "24/7" or a list of { days, opens, closes }; leave hours out when they are not confirmed',
  }),
});

export const phone = z
  .object({
    /** E.164 with "+" for ordinary numbers, or the digits of a national short code such as 112 or 116111. */
    number: z
      .string()
      .regex(
        /^(\+[1-9]\d{6,14}|\d{3,6})$/,
        'write the number in E.164 form ("+40800800678") or as a short code of digits only ("112")',
      ),
    kind: z.enum(['voice', 'sms', 'voice-and-sms']).default('voice'),
    free: z.boolean().optional(),
    /** `abroad`: the number to dial from outside the country (shown in international form). */
    from: z.enum(['inside', 'abroad']).optional(),
    /** Only where this number keeps other hours than its contact (e.g. an office line beside a round-the-clock one). */
    hours: hours.optional(),
    note: localizedText.optional(),
  })
  .strict();

export const sources = z
  .array(
    text(MAX_LENGTH.source).pipe(
      z.string().min(3, 'name the source: its code and address, e.g. "S8 www.modernslaveryhelpline.org"'),
    ),
  )
  .min(1, 'cite at least one source for the facts in this file');

export const verified = z
  .object({
    date: isoDate,
    method: z.enum(['desk-research', 'phone-call', 'in-person', 'provider-confirmed']),
    source: text(MAX_LENGTH.source).pipe(z.string().min(3, 'name the source(s) checked, e.g. "S8, S9"')),
  })
  .strict();

export type LocalizedText = z.infer<typeof localizedText>;
export type Coordinates = z.infer<typeof coordinates>;
export type Hours = z.infer<typeof hours>;
export type OpeningSpan = z.infer<typeof openingSpan>;
export type Phone = z.infer<typeof phone>;
export type Weekday = z.infer<typeof weekday>;
