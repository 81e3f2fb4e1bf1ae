import type { Clock } from '@zerodraft/server/clock.ts';

/** A server clock the test sets and moves by hand; it stands still in between. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(at: string | Date): void {
    this.#now = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
