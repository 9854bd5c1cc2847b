import { z } from 'zod';
import { coordinates, hours, httpsUrl, languageTag, localizedName, localizedText, MAX_LENGTH, name, phone, sources, verified } from './common';

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

/** A provider near a station. `sample: true` marks example data that must never be mistaken for a real service. */
export const serviceSchema = z
  .object({
    sample: z.boolean(),
    country: z.string().regex(/^[a-z]{2}$/),
    organisation: localizedName,
    description: localizedText,
    offers: z.array(serviceOffer).min(1),
    audience: z.array(audience).min(1),
    languages: z.array(languageTag).min(1),
    free: z.boolean().optional(),
    address: name(MAX_LENGTH.place).pipe(z.string().min(3, 'write the street address')),
    location: coordinates,
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
