import { z } from 'zod';

/**
 * The root type of a revision's Y.Doc holding one `ProposalRecord` per proposal id, beside
 * the text (`DOCUMENT_FIELD`). Only the server writes it, in the same Yjs transaction as the
 * act that changes the text, so a decision and its record reach every client together and
 * survive what the text survives.
 */
export const PROPOSALS_FIELD = 'proposals';

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const STANCES = ['support', 'oppose'] as const;
export type Stance = (typeof STANCES)[number];

/** "Chile supports" — one delegation's stance; the latest replaces an earlier one. */
export const StanceRecord = z.object({
  stance: z.enum(STANCES),
  delegationName: z.string(),
  userName: z.string(),
  at: z.string(),
});
export type StanceRecord = z.infer<typeof StanceRecord>;

/**
 * One step of a proposal's life, for its history: proposed, supported, accepted… `lapsed`: its
 * words went with a decision on another proposal (Japan's replacement of "grave" accepted while
 * Mexico proposed deleting "grave"); it is closed as rejected, by whoever took that decision.
 */
export const ProposalEvent = z.object({
  act: z.enum([
    'proposed',
    'rationale',
    'support',
    'oppose',
    'stance_withdrawn',
    'accepted',
    'rejected',
    'withdrawn',
    'lapsed',
  ]),
  userName: z.string(),
  delegationName: z.string(),
  at: z.string(),
});
export type ProposalEvent = z.infer<typeof ProposalEvent>;

export const ProposalRecord = z.object({
  id: z.string(),
  delegationId: z.string(),
  delegationName: z.string(),
  /** For the delegation's colour (`delegationColour`). */
  delegationCode: z.string(),
  userId: z.string(),
  userName: z.string(),
  /** When the server first stored text of this proposal. */
  createdAt: z.string(),
  rationale: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  /** By delegation id. */
  stances: z.record(z.string(), StanceRecord),
  /** The words as they stood when the proposal was decided or withdrawn, since the marks are gone then. */
  inserted: z.string().nullable(),
  deleted: z.string().nullable(),
  history: z.array(ProposalEvent),
});
export type ProposalRecord = z.infer<typeof ProposalRecord>;

/** "Mexico; supported by Chile, Peru; opposed by Japan", as a compilation text attributes a proposal. */
export function attribution(record: Pick<ProposalRecord, 'delegationName' | 'stances'>): string {
  const names = (stance: Stance) =>
    Object.values(record.stances)
      .filter((s) => s.stance === stance)
      .map((s) => s.delegationName)
      .sort((a, b) => a.localeCompare(b));
  const supporters = names('support');
  const opponents = names('oppose');
  return [
    record.delegationName,
    ...(supporters.length ? [`supported by ${supporters.join(', ')}`] : []),
    ...(opponents.length ? [`opposed by ${opponents.join(', ')}`] : []),
  ].join('; ');
}
