import { z } from 'zod';
import {
  coordinates,
  hours,
  httpsUrl,
  languageTag,
  localizedName,
  localizedText,
  MAX_LENGTH,
  name,
  phone,
  sources,
  verified,
} from './common';

export const serviceOffer = z.enum([
  'information',
  'shelter',
  'legal-advice',
  'medical',
  'psychological-support',
  'food',
  'interpreting',
  'child-protection',
  'transport',
]);

export const audience = z.enum(['everyone', 'women', 'children', 'families']);

/**
 * A provider near a station. Only what a source gives is filled in: a field the
 * source does not give is left out (no address, no coordinates, no hours), and
 * the pages then say nothing about it (no distance, no map marker, no "open now").
 * `sample: true` marks invented example data: it lives in tests/fixtures/content/samples/
 * and the build refuses to publish it (src/lib/content-check.ts `publishProblems`).
 */
export const serviceSchema = z
  .object({
    sample: z.boolean().default(false),
    country: z.string().regex(/^[a-z]{2}$/),
    organisation: localizedName,
    description: localizedText,
    /** What it offers, only as the source describes it. */
    offers: z.array(serviceOffer).min(1).optional(),
    /** Leave out when the source does not say who it is for. */
    audience: z.array(audience).min(1).optional(),
    /** Languages spoken, only as a source lists them. */
    languages: z.array(languageTag).min(1).optional(),
    free: z.boolean().optional(),
    address: name(MAX_LENGTH.place).pipe(z.string().min(3, 'write the street address')).optional(),
    /** Coordinates only when a source gives them; without them there is no distance and no map marker. */
    location: coordinates.optional(),
    phones: z.array(phone).default([]),
    hours: hours.optional(),
    website: httpsUrl.optional(),
    verified: verified.optional(),
    status: z.enum(['confirmed', 'unverified']),
    sources,
  })
  .strict()
  .refine((service) => service.sample || service.verified, {
    message: 'a real (non-sample) service needs `verified` with date, method and source',
    path: ['verified'],
  });

export type ServiceOffer = z.infer<typeof serviceOffer>;
export type Audience = z.infer<typeof audience>;
export type ServiceData = z.infer<typeof serviceSchema>;
