/**
 * Wall-clock times at a venue, as a negotiation gives them ("Friday 30 July 2021, 12:00, New
 * York"), and the instants they stand for. Server and client both read deadlines this way.
 */

const wallClockParts = (timeZone: string, instant: number) => {
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
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
};

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(timeZone: string, instant: number): number {
  return wallClockParts(timeZone, instant) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO 8601, UTC) at which the clocks of `timeZone` show `day` (`YYYY-MM-DD`) at
 * `time` (`HH:MM`); null when no such instant exists: a malformed day or time, or a time the
 * clocks skip when they go forward.
 */
export function instantAt(day: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const real = new Date(wall);
  if (Number.isNaN(wall) || real.getUTCDate() !== Number(d[3]) || real.getUTCHours() !== Number(t[1])) return null;
  if (Number(t[2]) > 59) return null;
  // Two rounds: the offset near a clock change can differ from the one a first guess lands on.
  let instant = wall - offsetAt(timeZone, wall);
  instant = wall - offsetAt(timeZone, instant);
  // Round-trips only if the clocks really show that time (not 31 February, not 02:30 on a spring-forward night).
  if (wallClockParts(timeZone, instant) !== wall) return null;
  return new Date(instant).toISOString();
}

/**
 * An instant as the clocks of a place show it, named after the place:
 * "Friday 30 July 2021, 12:00 (New York)" (DESIGN.md §5).
 */
export function formatAt(iso: string, timeZone: string, place: string): string {
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
  // Assembled from parts: ICU versions disagree on the commas between them.
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${place})`;
}
