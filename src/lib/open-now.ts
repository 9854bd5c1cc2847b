import type { Hours, Weekday } from '../schemas/common';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US short weekdays ("Mon") map onto the content's day names; h23 avoids "24:05" after midnight.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock weekday and minutes since midnight at `instant` in `timeZone`.
 * Intl applies the zone's daylight-saving rules, so no offset is ever hard-coded.
 */
export function wallClock(instant: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { day, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

const minutesOf = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * Whether a place with these hours is open at `instant`, judged by the clock
 * in the place's time zone (not the visitor's). A span whose closing time is
 * not after its opening time runs past midnight into the next day.
 */
export function isOpenAt(hours: Hours, timeZone: string, instant: Date): boolean {
  if (hours === '24/7') return true;
  const { day, minutes } = wallClock(instant, timeZone);
  const dayBefore = WEEK[(WEEK.indexOf(day) + WEEK.length - 1) % WEEK.length] as Weekday;
  return hours.some((span) => {
    const opens = minutesOf(span.opens);
    const closes = minutesOf(span.closes);
    if (closes > opens) return span.days.includes(day) && minutes >= opens && minutes < closes;
    return (
      (span.days.includes(day) && minutes >= opens) || (span.days.includes(dayBefore) && minutes < closes)
    );
  });
}

/** Open or closed now; undefined when the hours are not confirmed (never guess "open"). */
export function openNow(hours: Hours | undefined, timeZone: string, now: Date): boolean | undefined {
  return hours === undefined ? undefined : isOpenAt(hours, timeZone, now);
}
