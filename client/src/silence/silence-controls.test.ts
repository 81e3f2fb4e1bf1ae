import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import type { Standing } from '@zerodraft/shared/roles/permissions.ts';
import { describe, expect, it } from 'vitest';
import { silenceControls } from './silence-controls.ts';

const chair: Standing = { role: 'chair', hasPen: false, sections: [] };
const delegate: Standing = { role: 'delegation', hasPen: false, sections: [] };
const bureauWithoutPen: Standing = { role: 'bureau', hasPen: false, sections: [] };
const bureauWithPen: Standing = { role: 'bureau', hasPen: true, sections: [] };
const facilitator: Standing = { role: 'facilitator', hasPen: false, sections: ['s-1'] };
const secretariat: Standing = { role: 'secretariat', hasPen: false, sections: [] };
const observer: Standing = { role: 'observer', hasPen: false, sections: [] };

const deadline = '2021-07-30T16:00:00.000Z';
const before = new Date('2021-07-30T15:59:59.000Z');
const atDeadline = new Date(deadline);

const running: SilenceProcedureView = {
  id: 'p-1',
  revisionId: 'r-1',
  status: 'running',
  deadline,
  timeZone: 'America/New_York',
  deadlineAtVenue: 'Friday 30 July 2021, 12:00 (New York)',
  startedAt: '2021-07-27T16:00:00.000Z',
  startedBy: { name: 'Amina Wanjiru', delegation: 'Kenya' },
  endedAt: null,
  endedBy: null,
  objection: null,
};

const offered = (
  standing: Standing,
  revisionState: 'circulated' | 'under_silence',
  now = before,
  appointed = standing === facilitator,
) =>
  silenceControls({
    standing,
    appointed,
    revisionState,
    current: revisionState === 'circulated' ? null : running,
    now,
  });

describe('the silence procedure’s buttons, by who reads the page', () => {
  it('offers the Chair and a facilitator appointed for the document to place a circulated text under silence', () => {
    expect(offered(chair, 'circulated').start).toBe(true);
    expect(offered(facilitator, 'circulated').start).toBe(true);
    for (const standing of [delegate, bureauWithPen, secretariat, observer]) {
      expect(offered(standing, 'circulated').start).toBe(false);
    }
  });

  it('offers a facilitator not appointed for the document nothing, whatever sections they hold', () => {
    expect(offered(facilitator, 'circulated', before, false).start).toBe(false);
    expect(offered(facilitator, 'under_silence', before, false).withdraw).toBe(false);
  });

  it('gives an appointment no effect for anyone but a facilitator', () => {
    for (const standing of [delegate, bureauWithPen, secretariat, observer]) {
      expect(offered(standing, 'circulated', before, true).start).toBe(false);
    }
  });

  it('offers no new silence on a text that is not circulated', () => {
    for (const revisionState of ['in_preparation', 'superseded', 'adopted'] as const) {
      expect(
        silenceControls({ standing: chair, appointed: false, revisionState, current: null, now: before }).start,
      ).toBe(false);
    }
    expect(offered(chair, 'under_silence').start).toBe(false);
  });

  it('lets delegations, and a Bureau member speaking for theirs, break silence before the deadline', () => {
    expect(offered(delegate, 'under_silence').breakSilence).toBe(true);
    expect(offered(bureauWithoutPen, 'under_silence').breakSilence).toBe(true);
    for (const standing of [chair, bureauWithPen, facilitator, secretariat, observer]) {
      expect(offered(standing, 'under_silence').breakSilence).toBe(false);
    }
  });

  it('lets the Chair and an appointed facilitator withdraw the procedure, and nobody else', () => {
    expect(offered(chair, 'under_silence').withdraw).toBe(true);
    expect(offered(facilitator, 'under_silence').withdraw).toBe(true);
    for (const standing of [delegate, bureauWithPen, secretariat, observer]) {
      expect(offered(standing, 'under_silence').withdraw).toBe(false);
    }
  });

  it('offers neither breaking nor withdrawing from the deadline on, to the millisecond', () => {
    expect(offered(delegate, 'under_silence', new Date(atDeadline.getTime() - 1)).breakSilence).toBe(true);
    expect(offered(delegate, 'under_silence', atDeadline)).toEqual({
      start: false,
      breakSilence: false,
      withdraw: false,
    });
    expect(offered(chair, 'under_silence', atDeadline)).toEqual({ start: false, breakSilence: false, withdraw: false });
  });
});
