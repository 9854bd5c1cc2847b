import { z } from 'zod';

/** The concepts every language names one way only (locales/glossary/{lang}.json). */
export const GLOSSARY_TERM_IDS = [
  'trafficking',
  'helpline',
  'exitThisPage',
  'freeCall',
  'badge',
  'helper',
] as const;
export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];

const glossaryTermSchema = z
  .object({
    /** The word or phrase to use, as it occurs in the texts (any letter case). */
    use: z.string().min(1),
    /** A UI string that must be exactly this term, e.g. common.exitPage. */
    key: z
      .string()
      .regex(/^[a-zA-Z]+(\.[a-zA-Z0-9-]+)+$/, 'a locale key such as "common.exitPage"')
      .optional(),
    /** Information pages (slugs) that must use the term, e.g. the quick-exit page naming its button. */
    pages: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
    /** Variants that must not appear in any string or page of the language: wrong words, retired over-promises. */
    avoid: z.array(z.string().min(2)).default([]),
    note: z.string().optional(),
  })
  .strict();

const reviewSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('source') }).strict(),
  z.object({ status: z.literal('machine-drafted') }).strict(),
  z
    .object({
      status: z.literal('reviewed'),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      by: z.string().min(2),
    })
    .strict(),
]);

export const glossarySchema = z
  .object({
    review: reviewSchema,
    terms: z
      .object({
        trafficking: glossaryTermSchema,
        helpline: glossaryTermSchema,
        exitThisPage: glossaryTermSchema,
        freeCall: glossaryTermSchema,
        badge: glossaryTermSchema,
        helper: glossaryTermSchema,
      } satisfies Record<GlossaryTermId, typeof glossaryTermSchema>)
      .strict(),
    /** Phrases no string or page may use, whatever the term: promises the sources do not make (helplines.md section D). */
    avoid: z.array(z.string().min(2)).default([]),
  })
  .strict();

export type Glossary = z.infer<typeof glossarySchema>;
