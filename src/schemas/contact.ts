import { z } from 'zod';
import { hours, httpsUrl, languageTag, localizedName, phone, sources, verified } from './common';

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
    country: z
      .string()
      .regex(/^[a-z]{2}$/, 'use the ISO 3166-1 alpha-2 code in lower case, for example "ro" or "gb"'),
    organisation: localizedName,
    name: localizedName,
    purposes: z.array(contactPurpose).min(1),
    /** Who the line is for, where it is not everyone (shown as "For women"). Leave out for everyone. */
    audience: z
      .enum(['women'], {
        errorMap: () => ({ message: 'write "women", or leave audience out when the line is for everyone' }),
      })
      .optional(),
    phones: z.array(phone).min(1, 'a contact needs at least one phone number'),
    hours: hours.optional(),
    languages: z.array(languageTag).optional(),
    /** The year the source listing `languages` is from, when it is old: shown beside the list ("(2013)"). */
    languagesYear: z.number().int().min(1990).max(2100).optional(),
    /** For services that interpret into many languages ("over 200 languages"). */
    languageCount: z.number().int().positive().optional(),
    anonymous: z.boolean().optional(),
    website: httpsUrl.optional(),
    /** Shown as a mailto: link. */
    email: z.string().max(254).email('write one e-mail address, such as info@example.org').optional(),
    verified,
    status: z.enum(['confirmed', 'unverified']),
    sources,
  })
  .strict();

export type ContactPurpose = z.infer<typeof contactPurpose>;
export type ContactData = z.infer<typeof contactSchema>;
