/** The self-check's verdict: every question answered, and which answers are warning signs (yes). */
export type Answer = 'yes' | 'no';

export interface Verdict {
  readonly complete: boolean;
  readonly warningIds: readonly string[];
}

export function assessOffer(questionIds: readonly string[], answers: Readonly<Record<string, Answer>>): Verdict {
  return {
    complete: questionIds.every((id) => answers[id] !== undefined),
    warningIds: questionIds.filter((id) => answers[id] === 'yes'),
  };
}
