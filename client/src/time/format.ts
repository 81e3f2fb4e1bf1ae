/**
 * Dates as a negotiation reads them: always with the place whose clock they follow, e.g.
 * "Friday 30 July 2021, 12:00 (New York)" (DESIGN.md §5, STYLE.md).
 */

import { formatAt } from '@zerodraft/shared/time/venue-time.ts';

/** A time zone and the words that name it to the reader. */
export interface Clock {
  timeZone: string;
  place: string;
}

/** The venue's clock, named after the venue: Geneva keeps Europe/Zurich time but is "Geneva". */
export function venueClock(meeting: { timeZone: string; venue: string }): Clock {
  return { timeZone: meeting.timeZone, place: meeting.venue };
}

export function readerClock(): Clock {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, place: 'your time' };
}

/** The zone's offset from UTC at `at`, e.g. "GMT-4"; "UTC" for an unknown zone. */
export function utcOffset(timeZone: string, at: Date = new Date()): string {
  if (!isKnownTimeZone(timeZone)) return 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? 'UTC';
}

export function formatDateTime(iso: string, clock: Clock): string {
  // An unknown zone would throw; showing UTC, and saying so, is still true.
  const { timeZone, place } = isKnownTimeZone(clock.timeZone) ? clock : { timeZone: 'UTC', place: 'UTC' };
  return formatAt(iso, timeZone, place);
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
