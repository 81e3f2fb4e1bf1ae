import { describe, expect, it } from 'vitest';
import { deadlinePreview, noticeRule, suggestedDeadline } from './deadline-preview.ts';

const newYork = { timeZone: 'America/New_York', venue: 'New York', silenceNoticeHours: 24 };
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

  it('refuses a deadline under the meeting’s minimum notice, in the words the server uses', () => {
    const thursday = (time: string) => ({ date: '2021-07-29', time, timeZone: newYork.timeZone });
    expect(deadlinePreview(thursday('08:59'), newYork, now, 'UTC')).toEqual({
      kind: 'refused',
      message:
        "A silence procedure in this meeting needs at least 24 hours' notice: choose a deadline at or after Thursday 29 July 2021, 09:00 (New York).",
    });
    expect(deadlinePreview(thursday('09:00'), newYork, now, 'UTC').kind).toBe('deadline');
    // A Chair who set 48 hours is held to them; one who set none, only to the future.
    expect(deadlinePreview(thursday('09:00'), { ...newYork, silenceNoticeHours: 48 }, now, 'UTC')).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining("at least 48 hours' notice"),
    });
    const inTenMinutes = { date: '2021-07-28', time: '09:10', timeZone: newYork.timeZone };
    expect(deadlinePreview(inTenMinutes, { ...newYork, silenceNoticeHours: 0 }, now, 'UTC').kind).toBe('deadline');
  });

  it('names the earliest deadline to the minute the procedure takes, rounded up', () => {
    const halfAMinuteLater = new Date('2021-07-28T13:00:30.000Z');
    const thursday = (time: string) => ({ date: '2021-07-29', time, timeZone: newYork.timeZone });
    expect(deadlinePreview(thursday('09:00'), newYork, halfAMinuteLater, 'UTC')).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('at or after Thursday 29 July 2021, 09:01 (New York).'),
    });
    expect(deadlinePreview(thursday('09:01'), newYork, halfAMinuteLater, 'UTC').kind).toBe('deadline');
  });

  it('refuses a deadline under the notice on the clocks of the zone it was given in, as the server does', () => {
    expect(
      deadlinePreview({ date: '2021-07-29', time: '14:00', timeZone: 'Europe/Zurich' }, newYork, now, 'UTC'),
    ).toEqual({
      kind: 'refused',
      message:
        "A silence procedure in this meeting needs at least 24 hours' notice: choose a deadline at or after Thursday 29 July 2021, 15:00 (Zurich).",
    });
  });

  it('states the meeting’s minimum notice with the earliest deadline it allows now', () => {
    expect(noticeRule(newYork, now)).toBe(
      "This meeting needs at least 24 hours' notice: the deadline must be at or after Thursday 29 July 2021, 09:00 (New York).",
    );
    expect(noticeRule({ ...newYork, silenceNoticeHours: 1 }, now)).toBe(
      "This meeting needs at least 1 hour's notice: the deadline must be at or after Wednesday 28 July 2021, 10:00 (New York).",
    );
    expect(noticeRule({ ...newYork, silenceNoticeHours: 0 }, now)).toBe(
      'This meeting sets no minimum notice: any deadline after now will do.',
    );
  });

  it('refuses a time the clocks skip when they go forward', () => {
    expect(
      deadlinePreview({ date: '2022-03-13', time: '02:30', timeZone: newYork.timeZone }, newYork, now, 'UTC'),
    ).toEqual({
      kind: 'impossible',
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

  it('suggests the first noon the meeting’s minimum notice allows when it is longer than three days', () => {
    // Wednesday 09:00 and 120 hours: Monday 2 August, 09:00, so noon that day.
    expect(suggestedDeadline(now, { ...newYork, silenceNoticeHours: 120 })).toEqual({
      date: '2021-08-02',
      time: '12:00',
      timeZone: 'America/New_York',
    });
    // 129 hours: Monday 18:00, so noon the next day.
    expect(suggestedDeadline(now, { ...newYork, silenceNoticeHours: 129 }).date).toBe('2021-08-03');
  });
});
