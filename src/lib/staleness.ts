/**
 * How old the checks behind the content are. The build lists every contact
 * and service last checked more than a year ago; a station page says once
 * when its facts were checked, by the oldest date among them.
 */

/** The earliest of these YYYY-MM-DD dates (they sort as text), or undefined for none. */
export function oldestDate(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((date): date is string => Boolean(date)).sort()[0];
}

/** The date `months` calendar months before `today` (YYYY-MM-DD; the day is kept, clipped to the month's end). */
export function monthsBefore(today: string, months: number): string {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export interface Dated {
  readonly file: string;
  readonly data: { readonly verified?: { readonly date: string } };
}

/** Entries whose `verified.date` is older than `months` months before `today`, oldest first. */
export function staleEntries<T extends Dated>(entries: readonly T[], today: string, months = 12): T[] {
  const limit = monthsBefore(today, months);
  return entries
    .filter((entry) => entry.data.verified !== undefined && entry.data.verified.date < limit)
    .sort(
      (a, b) =>
        (a.data.verified?.date ?? '').localeCompare(b.data.verified?.date ?? '') ||
        a.file.localeCompare(b.file),
    );
}
