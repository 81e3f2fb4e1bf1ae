import {
  type DecisionRequest,
  type ParagraphStatusRequest,
  ParagraphStatusSaved,
  ProposalActResult,
  ProposalSaved,
  type RationaleRequest,
  type SectionStateRequest,
  SectionStateSaved,
  type StanceRequest,
} from '@zerodraft/shared/api/proposals.ts';
import type { ParagraphStatus } from '@zerodraft/shared/schema/paragraph.ts';
import { requestJson } from './http.ts';

/*
 * The acts on a circulated revision. Their outcome also reaches every page through the
 * revision's Y.Doc, where the server writes the text and the proposals' records in one change,
 * so nobody needs to read anything back.
 */

const revisionPath = (revisionId: string) => `/api/revisions/${encodeURIComponent(revisionId)}`;
const proposalPath = (revisionId: string, proposalId: string) =>
  `${revisionPath(revisionId)}/proposals/${encodeURIComponent(proposalId)}`;

/** Another delegation supports or opposes a proposal, or (null) no longer does. */
export function setStance(
  revisionId: string,
  proposalId: string,
  stance: StanceRequest['stance'],
): Promise<ProposalSaved> {
  return requestJson(`${proposalPath(revisionId, proposalId)}/stance`, ProposalSaved, {
    method: 'PUT',
    body: { stance } satisfies StanceRequest,
  });
}

/** The proposing delegation says why; an empty rationale removes it. */
export function setRationale(revisionId: string, proposalId: string, rationale: string): Promise<ProposalSaved> {
  return requestJson(`${proposalPath(revisionId, proposalId)}/rationale`, ProposalSaved, {
    method: 'PUT',
    body: { rationale } satisfies RationaleRequest,
  });
}

/** The proposing delegation takes its proposal back: its marks leave the text. */
export function withdrawProposal(revisionId: string, proposalId: string): Promise<ProposalActResult> {
  return requestJson(`${proposalPath(revisionId, proposalId)}/withdraw`, ProposalActResult, { method: 'POST' });
}

/** The Chair, or a Bureau member with the pen, accepts or rejects one proposal or many at once. */
export function decide(revisionId: string, request: DecisionRequest): Promise<ProposalActResult> {
  return requestJson(`${revisionPath(revisionId)}/decisions`, ProposalActResult, { method: 'POST', body: request });
}

export function setParagraphStatus(
  revisionId: string,
  pid: string,
  status: ParagraphStatus,
): Promise<ParagraphStatusSaved> {
  return requestJson(`${revisionPath(revisionId)}/paragraphs/${encodeURIComponent(pid)}/status`, ParagraphStatusSaved, {
    method: 'PUT',
    body: { status } satisfies ParagraphStatusRequest,
  });
}

export function setSectionClosed(revisionId: string, sid: string, closed: boolean): Promise<SectionStateSaved> {
  return requestJson(`${revisionPath(revisionId)}/sections/${encodeURIComponent(sid)}/state`, SectionStateSaved, {
    method: 'PUT',
    body: { closed } satisfies SectionStateRequest,
  });
}
