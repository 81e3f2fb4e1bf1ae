import { describe, expect, it } from 'vitest';
import { formatMeetingDays, nextDay, startOfDay } from './venue-day.ts';

describe('startOfDay', () => {
  it('finds midnight at the venue, in summer and in winter time', () => {
    expect(startOfDay('2021-07-30', 'America/New_York')).toBe('2021-07-30T04:00:00.000Z');
    expect(startOfDay('2021-12-01', 'America/New_York')).toBe('2021-12-01T05:00:00.000Z');
    expect(startOfDay('2021-07-30', 'Europe/Zurich')).toBe('2021-07-29T22:00:00.000Z');
    expect(startOfDay('2021-07-30', 'UTC')).toBe('2021-07-30T00:00:00.000Z');
  });

  it('finds midnight on the day the clocks change', () => {
    expect(startOfDay('2021-03-14', 'America/New_York')).toBe('2021-03-14T05:00:00.000Z');
    expect(startOfDay('2021-11-07', 'America/New_York')).toBe('2021-11-07T04:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(startOfDay('30/07/2021', 'UTC')).toBeNull();
    expect(startOfDay('', 'UTC')).toBeNull();
  });
});

describe('nextDay', () => {
  it('crosses months and years', () => {
    expect(nextDay('2021-07-31')).toBe('2021-08-01');
    expect(nextDay('2021-12-31')).toBe('2022-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});

describe('formatMeetingDays', () => {
  it('writes a meeting’s days as a programme does', () => {
    expect(formatMeetingDays('2021-07-26', '2021-07-30')).toBe('26–30 July 2021');
    expect(formatMeetingDays('2021-07-29', '2021-08-02')).toBe('29 July–2 August 2021');
    expect(formatMeetingDays('2021-12-30', '2022-01-02')).toBe('30 December 2021–2 January 2022');
    expect(formatMeetingDays('2021-07-26', null)).toBe('26 July 2021');
    expect(formatMeetingDays(null, null)).toBeNull();
  });
});
