import type { ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import { describe, expect, it } from 'vitest';
import { NameBook } from '../proposals/names.ts';
import { closedRecord, ensureRecords, findRecord, proposalRecords } from '../proposals/records.ts';
import { inserted, japan, mexico, paragraph, revisionText, words } from '../proposals/test-text.ts';
import { proposalOutcomes, proposalStatuses } from './history.ts';

const statuses = (entries: [string, ProposalStatus][]) => new Map(entries);

describe('what became of a revision’s proposals', () => {
  const draftOne = statuses([
    ['p-accepted', 'accepted'],
    ['p-rejected', 'rejected'],
    ['p-withdrawn', 'withdrawn'],
    ['p-taken', 'pending'],
    ['p-dropped', 'pending'],
  ]);

  it('counts pending proposals as pending until the next revision goes out', () => {
    expect(proposalOutcomes(draftOne, null)).toEqual({
      pending: 2,
      accepted: 1,
      rejected: 1,
      withdrawn: 1,
      carriedForward: 0,
      leftBehind: 0,
    });
  });

  it('counts them carried forward or left behind by the next revision’s records', () => {
    const draftTwo = statuses([
      ['p-taken', 'pending'],
      ['p-new', 'pending'],
    ]);
    expect(proposalOutcomes(draftOne, { statuses: draftTwo })).toMatchObject({
      pending: 0,
      carriedForward: 1,
      leftBehind: 1,
    });
  });

  it('reads the statuses from the records of a revision’s Y.Doc, leaving out unreadable ones', () => {
    const doc = revisionText(paragraph('p-1', words('Now', inserted(mexico)), words(' and then', inserted(japan))));
    const names = new NameBook()
      .knowDelegation('d-mex', { name: 'Mexico', code: 'MEX' })
      .knowDelegation('d-jpn', { name: 'Japan', code: 'JPN' })
      .knowUser('u-lucia', 'Lucía Hernández')
      .knowUser('u-haruto', 'Haruto Sato');
    ensureRecords(doc, [mexico.id, japan.id], names, '2026-11-25T10:05:00.000Z');
    const japanRecord = findRecord(doc, japan.id);
    if (!japanRecord) throw new Error('No record for Japan');
    const by = { userName: 'Amina Wanjiru', delegationId: 'd-ken', delegationName: 'Kenya' };
    proposalRecords(doc).set(japan.id, closedRecord(japanRecord, 'accepted', undefined, by, '2026-11-25T11:00:00Z'));
    proposalRecords(doc).set('p-garbled', { status: 'maybe' } as never);
    expect(proposalStatuses(doc)).toEqual(
      statuses([
        [mexico.id, 'pending'],
        [japan.id, 'accepted'],
      ]),
    );
  });
});
