import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { describe, expect, it } from 'vitest';
import { objections, procedureOutcome } from './outcome.ts';

const newYork = { timeZone: 'America/New_York', place: 'New York' };

const procedure = (overrides: Partial<SilenceProcedureView>): SilenceProcedureView => ({
  id: 'p-1',
  revisionId: 'r-1',
  status: 'running',
  deadline: '2021-07-30T16:00:00.000Z',
  timeZone: 'America/New_York',
  deadlineAtVenue: 'Friday 30 July 2021, 12:00 (New York)',
  startedAt: '2021-07-27T16:00:00.000Z',
  startedBy: { name: 'Amina Wanjiru', delegation: 'Kenya' },
  endedAt: null,
  endedBy: null,
  objection: null,
  ...overrides,
});

const brokenBy = (id: string, delegation: string, endedAt: string) =>
  procedure({
    id,
    status: 'broken',
    endedAt,
    endedBy: { name: `A delegate of ${delegation}`, delegation },
    objection: `${delegation} objects.`,
  });

describe('how a silence procedure ended, as the page says it', () => {
  it('says an adoption at the deadline in the venue’s time', () => {
    expect(procedureOutcome(procedure({ status: 'adopted', endedAt: '2021-07-30T16:00:00.000Z' }), newYork)).toBe(
      'Adopted on Friday 30 July 2021, 12:00 (New York), at the end of a silence procedure with no objection.',
    );
  });

  it('names the delegation that broke silence, and when', () => {
    expect(procedureOutcome(brokenBy('p-2', 'Nigeria', '2021-07-29T14:15:00.000Z'), newYork)).toBe(
      'Silence was broken by Nigeria on Thursday 29 July 2021, 10:15 (New York).',
    );
  });

  it('names who withdrew the procedure', () => {
    const withdrawn = procedure({
      status: 'withdrawn',
      endedAt: '2021-07-28T13:00:00.000Z',
      endedBy: { name: 'Amina Wanjiru', delegation: 'Kenya' },
    });
    expect(procedureOutcome(withdrawn, newYork)).toBe(
      'The silence procedure was withdrawn by Amina Wanjiru (Kenya) on Wednesday 28 July 2021, 09:00 (New York).',
    );
  });

  it('lists the objections of every broken procedure, oldest first, and nothing else', () => {
    const listed = objections([
      brokenBy('p-3', 'Brazil', '2021-07-29T18:00:00.000Z'),
      procedure({ id: 'p-4', status: 'withdrawn', endedAt: '2021-07-29T12:00:00.000Z' }),
      brokenBy('p-2', 'Nigeria', '2021-07-29T14:15:00.000Z'),
    ]);
    expect(listed.map((p) => p.endedBy?.delegation)).toEqual(['Nigeria', 'Brazil']);
  });
});
