/** The self-check's verdict: every question answered, and which answers are warning signs. */
export type Answer = 'yes' | 'no';

export interface Verdict {
  readonly complete: boolean;
  readonly warningIds: readonly string[];
}

export interface PolarQuestion {
  readonly id: string;
  /** The answer that is a warning sign. */
  readonly warningIf: Answer;
}

export function assessOffer(
  questions: readonly PolarQuestion[],
  answers: Readonly<Record<string, Answer>>,
): Verdict {
  return {
    complete: questions.every((q) => answers[q.id] !== undefined),
    warningIds: questions.filter((q) => answers[q.id] === q.warningIf).map((q) => q.id),
  };
}

export interface PolarityProblem {
  readonly lang: string;
  readonly problem: string;
}

/**
 * A translated self-check must ask the same questions, in the same order, with
 * the same warning answer as the source language; otherwise a "yes" could mean
 * "safe" in one language and "warning" in another.
 */
export function compareSelfChecks(
  source: readonly PolarQuestion[],
  lang: string,
  translated: readonly PolarQuestion[] | undefined,
): PolarityProblem[] {
  if (!translated) return [{ lang, problem: 'has no self-check questions (checks:)' }];
  const problems: PolarityProblem[] = [];
  const ids = (qs: readonly PolarQuestion[]) => qs.map((q) => q.id).join(', ');
  if (ids(source) !== ids(translated))
    problems.push({ lang, problem: `asks [${ids(translated)}], English asks [${ids(source)}]` });
  for (const question of translated) {
    const english = source.find((q) => q.id === question.id);
    if (english && english.warningIf !== question.warningIf) {
      problems.push({
        lang,
        problem: `question "${question.id}": warning answer is "${question.warningIf}", English says "${english.warningIf}"`,
      });
    }
  }
  return problems;
}
