/**
 * The time left before a silence deadline, as the lock banner says it: days, hours and
 * minutes, and seconds only in the last minute, when they matter.
 */

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "2 days, 3 hours and 12 minutes" */
function inWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Whole seconds left, rounded up: with 0.4 s to go, one second is still left. */
const secondsLeft = (ms: number) => Math.ceil(ms / 1000);

/** "2 days, 3 hours and 12 minutes left", "59 minutes left", "45 seconds left". */
export function timeLeft(ms: number): string {
  const seconds = secondsLeft(ms);
  if (seconds <= 0) return 'The deadline has passed.';
  if (seconds < 60) return `${plural(seconds, 'second')} left`;
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const parts = [
    ...(days > 0 ? [plural(days, 'day')] : []),
    ...(hours > 0 ? [plural(hours, 'hour')] : []),
    ...(minutes % 60 > 0 ? [plural(minutes % 60, 'minute')] : []),
  ];
  return `${inWords(parts)} left`;
}

/**
 * What a screen reader hears: the same words to the minute, so the live region changes at
 * most once a minute, never every second.
 */
export function timeLeftAnnounced(ms: number): string {
  const seconds = secondsLeft(ms);
  if (seconds > 0 && seconds < 60) return 'Less than a minute left.';
  return seconds <= 0 ? timeLeft(ms) : `${timeLeft(ms)}.`;
}

/**
 * How long until `timeLeft` says something else, in milliseconds: the next whole second in the
 * last minute, the next whole minute before it; null once the deadline has passed.
 */
export function untilNextChange(ms: number): number | null {
  const seconds = secondsLeft(ms);
  if (seconds <= 0) return null;
  const nextShown = seconds < 60 ? seconds - 1 : Math.floor(seconds / 60) * 60 - 1;
  return ms - nextShown * 1000;
}
