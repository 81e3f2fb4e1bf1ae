import { formatAt, instantAt } from '@zerodraft/shared/time/venue-time.ts';

/** BMS7 meets in New York: the demo's venue clocks. */
export const VENUE_ZONE = 'America/New_York';

/** The day the venue is living now, plus `days`, as a date input takes it (`YYYY-MM-DD`). */
export function venueDayPlus(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: VENUE_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

/** A deadline as it is given at the venue, the instant it stands for, and how the pages write it. */
export function venueDeadline(
  date: string,
  time: string,
): { date: string; time: string; instant: string; words: string } {
  const instant = instantAt(date, time, VENUE_ZONE);
  if (!instant) throw new Error(`${date} ${time} does not exist in New York`);
  return { date, time, instant, words: formatAt(instant, VENUE_ZONE, 'New York') };
}
