import type { RevisionState } from '@zerodraft/shared/api/meetings.ts';
import { revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import type { ParticipantRecord } from '../store/store.ts';

/**
 * The participants who may read a revision in `state`, and so may be told of it: everyone once
 * it is circulated, never a delegate while it is in preparation (DESIGN.md §3). `delegationId`
 * narrows them to one delegation's people; `except` leaves out whoever acted, who knows already.
 */
export function readersOf(
  participants: readonly ParticipantRecord[],
  state: RevisionState,
  { delegationId, except }: { delegationId?: string; except?: string | null } = {},
): ParticipantRecord[] {
  return participants.filter(
    (p) =>
      p.userId !== except &&
      (delegationId === undefined || p.delegationId === delegationId) &&
      revisionAccess({ role: p.role, hasPen: p.hasPen, sections: p.sections }, state).read,
  );
}
