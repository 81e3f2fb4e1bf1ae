import { z } from 'zod';
import { ProposalRecord, STANCES } from '../proposals/record.ts';
import { PARAGRAPH_STATUSES } from '../schema/paragraph.ts';

export const RATIONALE_MAX_LENGTH = 2000;

/** `PUT /api/revisions/:revisionId/proposals/:proposalId/rationale`, by the proposing delegation. */
export const RationaleRequest = z.object({
  rationale: z.string().trim().max(RATIONALE_MAX_LENGTH, `A rationale is at most ${RATIONALE_MAX_LENGTH} characters.`),
});
export type RationaleRequest = z.infer<typeof RationaleRequest>;

/** `PUT /api/revisions/:revisionId/proposals/:proposalId/stance`: support, oppose, or (null) neither any more. */
export const StanceRequest = z.object({ stance: z.enum(STANCES).nullable() });
export type StanceRequest = z.infer<typeof StanceRequest>;

/** The answer to a stance or a rationale: the proposal's record as it now stands. */
export const ProposalSaved = z.object({ proposal: ProposalRecord });
export type ProposalSaved = z.infer<typeof ProposalSaved>;

/** Which pending proposals one decision of the Chair covers. */
export const DecisionScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proposal'), proposalId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('paragraph'), pid: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('delegation'), delegationId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('all') }),
]);
export type DecisionScope = z.infer<typeof DecisionScope>;

/** `POST /api/revisions/:revisionId/decisions`, by the Chair or a Bureau member with the pen. */
export const DecisionRequest = z.object({
  decision: z.enum(['accept', 'reject']),
  scope: DecisionScope,
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/**
 * What an act on proposals did: the ids of the proposals it decided or withdrew, and of those
 * that fell with them because every word they marked went (recorded as rejected).
 */
export const ProposalActResult = z.object({ proposalIds: z.array(z.string()), lapsed: z.array(z.string()) });
export type ProposalActResult = z.infer<typeof ProposalActResult>;

/** `PUT /api/revisions/:revisionId/paragraphs/:pid/status`, by the Chair, pen-holding Bureau or the section's facilitator. */
export const ParagraphStatusRequest = z.object({
  status: z.enum(PARAGRAPH_STATUSES),
});
export type ParagraphStatusRequest = z.infer<typeof ParagraphStatusRequest>;

export const ParagraphStatusSaved = z.object({ pid: z.string(), status: z.enum(PARAGRAPH_STATUSES) });
export type ParagraphStatusSaved = z.infer<typeof ParagraphStatusSaved>;

/** `PUT /api/revisions/:revisionId/sections/:sid/state`: open or close a section for proposals. */
export const SectionStateRequest = z.object({ closed: z.boolean() });
export type SectionStateRequest = z.infer<typeof SectionStateRequest>;

export const SectionStateSaved = z.object({ sid: z.string(), closed: z.boolean() });
export type SectionStateSaved = z.infer<typeof SectionStateSaved>;
