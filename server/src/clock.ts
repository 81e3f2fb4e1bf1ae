/**
 * The server's time source, passed in wherever a decision depends on the time (the deadline
 * of a silence procedure above all), so tests control it (STYLE.md: mock only the clock).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * TEST ONLY: a clock that reads `start` when created and then runs at the speed of the real
 * one, so a test can start a server process in the past or the future (`TEST_ONLY_CLOCK_START`).
 */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
