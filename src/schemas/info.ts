import { z } from 'zod';

/** An easy-read information page, one Markdown file per language: content/info/{lang}/{slug}.md. */
export const infoSchema = z
  .object({
    title: z.string().min(2),
    summary: z.string().min(2),
    order: z.number().int(),
    /** Draws "act, means, purpose" as an accessible HTML graphic. */
    graphic: z.literal('act-means-purpose').optional(),
    /** Yes/no questions of the "Is this offer safe?" self-check; yes is always the warning sign. */
    checks: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), question: z.string().min(2), ifYes: z.string().min(2) }).strict())
      .optional(),
    /** "What to say" lines a person can read aloud to a helpline. */
    script: z.array(z.string().min(2)).optional(),
    sources: z.array(z.object({ name: z.string(), url: z.string().url() }).strict()).optional(),
  })
  .strict();

export type InfoData = z.infer<typeof infoSchema>;
export type SelfCheckQuestion = NonNullable<InfoData['checks']>[number];
