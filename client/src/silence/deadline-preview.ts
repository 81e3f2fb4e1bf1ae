import {
  deadlineClock,
  deadlineInWords,
  deadlineRefusal,
  earliestDeadline,
  noticeInWords,
} from '@zerodraft/shared/lifecycle/silence.ts';
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
  /** The meeting's minimum notice for a silence procedure. */
  silenceNoticeHours: number;
}

/**
 * The deadline as the Chair types it, read back in the venue's time and the reader's own, or
 * why it cannot be one. `impossible`: no such time at all (the clocks skip it). `refused`: past,
 * or under the meeting's minimum notice, in the server's words, by this browser's clock, which
 * may be wrong: the server, on its own clock, decides.
 */
export type DeadlinePreview =
  | { kind: 'incomplete'; message: string }
  | { kind: 'impossible'; message: string }
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
      kind: 'impossible',
      message: `${fields.date} at ${fields.time} does not exist in ${zoneCity(zone)} time: the clocks skip it. Choose another time.`,
    };
  }
  const zoneClock = deadlineClock(zone, meeting);
  const refusal = deadlineRefusal(instant, now, meeting.silenceNoticeHours, zoneClock);
  if (refusal) return { kind: 'refused', message: refusal };
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

/** The meeting's minimum notice as the form states it, with the earliest deadline it allows now. */
export function noticeRule(meeting: Venue, now: Date): string {
  if (meeting.silenceNoticeHours === 0) {
    return 'This meeting sets no minimum notice: any deadline after now will do.';
  }
  const earliest = deadlineInWords(earliestDeadline(now, meeting.silenceNoticeHours).toISOString(), {
    timeZone: meeting.timeZone,
    place: meeting.venue,
  });
  return `This meeting needs at least ${noticeInWords(meeting.silenceNoticeHours)}: the deadline must be at or after ${earliest}.`;
}

/** Three days: the 72 hours UN practice most often gives a silence procedure. */
const SUGGESTED_DAYS_AHEAD = 3;

/**
 * What the form offers first: noon at the venue, three days from today there, or the first
 * noon after that the meeting's minimum notice allows.
 */
export function suggestedDeadline(now: Date, meeting: Venue): DeadlineFields {
  const today = venueDay(now, meeting.timeZone);
  const [year, month, day] = today.split('-').map(Number);
  const earliest = earliestDeadline(now, meeting.silenceNoticeHours).getTime();
  let ahead = SUGGESTED_DAYS_AHEAD;
  for (;;) {
    const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + ahead)).toISOString().slice(0, 10);
    const noon = instantAt(date, '12:00', meeting.timeZone);
    if (noon && Date.parse(noon) >= earliest) return { date, time: '12:00', timeZone: meeting.timeZone };
    ahead += 1;
  }
}
