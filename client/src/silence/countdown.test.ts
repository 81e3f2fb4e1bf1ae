import { describe, expect, it } from 'vitest';
import { timeLeft, timeLeftAnnounced, untilNextChange } from './countdown.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('the time left before a silence deadline', () => {
  it('says days, hours and minutes while the deadline is far', () => {
    expect(timeLeft(2 * DAY + 3 * HOUR + 12 * MINUTE + 30 * SECOND)).toBe('2 days, 3 hours and 12 minutes left');
    expect(timeLeft(DAY + 5 * MINUTE)).toBe('1 day and 5 minutes left');
    expect(timeLeft(3 * DAY)).toBe('3 days left');
    expect(timeLeft(HOUR + MINUTE)).toBe('1 hour and 1 minute left');
  });

  it('counts whole minutes down, and seconds only in the last minute', () => {
    expect(timeLeft(59 * MINUTE + 59 * SECOND)).toBe('59 minutes left');
    expect(timeLeft(MINUTE)).toBe('1 minute left');
    expect(timeLeft(59 * SECOND)).toBe('59 seconds left');
    expect(timeLeft(1 * SECOND)).toBe('1 second left');
    // A fraction of a second is still time to object.
    expect(timeLeft(400)).toBe('1 second left');
  });

  it('says the deadline has passed at and after it', () => {
    expect(timeLeft(0)).toBe('The deadline has passed.');
    expect(timeLeft(-5 * MINUTE)).toBe('The deadline has passed.');
  });

  it('announces to the minute, never second by second', () => {
    expect(timeLeftAnnounced(2 * HOUR + 30 * SECOND)).toBe('2 hours left.');
    expect(timeLeftAnnounced(59 * SECOND)).toBe('Less than a minute left.');
    expect(timeLeftAnnounced(3 * SECOND)).toBe('Less than a minute left.');
    expect(timeLeftAnnounced(0)).toBe('The deadline has passed.');
    const heard = new Set<string>();
    for (let ms = 5 * MINUTE; ms > 0; ms -= SECOND) heard.add(timeLeftAnnounced(ms));
    // 5, 4, 3, 2 and 1 minutes, then less than a minute: six announcements in five minutes.
    expect([...heard]).toEqual([
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
      '1 minute left.',
      'Less than a minute left.',
    ]);
  });

  it('wakes up exactly when the words change: each minute, then each second, then never', () => {
    expect(untilNextChange(2 * HOUR + 30 * SECOND)).toBe(31 * SECOND);
    expect(untilNextChange(2 * MINUTE)).toBe(SECOND);
    expect(untilNextChange(90 * SECOND)).toBe(31 * SECOND);
    expect(untilNextChange(MINUTE)).toBe(SECOND);
    expect(untilNextChange(59_500)).toBe(500);
    expect(untilNextChange(1)).toBe(1);
    expect(untilNextChange(0)).toBeNull();
    for (const ms of [3 * DAY + 17, HOUR + 61 * SECOND, 61_001, 30_250]) {
      const wait = untilNextChange(ms) ?? 0;
      expect(timeLeft(ms - wait)).not.toBe(timeLeft(ms));
      expect(timeLeft(ms - wait + 1)).toBe(timeLeft(ms));
    }
  });
});
