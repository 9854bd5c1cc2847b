import { z } from 'zod';
import { languageTag, sources } from './common';

const contactId = z
  .string()
  .regex(
    /^[a-z]{2}\/[a-z0-9-]+$/,
    'refer to a contact by its file path without extension, for example "ro/anitp-helpline"',
  );

export const countrySchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z]{2}$/, 'use the ISO 3166-1 alpha-2 code in lower case ("gb" for the United Kingdom)'),
    timezone: z.string().refine(isTimeZone, 'use an IANA time zone such as "Europe/Bucharest"'),
    languages: z.array(languageTag).min(1),
    emergency: z.array(contactId).min(1, 'list the emergency number(s), at least 112'),
    antiTrafficking: z.array(contactId).min(1, 'list the national anti-trafficking helpline(s)'),
    /** Other national helplines in the order the page shows them. */
    helplines: z.array(contactId).default([]),
    posterLanguages: z.array(languageTag).min(1),
    sources,
  })
  .strict();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type CountryData = z.infer<typeof countrySchema>;
