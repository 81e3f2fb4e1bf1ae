import { newId } from '@zerodraft/shared/schema/paragraph-ids.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';

/** Who is proposing: the signed-in user and the delegation they speak for (ids). */
export interface Proposer {
  delegation: string;
  user: string;
}

/** Whether a suggestion is the proposer's delegation's: theirs to edit or withdraw. */
export const isOwn = (attrs: SuggestionAttrs, proposer: Proposer): boolean => attrs.delegation === proposer.delegation;

/**
 * Whether a suggestion was made by this very user, so new words may join it: the server
 * takes new marks only in the sender's own name (DESIGN.md §3).
 */
export const isMine = (attrs: SuggestionAttrs, proposer: Proposer): boolean =>
  isOwn(attrs, proposer) && attrs.user === proposer.user;

/**
 * The attributes of a new proposal. They stay the same for all its keystrokes: marks with
 * equal attributes merge, and the Yjs binding keys each mark by a hash of them, so new
 * attributes per keystroke would cut one proposal into many.
 */
export function newProposal(proposer: Proposer, now: Date = new Date()): SuggestionAttrs {
  // newId, not crypto.randomUUID: that one exists only on secure origins.
  return { id: newId(), delegation: proposer.delegation, user: proposer.user, time: now.toISOString() };
}
