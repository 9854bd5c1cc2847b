/**
 * `compute` answered once per key. A build asks the same questions on
 * thousands of pages (a formatter per language, a phone number's display,
 * a country's rights text): each answer is worked out the first time only.
 * Where keys are whole texts (a rendered rights page), `limit` bounds the
 * memory: past it, what was remembered is dropped and rebuilt as asked.
 */
export function memoised<R>(
  compute: (key: string) => R,
  limit = Number.POSITIVE_INFINITY,
): (key: string) => R {
  const answers = new Map<string, R>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer as R;
  };
}
