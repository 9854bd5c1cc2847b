import { z } from 'zod';

/** ISO 639-1 code of a language people speak (not only the site's languages). */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'use a two-letter ISO 639-1 language code in lower case, for example "uk"');

/** Text written per site language; English is required because it is the fallback. */
export const localizedText = z
  .record(languageTag, z.string().trim().min(1, 'text must not be empty'))
  .refine((value) => typeof value.en === 'string', { message: 'add an "en" entry: English is the fallback for every language' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'this is not a real calendar date');

export const coordinates = z.object({
  lat: z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90'),
  lon: z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180'),
});

export const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'write times as HH:MM in 24-hour form, for example "08:30"');

/** One block of opening time; `closes` earlier than `opens` means it runs past midnight. */
export const openingSpan = z.object({ days: z.array(weekday).min(1), opens: clockTime, closes: clockTime }).strict();

export const hours = z.union([z.literal('24/7'), z.array(openingSpan).min(1)], {
  errorMap: () => ({ message: 'write "24/7" or a list of { days, opens, closes }; leave hours out when they are not confirmed' }),
});

export const phone = z
  .object({
    /** E.164 with "+" for ordinary numbers, or the digits of a national short code such as 112 or 116111. */
    number: z.string().regex(/^(\+[1-9]\d{6,14}|\d{3,6})$/, 'write the number in E.164 form ("+40800800678") or as a short code of digits only ("112")'),
    kind: z.enum(['voice', 'sms', 'voice-and-sms']).default('voice'),
    free: z.boolean().optional(),
    /** `abroad`: the number to dial from outside the country (shown in international form). */
    from: z.enum(['inside', 'abroad']).optional(),
    /** Only where this number keeps other hours than its contact (e.g. an office line beside a round-the-clock one). */
    hours: hours.optional(),
    note: localizedText.optional(),
  })
  .strict();

export const sources = z.array(z.string().min(3, 'name the source: its code and address, e.g. "S8 www.modernslaveryhelpline.org"')).min(1, 'cite at least one source for the facts in this file');

export const verified = z
  .object({
    date: isoDate,
    method: z.enum(['desk-research', 'phone-call', 'in-person', 'provider-confirmed']),
    source: z.string().min(3, 'name the source(s) checked, e.g. "S8, S9"'),
  })
  .strict();

export type LocalizedText = z.infer<typeof localizedText>;
export type Coordinates = z.infer<typeof coordinates>;
export type Hours = z.infer<typeof hours>;
export type OpeningSpan = z.infer<typeof openingSpan>;
export type Phone = z.infer<typeof phone>;
export type Weekday = z.infer<typeof weekday>;
