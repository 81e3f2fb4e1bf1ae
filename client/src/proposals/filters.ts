import type { ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import type { PanelProposal } from './panel-items.ts';

/** What the panel lists: one delegation's, one section's, and proposals in one state, or any. */
export interface ProposalFilter {
  delegationId: string | null;
  sid: string | null;
  status: ProposalStatus | 'any';
}

export const DEFAULT_FILTER: ProposalFilter = { delegationId: null, sid: null, status: 'pending' };

export const STATUS_CHOICES: readonly { value: ProposalFilter['status']; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'any', label: 'Any status' },
];

/**
 * The proposals the filter keeps. A decided proposal has left the text and with it its
 * section, so choosing a section lists only pending ones.
 */
export function applyFilter(proposals: readonly PanelProposal[], filter: ProposalFilter): PanelProposal[] {
  return proposals.filter(
    (proposal) =>
      (filter.status === 'any' || proposal.status === filter.status) &&
      (filter.delegationId === null || proposal.delegationId === filter.delegationId) &&
      (filter.sid === null || proposal.sections.includes(filter.sid)),
  );
}

export interface DelegationChoice {
  id: string;
  name: string;
}

/** Each delegation with a proposal the panel knows of, by name. */
export function delegationChoices(proposals: readonly PanelProposal[]): DelegationChoice[] {
  const names = new Map<string, string>();
  for (const proposal of proposals) {
    if (proposal.delegationName !== null) names.set(proposal.delegationId, proposal.delegationName);
  }
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A filter that names a delegation or section no longer in the lists falls back to all of them. */
export function validFilter(
  filter: ProposalFilter,
  delegations: readonly DelegationChoice[],
  sids: readonly string[],
): ProposalFilter {
  const delegationId = delegations.some((d) => d.id === filter.delegationId) ? filter.delegationId : null;
  const sid = filter.sid !== null && sids.includes(filter.sid) ? filter.sid : null;
  return delegationId === filter.delegationId && sid === filter.sid ? filter : { ...filter, delegationId, sid };
}

/** "3 of 12 pending proposals", or "12 pending proposals" when the filter keeps them all. */
export function countSentence(shown: number, ofStatus: number, status: ProposalFilter['status']): string {
  const noun = (n: number) => (n === 1 ? 'proposal' : 'proposals');
  const adjective = status === 'any' ? '' : `${status} `;
  if (ofStatus === 0) return `No ${adjective}${noun(0)}.`;
  if (shown === ofStatus) return `${ofStatus} ${adjective}${noun(ofStatus)}.`;
  return `${shown} of ${ofStatus} ${adjective}${noun(ofStatus)}.`;
}
