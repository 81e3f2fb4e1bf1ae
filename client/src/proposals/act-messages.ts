import type { DecisionRequest, DecisionScope, ProposalActResult } from '@zerodraft/shared/api/proposals.ts';
import type { Stance } from '@zerodraft/shared/proposals/record.ts';
import { PARAGRAPH_STATUS_NAMES, type ParagraphStatus } from '@zerodraft/shared/schema/paragraph.ts';
import { ApiRequestError } from '../api/http.ts';

/*
 * What the panel says, in its live region, once an act is done: the outcome in the words of
 * the negotiation, so a screen reader user hears what changed without looking for it.
 */

const proposalsCount = (n: number) => (n === 1 ? '1 proposal' : `${n} proposals`);

/** "Mexico’s proposal", or "the proposal" before the server has named its delegation. */
export const proposalOf = (delegationName: string | null) =>
  delegationName === null ? 'the proposal' : `${delegationName}’s proposal`;

/** What a bulk decision covers, for its button and its confirmation: "of Mexico", "in paragraph 12". */
export type BulkScope =
  | { kind: 'paragraph'; pid: string; paragraphLabel: string }
  | { kind: 'delegation'; delegationId: string; delegationName: string }
  | { kind: 'all' };

export function scopeWords(scope: BulkScope): string {
  if (scope.kind === 'paragraph') return `in ${scope.paragraphLabel.toLowerCase()}`;
  if (scope.kind === 'delegation') return `of ${scope.delegationName}`;
  return '';
}

export function requestScope(scope: BulkScope): DecisionScope {
  if (scope.kind === 'paragraph') return { kind: 'paragraph', pid: scope.pid };
  if (scope.kind === 'delegation') return { kind: 'delegation', delegationId: scope.delegationId };
  return { kind: 'all' };
}

/** "Accept all", "Reject all of Mexico", "Accept all in paragraph 12". */
export function bulkLabel(decision: DecisionRequest['decision'], scope: BulkScope): string {
  const words = scopeWords(scope);
  return `${decision === 'accept' ? 'Accept' : 'Reject'} all${words ? ` ${words}` : ''}`;
}

/** "Accept all 5 pending proposals of Mexico?" — asked before a bulk decision goes to the server. */
export function bulkQuestion(decision: DecisionRequest['decision'], count: number, scope: BulkScope): string {
  const verb = decision === 'accept' ? 'Accept' : 'Reject';
  const words = scopeWords(scope);
  const what = count === 1 ? 'the 1 pending proposal' : `all ${count} pending proposals`;
  return `${verb} ${what}${words ? ` ${words}` : ''}? The text changes for everyone at once.`;
}

/** Proposals that fell with an act because every word they marked went: the server records them as rejected. */
function lapsedNote(lapsed: readonly string[]): string {
  if (lapsed.length === 0) return '';
  return lapsed.length === 1
    ? ' 1 other proposal lapsed, as the words it marked are gone.'
    : ` ${lapsed.length} other proposals lapsed, as the words they marked are gone.`;
}

/** "Accepted Mexico’s proposal." — or why nothing changed, if it was no longer pending. */
export function proposalDecided(
  decision: DecisionRequest['decision'],
  result: ProposalActResult,
  delegationName: string | null,
): string {
  const proposal = proposalOf(delegationName);
  if (result.proposalIds.length === 0) {
    return `${proposal.charAt(0).toUpperCase()}${proposal.slice(1)} was no longer pending: it was decided or withdrawn first.`;
  }
  return `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${proposal}.${lapsedNote(result.lapsed)}`;
}

/** "Accepted 5 proposals." — from the ids the server says it decided. */
export function decisionDone(decision: DecisionRequest['decision'], result: ProposalActResult): string {
  const decided = result.proposalIds.length;
  if (decided === 0) {
    return `No pending proposal was left to ${decision}: someone may have decided them first.`;
  }
  return `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${proposalsCount(decided)}.${lapsedNote(result.lapsed)}`;
}

export function stanceDone(stance: Stance | null, delegationName: string | null): string {
  const proposal = proposalOf(delegationName);
  if (stance === 'support') return `Your delegation supports ${proposal}.`;
  if (stance === 'oppose') return `Your delegation opposes ${proposal}.`;
  return `Your delegation no longer supports or opposes ${proposal}.`;
}

export function rationaleDone(rationale: string): string {
  return rationale.trim() === '' ? 'Rationale removed.' : 'Rationale saved.';
}

export function withdrawn(result: ProposalActResult): string {
  return `Your delegation’s proposal is withdrawn; its words have left the text.${lapsedNote(result.lapsed)}`;
}

export function statusDone(paragraphLabel: string, status: ParagraphStatus): string {
  if (status === 'open') return `${paragraphLabel} is open again.`;
  return `${paragraphLabel} is now marked “${PARAGRAPH_STATUS_NAMES[status]}”.`;
}

export function sectionDone(heading: string, closed: boolean): string {
  return closed ? `${heading} is closed for proposals.` : `${heading} is open for proposals again.`;
}

/** A failed act in plain words: the server's own sentence when it gave one. */
export function actFailure(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return 'Zerodraft could not complete that. Try again; if it persists, reload the page.';
}
