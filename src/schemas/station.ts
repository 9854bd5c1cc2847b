import { z } from 'zod';
import {
  coordinates,
  hours,
  languageTag,
  localizedName,
  localizedText,
  name,
  sources,
  verified,
} from './common';

/**
 * An organisation officially present at the station (for example at a help
 * desk), as its public helpers page lists it. Only with a source: people are
 * told to trust exactly these, so nothing here may be guessed.
 */
export const officialHelper = z
  .object({
    organisation: localizedName,
    /** Where to find them, e.g. "Help desk next to platform 1". */
    where: localizedText,
    hours: hours.optional(),
    /** How to recognise them: vest colour, badge, desk sign. */
    recognise: localizedText,
    verified,
    status: z.enum(['confirmed', 'unverified']),
    sources,
  })
  .strict();

export const stationSchema = z
  .object({
    /** Permanent short code printed on posters: COUNTRY-LETTERS, upper case. Never reuse one. */
    code: z
      .string()
      .regex(
        /^[A-Z]{2}-[A-Z0-9]{2,6}$/,
        'write the short code as country and letters in upper case, for example "RO-BN"',
      ),
    country: z.string().regex(/^[a-z]{2}$/, 'use the ISO 3166-1 alpha-2 code in lower case'),
    /** The name as it is written on the station's own signs, with diacritics. */
    name: name().pipe(z.string().min(2, "write the name as on the station's signs")),
    city: name().pipe(z.string().min(2, 'write the city')),
    location: coordinates,
    /** Languages offered first at this station, in order. */
    languages: z.array(languageTag).min(1),
    helpInStation: z
      .object({ where: localizedText, who: localizedText.optional(), hours: hours.optional() })
      .strict()
      .optional(),
    /** Organisations officially present at the station (public helpers page); leave out until sourced. */
    officialHelpers: z.array(officialHelper).default([]),
    contacts: z.array(z.string().max(100)).default([]),
    services: z.array(z.string().max(100)).default([]),
    sources,
  })
  .strict();

export type StationData = z.infer<typeof stationSchema>;
export type OfficialHelper = z.infer<typeof officialHelper>;
