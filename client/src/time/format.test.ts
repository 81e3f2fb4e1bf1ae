import { describe, expect, it } from 'vitest';
import { formatDateTime, utcOffset } from './format.ts';

const newYork = { timeZone: 'America/New_York', place: 'New York' };

describe('formatDateTime', () => {
  it('shows a silence deadline in the venue time with the venue named', () => {
    expect(formatDateTime('2021-07-30T16:00:00Z', newYork)).toBe('Friday 30 July 2021, 12:00 (New York)');
  });

  it('names Geneva time after Geneva, though the zone is Europe/Zurich', () => {
    expect(formatDateTime('2021-07-30T16:00:00Z', { timeZone: 'Europe/Zurich', place: 'Geneva' })).toBe(
      'Friday 30 July 2021, 18:00 (Geneva)',
    );
  });

  it('falls back to UTC, and says so, for a time zone it does not know', () => {
    expect(formatDateTime('2021-07-30T16:00:00Z', { timeZone: 'Europe/Geneva', place: 'Geneva' })).toBe(
      'Friday 30 July 2021, 16:00 (UTC)',
    );
  });
});

describe('utcOffset', () => {
  it('gives the offset in force on the day, summer time included', () => {
    expect(utcOffset('America/New_York', new Date('2021-07-30T16:00:00Z'))).toBe('GMT-4');
    expect(utcOffset('America/New_York', new Date('2021-12-30T16:00:00Z'))).toBe('GMT-5');
  });
});
