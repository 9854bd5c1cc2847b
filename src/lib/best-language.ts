/**
 * Picks the language to show from the browser's preferences.
 *
 * Browser order wins: a person's phone language is the strongest signal we
 * have. A regional tag (uk-UA) matches its base language (uk). When nothing
 * matches, the station's own languages decide, then the site default.
 */
export function pickLanguage(
  preferred: readonly string[],
  available: readonly string[],
  stationLanguages: readonly string[] = [],
  fallback = 'en',
): string {
  const availableSet = new Set(available);
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (availableSet.has(lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (availableSet.has(base)) return base;
  }
  if (availableSet.has(fallback) && (stationLanguages.length === 0 || stationLanguages.includes(fallback)))
    return fallback;
  return (
    stationLanguages.find((code) => availableSet.has(code)) ??
    (availableSet.has(fallback) ? fallback : (available[0] ?? fallback))
  );
}
