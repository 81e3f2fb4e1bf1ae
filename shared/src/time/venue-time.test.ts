import { describe, expect, it } from 'vitest';
import { formatAt, instantAt } from './venue-time.ts';

describe('instantAt', () => {
  it('reads a deadline in New York summer time as the instant it stands for', () => {
    expect(instantAt('2021-07-30', '12:00', 'America/New_York')).toBe('2021-07-30T16:00:00.000Z');
  });

  it('reads Geneva winter and summer time with their own offsets', () => {
    expect(instantAt('2021-01-15', '09:30', 'Europe/Zurich')).toBe('2021-01-15T08:30:00.000Z');
    expect(instantAt('2021-08-15', '09:30', 'Europe/Zurich')).toBe('2021-08-15T07:30:00.000Z');
  });

  it('finds no instant for a time the clocks skip, nor for a day or time that does not exist', () => {
    expect(instantAt('2021-03-14', '02:30', 'America/New_York')).toBeNull();
    expect(instantAt('2021-02-31', '12:00', 'America/New_York')).toBeNull();
    expect(instantAt('2021-07-30', '24:00', 'America/New_York')).toBeNull();
    expect(instantAt('30/07/2021', '12:00', 'America/New_York')).toBeNull();
  });
});

describe('formatAt', () => {
  it('shows an instant on the clocks of the venue and of the reader, each named', () => {
    expect(formatAt('2021-07-30T16:00:00.000Z', 'America/New_York', 'New York')).toBe(
      'Friday 30 July 2021, 12:00 (New York)',
    );
    expect(formatAt('2021-07-30T16:00:00.000Z', 'Asia/Tokyo', 'your time')).toBe(
      'Saturday 31 July 2021, 01:00 (your time)',
    );
  });
});
