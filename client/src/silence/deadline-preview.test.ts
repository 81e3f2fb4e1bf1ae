import { describe, expect, it } from 'vitest';
import { deadlinePreview, suggestedDeadline } from './deadline-preview.ts';

const newYork = { timeZone: 'America/New_York', venue: 'New York' };
/** Wednesday 28 July 2021, 09:00 in New York. */
const now = new Date('2021-07-28T13:00:00.000Z');

describe('the deadline the Chair types, read back before it is sent', () => {
  it('asks for the day and the time until both are given', () => {
    expect(deadlinePreview({ date: '', time: '12:00', timeZone: newYork.timeZone }, newYork, now, 'UTC')).toEqual({
      kind: 'incomplete',
      message: 'Give the day and the time the silence procedure ends.',
    });
  });

  it('reads the deadline in the venue’s time, the reader’s own, and how far off it is', () => {
    const preview = deadlinePreview(
      { date: '2021-07-30', time: '12:00', timeZone: newYork.timeZone },
      newYork,
      now,
      'Europe/Zurich',
    );
    expect(preview).toEqual({
      kind: 'deadline',
      instant: '2021-07-30T16:00:00.000Z',
      atVenue: 'Friday 30 July 2021, 12:00 (New York)',
      inZoneChosen: null,
      inReaderTime: '18:00 in your time (Zurich)',
      fromNow: '2 days and 3 hours from now',
    });
  });

  it('reads a deadline given in another zone back in the venue’s time as well', () => {
    const preview = deadlinePreview(
      { date: '2021-07-30', time: '18:00', timeZone: 'Europe/Zurich' },
      newYork,
      now,
      'America/New_York',
    );
    expect(preview).toMatchObject({
      kind: 'deadline',
      atVenue: 'Friday 30 July 2021, 12:00 (New York)',
      inZoneChosen: 'Friday 30 July 2021, 18:00 (Zurich)',
      inReaderTime: null,
    });
  });

  it('refuses a deadline that has passed, in the words the server uses', () => {
    expect(
      deadlinePreview({ date: '2021-07-28', time: '08:59', timeZone: newYork.timeZone }, newYork, now, 'UTC'),
    ).toEqual({
      kind: 'refused',
      message: 'The deadline Wednesday 28 July 2021, 08:59 (New York) has already passed. Choose a later one.',
    });
  });

  it('refuses a time the clocks skip when they go forward', () => {
    expect(
      deadlinePreview({ date: '2022-03-13', time: '02:30', timeZone: newYork.timeZone }, newYork, now, 'UTC'),
    ).toEqual({
      kind: 'refused',
      message: '2022-03-13 at 02:30 does not exist in New York time: the clocks skip it. Choose another time.',
    });
  });

  it('suggests noon at the venue three days ahead, counted in the venue’s days', () => {
    expect(suggestedDeadline(now, newYork)).toEqual({
      date: '2021-07-31',
      time: '12:00',
      timeZone: 'America/New_York',
    });
    // 23:30 on 31 July in New York is already 1 August in UTC: the venue's day counts.
    expect(suggestedDeadline(new Date('2021-08-01T03:30:00.000Z'), newYork).date).toBe('2021-08-03');
  });
});
