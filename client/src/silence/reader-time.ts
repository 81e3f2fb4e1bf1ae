import { formatAt } from '@zerodraft/shared/time/venue-time.ts';

/**
 * A silence deadline in the reader's own time, beside the venue's (DESIGN.md §5): a delegate
 * in Geneva following a New York silence must not have to work out the offset.
 */

/** The city an IANA zone is named after: "Europe/Zurich" → "Zurich", "America/Mexico_City" → "Mexico City". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}

function wallClock(iso: string, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * "18:00 in your time (Zurich)", or with the day when the reader's clocks are on another one:
 * "Saturday 31 July 2021, 01:00 in your time (Tokyo)". Null when the reader's clocks show what
 * the deadline's do: there is nothing to add.
 */
export function inReaderTime(iso: string, deadlineZone: string, readerZone: string): string | null {
  const there = wallClock(iso, deadlineZone);
  const here = wallClock(iso, readerZone);
  if (here.day === there.day && here.time === there.time) return null;
  const when = here.day === there.day ? here.time : `${here.day}, ${here.time}`;
  return `${when} in your time (${zoneCity(readerZone)})`;
}

/** "Friday 30 July 2021, 12:00 (New York) — 18:00 in your time (Zurich)" */
export function withReaderTime(iso: string, clock: { timeZone: string; place: string }, readerZone: string): string {
  const reader = inReaderTime(iso, clock.timeZone, readerZone);
  const venue = formatAt(iso, clock.timeZone, clock.place);
  return reader ? `${venue} — ${reader}` : venue;
}

/** The reader's own IANA zone, as the browser knows it. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
