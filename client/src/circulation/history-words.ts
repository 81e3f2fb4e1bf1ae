import type { ProposalCounts } from '@zerodraft/shared/api/revisions.ts';

const OUTCOMES: readonly [keyof ProposalCounts, string][] = [
  ['pending', 'pending'],
  ['accepted', 'accepted'],
  ['rejected', 'rejected'],
  ['withdrawn', 'withdrawn'],
  ['carriedForward', 'carried forward'],
  ['leftBehind', 'left behind'],
];

/** "3 accepted, 1 rejected, 2 carried forward", or that it had none. */
export function proposalsInWords(counts: ProposalCounts): string {
  const said = OUTCOMES.filter(([key]) => counts[key] > 0).map(([key, words]) => `${counts[key]} ${words}`);
  return said.length > 0 ? said.join(', ') : 'No proposals';
}
