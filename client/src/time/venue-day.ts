/**
 * Calendar days at the venue. Meeting dates and the audit log's "from"/"to" filters are days
 * as the venue lives them: 30 July in New York starts at 04:00 UTC.
 */

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`, as an ISO 8601 UTC time; null for a malformed day. */
export function startOfDay(day: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const wallMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(wallMidnight)) return null;
  // The offset at midnight can differ from the one a guess lands on when a clock change is near.
  let instant = wallMidnight - offsetAt(timeZone, wallMidnight);
  instant = wallMidnight - offsetAt(timeZone, instant);
  return new Date(instant).toISOString();
}

/** The day after `day`, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + 1)).toISOString().slice(0, 10);
}

/** A meeting's days as people write them: "26–30 July 2021", or one date, or nothing known. */
export function formatMeetingDays(startsOn: string | null, endsOn: string | null): string | null {
  const format = (day: string, parts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...parts }).format(new Date(`${day}T00:00:00Z`));
  const full: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (startsOn && endsOn && startsOn !== endsOn) {
    const sameMonth = startsOn.slice(0, 7) === endsOn.slice(0, 7);
    const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
    const from = format(startsOn, sameMonth ? { day: 'numeric' } : sameYear ? { day: 'numeric', month: 'long' } : full);
    return `${from}–${format(endsOn, full)}`;
  }
  const only = startsOn ?? endsOn;
  return only ? format(only, full) : null;
}
