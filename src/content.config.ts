import { defineCollection } from 'astro:content';
import { infoLoader } from './data/info-loader';
import { infoSchema } from './schemas/info';
import { config } from './config';

/**
 * Only the information pages are a collection (their Markdown is rendered by
 * Astro). Countries, stations, contacts and services are read once by the
 * content gate (src/data/read-content.ts) and linked by src/data/site-model.ts;
 * pages get them from getSite() (src/data/site.ts).
 */
export const collections = {
  info: defineCollection({
    loader: infoLoader(() => config.contentDir),
    schema: infoSchema,
  }),
};
