import type { Participation } from '@zerodraft/shared/api/session.ts';
import type { ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import { type Action, permission } from '@zerodraft/shared/roles/permissions.ts';

/** The reader, as far as acts on proposals go: their place in the meeting and their delegation. */
export type Participant = Pick<Participation, 'role' | 'hasPen' | 'sections'> & { delegation: { id: string } };

/** Which acts the panel offers on one proposal. The server decides each act again. */
export interface ProposalActs {
  /** The proposing delegation takes it back. */
  withdraw: boolean;
  /** The proposing delegation says why. */
  rationale: boolean;
  /** Another delegation supports or opposes it. */
  stance: boolean;
  /** The Chair or a Bureau member with the pen accepts or rejects it. */
  decide: boolean;
}

const NONE: ProposalActs = { withdraw: false, rationale: false, stance: false, decide: false };

function mayOn(participant: Participant, action: Action, delegationId: string): boolean {
  const granted = permission(participant, action);
  return granted === 'yes' || (granted === 'own' && delegationId === participant.delegation.id);
}

/**
 * What the reader may do with a proposal (DESIGN.md §3). Only pending proposals are acted on,
 * and only while the text may change (`textOpen`: not superseded, under silence or adopted).
 */
export function actsOn(
  proposal: { status: ProposalStatus; delegationId: string },
  participant: Participant,
  textOpen: boolean,
): ProposalActs {
  if (!textOpen || proposal.status !== 'pending') return NONE;
  return {
    withdraw: mayOn(participant, 'withdrawProposal', proposal.delegationId),
    // The matrix has no row for the rationale: it belongs to whoever may withdraw the proposal.
    rationale: mayOn(participant, 'withdrawProposal', proposal.delegationId),
    // A delegation does not support its own proposal: proposing it says as much.
    stance: proposal.delegationId !== participant.delegation.id && permission(participant, 'supportOrOppose') === 'yes',
    decide: permission(participant, 'acceptOrReject') === 'yes',
  };
}

/** Whether the reader may accept or reject proposals, singly or in bulk. */
export function mayDecide(participant: Participant, textOpen: boolean): boolean {
  return textOpen && permission(participant, 'acceptOrReject') === 'yes';
}

/** Whether the reader may set the status of the section's paragraphs and open or close it. */
export function mayManageSection(participant: Participant, sid: string | null, textOpen: boolean): boolean {
  if (!textOpen || sid === null) return false;
  const granted = permission(participant, 'manageSections');
  return granted === 'yes' || (granted === 'ownSection' && participant.sections.includes(sid));
}
