import { z } from 'zod';
import { httpsUrl, MAX_LENGTH, name, text } from './common';

export const selfCheckQuestionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(60),
    question: text(MAX_LENGTH.source).pipe(z.string().min(2)),
    warningIf: z.literal('yes', {
      errorMap: () => ({
        message:
          'write `warningIf: yes` and ask the question so that "yes" is the warning sign (as in English)',
      }),
    }),
    ifYes: text(MAX_LENGTH.source).pipe(z.string().min(2)),
  })
  .strict();

/** An easy-read information page, one Markdown file per language: content/info/{lang}/{slug}.md. */
export const infoSchema = z
  .object({
    title: name().pipe(z.string().min(2)),
    summary: text(MAX_LENGTH.source).pipe(z.string().min(2)),
    order: z.number().int(),
    /** Draws "act, means, purpose" as an accessible HTML graphic. */
    graphic: z.literal('act-means-purpose').optional(),
    /**
     * Yes/no questions of the "Is this offer safe?" self-check. Each question
     * states which answer is the warning sign; the self-check and the kiosk show
     * `ifYes` for a yes, so a translation must keep yes as the warning (a question
     * turned round in translation would reassure the person it should warn).
     */
    checks: z.array(selfCheckQuestionSchema).optional(),
    /** "What to say" lines a person can read aloud to a helpline. */
    script: z.array(text(MAX_LENGTH.source).pipe(z.string().min(2))).optional(),
    sources: z.array(z.object({ name: name(), url: httpsUrl }).strict()).optional(),
  })
  .strict();

export type InfoData = z.infer<typeof infoSchema>;
export type SelfCheckQuestion = NonNullable<InfoData['checks']>[number];
