import { contactSchema } from './contact';
import { countrySchema } from './country';
import { serviceSchema } from './service';
import { stationSchema } from './station';

/** The content collections and their schemas, shared by Astro and the content gate. */
export const collectionSchemas = {
  countries: countrySchema,
  stations: stationSchema,
  contacts: contactSchema,
  services: serviceSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
