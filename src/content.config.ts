import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionSchemas, type CollectionName } from './schemas';
import { infoSchema } from './schemas/info';
import { config } from './config';

function fromContentFolder<Name extends CollectionName>(name: Name) {
  return defineCollection({
    loader: glob({ pattern: '**/*.{yaml,yml}', base: `${config.contentDir}/${name}`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
    schema: collectionSchemas[name],
  });
}

export const collections = {
  countries: fromContentFolder('countries'),
  stations: fromContentFolder('stations'),
  contacts: fromContentFolder('contacts'),
  services: fromContentFolder('services'),
  info: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${config.contentDir}/info`, generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
    schema: infoSchema,
  }),
};
