import { z } from 'zod';
import { hours, languageTag, localizedText, phone, sources, verified } from './common';

export const contactPurpose = z.enum([
  'emergency',
  'police',
  'trafficking',
  'children',
  'violence-against-women',
  'victims-of-crime',
  'missing-children',
  'emotional-support',
  'anonymous-report',
  'authority',
]);

/** A helpline, emergency number or authority, for one country. */
export const contactSchema = z
  .object({
    country: z.string().regex(/^[a-z]{2}$/, 'use the ISO 3166-1 alpha-2 code in lower case, for example "ro" or "gb"'),
    organisation: localizedText,
    name: localizedText,
    purposes: z.array(contactPurpose).min(1),
    phones: z.array(phone).min(1, 'a contact needs at least one phone number'),
    hours: hours.optional(),
    languages: z.array(languageTag).optional(),
    /** The year the source listing `languages` is from, when it is old: shown beside the list ("(2013)"). */
    languagesYear: z.number().int().min(1990).max(2100).optional(),
    /** For services that interpret into many languages ("over 200 languages"). */
    languageCount: z.number().int().positive().optional(),
    anonymous: z.boolean().optional(),
    website: z.string().url('write the full address, starting with https://').optional(),
    email: z.string().email().optional(),
    verified,
    status: z.enum(['confirmed', 'unverified']),
    sources,
  })
  .strict();

export type ContactPurpose = z.infer<typeof contactPurpose>;
export type ContactData = z.infer<typeof contactSchema>;
