import type { Hours, OpeningSpan, Weekday } from '../schemas/common';
import { memoised } from './memo';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// 2024-01-01 was a Monday; only the weekday of these dates matters.
const weekdayDate = (day: Weekday) => new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day)));

// One Intl formatter per kind and language, made on first use: making one costs far more than
// formatting with it, and a build formats on every page.
const weekdayFormat = memoised(
  (lang) => new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }),
);
const listFormat = memoised((lang) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }));
const dateFormat = memoised((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));
const metresFormat = memoised(
  (lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'meter', maximumFractionDigits: 1 }),
);
const kilometresFormat = memoised(
  (lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }),
);

export function weekdayName(day: Weekday, lang: string): string {
  return weekdayFormat(lang).format(weekdayDate(day));
}

/** Consecutive days as ranges: [mon,tue,wed,fri] → "Mon–Wed, Fri". */
function dayRanges(days: readonly Weekday[], lang: string): string {
  const sorted = [...new Set(days)].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && WEEK.indexOf(day) === WEEK.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = run[0] as Weekday;
      const last = run.at(-1) as Weekday;
      return run.length > 2
        ? `${weekdayName(first, lang)}–${weekdayName(last, lang)}`
        : run.map((d) => weekdayName(d, lang)).join(', ');
    })
    .join(', ');
}

function formatSpan(span: OpeningSpan, lang: string): string {
  // Times are written with digits in every language; \u2066…\u2069 keeps "09:00–17:00" in order inside right-to-left text.
  return `${dayRanges(span.days, lang)} \u2066${span.opens}–${span.closes}\u2069`;
}

/** Opening hours in the reader's language; `everyDay` is the translated "24/7" text. */
export function formatHours(hours: Hours, lang: string, everyDay: string): string {
  return hours === '24/7' ? everyDay : hours.map((span) => formatSpan(span, lang)).join('; ');
}

/**
 * Names of languages or regions in a language, each worked out once (every page names every
 * language in its switcher); undefined where Intl does not know the language or the code.
 */
function displayNames(type: Intl.DisplayNamesType): (code: string, inLanguage: string) => string | undefined {
  const namesIn = memoised((inLanguage) => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([inLanguage], { type });
    } catch {
      // A language Intl does not know: every name asked in it is undefined.
    }
    return memoised((code) => {
      try {
        return names?.of(code);
      } catch {
        return undefined;
      }
    });
  });
  return (code, inLanguage) => namesIn(inLanguage)(code);
}

const languageNameIn = displayNames('language');
const regionNameIn = displayNames('region');

export function languageName(code: string, inLanguage: string): string {
  return languageNameIn(code, inLanguage) ?? code;
}

export function countryName(code: string, inLanguage: string): string {
  const region = code.toUpperCase();
  return regionNameIn(region, inLanguage) ?? region;
}

export function formatList(items: readonly string[], lang: string): string {
  return listFormat(lang).format(items);
}

export function formatDate(isoDate: string, lang: string): string {
  return dateFormat(lang).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A walking distance in the reader's language: metres to the nearest 10 below 1 km, else kilometres to one decimal. */
export function formatDistance(metres: number, lang: string): string {
  const short = metres < 1000;
  return short
    ? metresFormat(lang).format(Math.round(metres / 10) * 10)
    : kilometresFormat(lang).format(metres / 1000);
}

/** Languages as a list in the reader's language, with the year of an old source after it ("Polski, English (2013)"); "" for none. */
export function languageListText(codes: readonly string[] | undefined, lang: string, year?: number): string {
  if (!codes || codes.length === 0) return '';
  const list = formatList(
    codes.map((code) => languageName(code, lang)),
    lang,
  );
  return year === undefined ? list : `${list} (${year})`;
}
