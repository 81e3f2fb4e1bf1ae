import { describe, expect, it } from 'vitest';
import { inReaderTime, withReaderTime, zoneCity } from './reader-time.ts';

const NOON_IN_NEW_YORK = '2021-07-30T16:00:00.000Z';
const newYork = { timeZone: 'America/New_York', place: 'New York' };

describe('a deadline in the reader’s own time', () => {
  it('names the reader’s zone after its city', () => {
    expect(zoneCity('Europe/Zurich')).toBe('Zurich');
    expect(zoneCity('America/Mexico_City')).toBe('Mexico City');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('gives the time alone on the same day, and the day too when the reader is on another', () => {
    expect(inReaderTime(NOON_IN_NEW_YORK, 'America/New_York', 'Europe/Zurich')).toBe('18:00 in your time (Zurich)');
    expect(inReaderTime(NOON_IN_NEW_YORK, 'America/New_York', 'Asia/Tokyo')).toBe(
      'Saturday 31 July 2021, 01:00 in your time (Tokyo)',
    );
  });

  it('adds nothing when the reader’s clocks show what the venue’s do', () => {
    expect(inReaderTime(NOON_IN_NEW_YORK, 'America/New_York', 'America/New_York')).toBeNull();
    expect(inReaderTime(NOON_IN_NEW_YORK, 'America/New_York', 'America/Toronto')).toBeNull();
    expect(withReaderTime(NOON_IN_NEW_YORK, newYork, 'America/New_York')).toBe('Friday 30 July 2021, 12:00 (New York)');
  });

  it('writes the venue’s time first and the reader’s after it', () => {
    expect(withReaderTime(NOON_IN_NEW_YORK, newYork, 'Europe/Zurich')).toBe(
      'Friday 30 July 2021, 12:00 (New York) — 18:00 in your time (Zurich)',
    );
  });
});
