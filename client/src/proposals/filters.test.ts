import { proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { describe, expect, it } from 'vitest';
import { applyFilter, countSentence, DEFAULT_FILTER, delegationChoices, validFilter } from './filters.ts';
import { panelProposals } from './panel-items.ts';
import { bms7, decidedRecord, delegations, proposalIds, recordOf, recordsById } from './testing/bms7.ts';

const listed = panelProposals(
  proposalsInText(bms7()),
  recordsById(
    recordOf(proposalIds.mexicoReplaces, 'mexico'),
    recordOf(proposalIds.japanDeletes, 'japan'),
    recordOf(proposalIds.mexicoAdds, 'mexico'),
    decidedRecord('chile-early1', 'chile', 'rejected', '2021-07-27T09:00:00.000Z', { deleted: 'firearms' }),
    decidedRecord('mexico-gone1', 'mexico', 'withdrawn', '2021-07-27T10:00:00.000Z', { inserted: 'tracing' }),
  ),
  delegations.kenya,
);
const ids = (filter: Parameters<typeof applyFilter>[1]) => applyFilter(listed, filter).map((p) => p.id);

describe('filtering the proposals panel', () => {
  it('shows the pending proposals at first', () => {
    expect(ids(DEFAULT_FILTER)).toEqual([proposalIds.mexicoReplaces, proposalIds.japanDeletes, proposalIds.mexicoAdds]);
  });

  it('keeps one delegation’s proposals', () => {
    expect(ids({ ...DEFAULT_FILTER, delegationId: 'd-mex' })).toEqual([
      proposalIds.mexicoReplaces,
      proposalIds.mexicoAdds,
    ]);
    expect(ids({ ...DEFAULT_FILTER, delegationId: 'd-mex', status: 'any' })).toEqual([
      proposalIds.mexicoReplaces,
      proposalIds.mexicoAdds,
      'mexico-gone1',
    ]);
  });

  it('keeps one section’s pending proposals', () => {
    expect(ids({ ...DEFAULT_FILTER, sid: 's-b' })).toEqual([proposalIds.japanDeletes, proposalIds.mexicoAdds]);
    expect(ids({ ...DEFAULT_FILTER, sid: 's-b', status: 'rejected' })).toEqual([]);
  });

  it('shows decided proposals by their status', () => {
    expect(ids({ ...DEFAULT_FILTER, status: 'rejected' })).toEqual(['chile-early1']);
    expect(ids({ ...DEFAULT_FILTER, status: 'withdrawn' })).toEqual(['mexico-gone1']);
    expect(ids({ ...DEFAULT_FILTER, status: 'accepted' })).toEqual([]);
  });

  it('offers every delegation with a proposal, by name, decided ones included', () => {
    expect(delegationChoices(listed)).toEqual([
      { id: 'd-chl', name: 'Chile' },
      { id: 'd-jpn', name: 'Japan' },
      { id: 'd-mex', name: 'Mexico' },
    ]);
  });

  it('falls back to all delegations or sections when the chosen one is gone', () => {
    const filter = { delegationId: 'd-per', sid: 's-z', status: 'pending' as const };

    expect(validFilter(filter, delegationChoices(listed), ['s-a', 's-b'])).toEqual({
      delegationId: null,
      sid: null,
      status: 'pending',
    });
    const kept = { ...DEFAULT_FILTER, delegationId: 'd-jpn', sid: 's-b' };
    expect(validFilter(kept, delegationChoices(listed), ['s-a', 's-b'])).toBe(kept);
  });

  it('counts what it shows against all proposals of the status', () => {
    expect(countSentence(3, 3, 'pending')).toBe('3 pending proposals.');
    expect(countSentence(1, 3, 'pending')).toBe('1 of 3 pending proposals.');
    expect(countSentence(1, 1, 'accepted')).toBe('1 accepted proposal.');
    expect(countSentence(0, 0, 'pending')).toBe('No pending proposals.');
    expect(countSentence(5, 5, 'any')).toBe('5 proposals.');
  });
});
