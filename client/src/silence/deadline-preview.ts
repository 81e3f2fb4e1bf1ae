import { deadlineRefusal } from '@zerodraft/shared/lifecycle/silence.ts';
import { formatAt, instantAt } from '@zerodraft/shared/time/venue-time.ts';
import { timeLeft } from './countdown.ts';
import { inReaderTime, zoneCity } from './reader-time.ts';

/** What the Chair has typed so far: a day, a time of day, and the zone they are read in. */
export interface DeadlineFields {
  /** `YYYY-MM-DD`, as a date input gives it; empty until chosen. */
  date: string;
  /** `HH:MM`, as a time input gives it; empty until chosen. */
  time: string;
  timeZone: string;
}

export interface Venue {
  timeZone: string;
  venue: string;
}

/**
 * The deadline as the Chair types it, read back in the venue's time and the reader's own, or
 * why it cannot be one. The minimum notice is the meeting's, known to the server only: it
 * answers with its reason when the form is sent.
 */
export type DeadlinePreview =
  | { kind: 'incomplete'; message: string }
  | { kind: 'refused'; message: string }
  | {
      kind: 'deadline';
      /** ISO 8601, UTC */
      instant: string;
      /** "Friday 30 July 2021, 12:00 (New York)" */
      atVenue: string;
      /** The same instant on the clocks of the zone chosen, when it is not the venue's. */
      inZoneChosen: string | null;
      /** "18:00 in your time (Zurich)", when the reader's clocks differ. */
      inReaderTime: string | null;
      /** "2 days and 3 hours from now" */
      fromNow: string;
    };

export function deadlinePreview(
  fields: DeadlineFields,
  meeting: Venue,
  now: Date,
  readerZone: string,
): DeadlinePreview {
  if (!fields.date || !fields.time) {
    return { kind: 'incomplete', message: 'Give the day and the time the silence procedure ends.' };
  }
  const zone = fields.timeZone || meeting.timeZone;
  const instant = instantAt(fields.date, fields.time, zone);
  if (!instant) {
    return {
      kind: 'refused',
      message: `${fields.date} at ${fields.time} does not exist in ${zoneCity(zone)} time: the clocks skip it. Choose another time.`,
    };
  }
  const zoneClock = { timeZone: zone, place: zone === meeting.timeZone ? meeting.venue : zoneCity(zone) };
  const past = deadlineRefusal(instant, now, 0, zoneClock);
  if (past) return { kind: 'refused', message: past };
  return {
    kind: 'deadline',
    instant,
    atVenue: formatAt(instant, meeting.timeZone, meeting.venue),
    inZoneChosen: zone === meeting.timeZone ? null : formatAt(instant, zone, zoneClock.place),
    inReaderTime: inReaderTime(instant, meeting.timeZone, readerZone),
    fromNow: timeLeft(Date.parse(instant) - now.getTime()).replace(/ left$/, ' from now'),
  };
}

/** `YYYY-MM-DD` of the day the venue is living at `instant`. */
function venueDay(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/**
 * What the form offers first: noon at the venue, three days from today there — the 72 hours
 * UN practice most often gives a silence procedure.
 */
export function suggestedDeadline(now: Date, meeting: Venue): DeadlineFields {
  const today = venueDay(now, meeting.timeZone);
  const [year, month, day] = today.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 3)).toISOString().slice(0, 10);
  return { date, time: '12:00', timeZone: meeting.timeZone };
}
