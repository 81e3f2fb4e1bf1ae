import { describe, expect, it } from 'vitest';
import { revisionTransition } from './revision-states.ts';
import { breakSilence, type SilenceProcedure, startSilence, withdrawSilence } from './silence.ts';

const venue = { timeZone: 'America/New_York', place: 'New York' };
const chair = { userId: 'u-ken', userName: 'Amina Wanjiru', delegationId: 'd-ken', delegationName: 'Kenya' };
const nigeria = { userId: 'u-nga', userName: 'Chidi Okafor', delegationId: 'd-nga', delegationName: 'Nigeria' };
const deadline = '2021-07-30T16:00:00.000Z';

const start = (now: string, at = deadline, noticeHours = 24) =>
  startSilence({
    id: 's1',
    revisionId: 'r1',
    revisionState: 'circulated',
    deadline: at,
    timeZone: venue.timeZone,
    by: chair,
    now: new Date(now),
    noticeHours,
    venue,
  });

function running(): SilenceProcedure {
  const started = start('2021-07-28T16:00:00.000Z');
  if (!started.ok) throw new Error(started.reason);
  return started.procedure;
}

describe('starting a silence procedure', () => {
  it('refuses a deadline in the past, naming it in venue time', () => {
    expect(start('2021-07-31T09:00:00.000Z')).toEqual({
      ok: false,
      reason: 'The deadline Friday 30 July 2021, 12:00 (New York) has already passed. Choose a later one.',
    });
  });

  it('refuses a deadline under the meeting’s notice and says the earliest one it takes', () => {
    expect(start('2021-07-29T20:00:00.000Z')).toEqual({
      ok: false,
      reason:
        "A silence procedure in this meeting needs at least 24 hours' notice: choose a deadline at or after Friday 30 July 2021, 16:00 (New York).",
    });
    expect(start('2021-07-29T20:00:00.000Z', deadline, 12)).toMatchObject({ ok: true });
  });

  it('names the earliest deadline to the minute, rounded up, and takes that minute', () => {
    const halfAMinuteAfter = '2021-07-29T15:00:30.000Z';
    expect(start(halfAMinuteAfter, '2021-07-29T16:00:00.000Z', 1)).toEqual({
      ok: false,
      reason:
        "A silence procedure in this meeting needs at least 1 hour's notice: choose a deadline at or after Thursday 29 July 2021, 12:01 (New York).",
    });
    expect(start(halfAMinuteAfter, '2021-07-29T16:01:00.000Z', 1)).toMatchObject({ ok: true });
  });

  it('takes only a circulated revision', () => {
    const preparing = startSilence({
      id: 's1',
      revisionId: 'r1',
      revisionState: 'in_preparation',
      deadline,
      timeZone: venue.timeZone,
      by: chair,
      now: new Date('2021-07-28T16:00:00.000Z'),
      noticeHours: 24,
      venue,
    });
    expect(preparing).toEqual({
      ok: false,
      reason: 'This revision is in preparation: it cannot be placed under silence.',
    });
    expect(revisionTransition('adopted', 'startSilence')).toEqual({
      ok: false,
      reason: 'This revision has been adopted and can no longer change: it cannot be placed under silence.',
    });
  });
});

describe('breaking silence', () => {
  it('takes an objection one millisecond before the deadline and refuses one at it', () => {
    const before = breakSilence(running(), {
      by: nigeria,
      objection: 'Nigeria cannot join consensus on paragraph 12.',
      now: new Date(Date.parse(deadline) - 1),
      venue,
    });
    expect(before).toMatchObject({ ok: true, procedure: { status: 'broken', endedBy: nigeria } });
    expect(breakSilence(running(), { by: nigeria, objection: 'Too late.', now: new Date(deadline), venue })).toEqual({
      ok: false,
      reason:
        'The silence procedure ended at Friday 30 July 2021, 12:00 (New York), with no objection before it: the text is adopted.',
    });
  });

  it('needs the objection in writing', () => {
    expect(
      breakSilence(running(), { by: nigeria, objection: '  ', now: new Date('2021-07-29T00:00:00Z'), venue }),
    ).toEqual({
      ok: false,
      reason: 'Silence is broken in writing: give the objection.',
    });
  });

  it('ends a procedure once: a broken one can be neither broken again nor withdrawn', () => {
    const now = new Date('2021-07-29T00:00:00Z');
    const broken = breakSilence(running(), { by: nigeria, objection: 'No.', now, venue });
    if (!broken.ok) throw new Error(broken.reason);
    const again = 'This silence procedure has already ended: it was broken.';
    expect(breakSilence(broken.procedure, { by: nigeria, objection: 'No.', now, venue })).toEqual({
      ok: false,
      reason: again,
    });
    expect(withdrawSilence(broken.procedure, { by: chair, now, venue })).toEqual({ ok: false, reason: again });
  });
});
