import type { ProposalCounts } from '@zerodraft/shared/api/revisions.ts';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import type * as Y from 'yjs';
import { proposalRecords } from '../proposals/records.ts';

/** Each proposal's status in a revision's records, by id; a record the server cannot read is left out. */
export function proposalStatuses(doc: Y.Doc): Map<string, ProposalStatus> {
  const statuses = new Map<string, ProposalStatus>();
  proposalRecords(doc).forEach((record: unknown, id) => {
    const status = (record as { status?: unknown } | null)?.status;
    if (PROPOSAL_STATUSES.includes(status as ProposalStatus)) statuses.set(id, status as ProposalStatus);
  });
  return statuses;
}

/**
 * What became of a revision's proposals. Once the revision after it has been circulated, a
 * proposal still pending here was either carried forward into it (its record is there) or left
 * behind; until then it is simply pending.
 */
export function proposalOutcomes(
  statuses: ReadonlyMap<string, ProposalStatus>,
  next: { statuses: ReadonlyMap<string, ProposalStatus> } | null,
): ProposalCounts {
  const counts: ProposalCounts = {
    pending: 0,
    accepted: 0,
    rejected: 0,
    withdrawn: 0,
    carriedForward: 0,
    leftBehind: 0,
  };
  for (const [id, status] of statuses) {
    if (status !== 'pending') counts[status] += 1;
    else if (!next) counts.pending += 1;
    else if (next.statuses.has(id)) counts.carriedForward += 1;
    else counts.leftBehind += 1;
  }
  return counts;
}
