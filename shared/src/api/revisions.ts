import { z } from 'zod';
import { MAX_COVER_NOTE_CHARS, MAX_DOCUMENT_TITLE_CHARS, MAX_REVISION_NAME_CHARS } from '../lifecycle/circulation.ts';
import { Day, Meeting, RevisionSummary } from './meetings.ts';
import { Delegation, Participation } from './session.ts';

const RevisionName = z
  .string()
  .trim()
  .min(1, 'Give the revision a name, such as Draft 1 or Rev.1.')
  .max(MAX_REVISION_NAME_CHARS, `A revision's name is at most ${MAX_REVISION_NAME_CHARS} characters.`);

/**
 * `POST /api/documents/:documentId/revisions`: the Chair starts the next revision from the
 * current one, with its pending proposals carried forward (still attributed) or left behind.
 */
export const StartRevisionRequest = z.strictObject({
  from: z.string().min(1).max(64),
  carryForward: z.boolean(),
  /** "Draft 2" when not given: the draft after the highest numbered so far. */
  name: RevisionName.optional(),
});
export type StartRevisionRequest = z.infer<typeof StartRevisionRequest>;

/**
 * `POST /api/meetings/:meetingId/documents`: the Chair starts a new document with its zero
 * draft in preparation, to write with the pen and then circulate.
 */
export const NewDocumentRequest = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'Give the document a title, such as Outcome document or Action plan.')
    .max(MAX_DOCUMENT_TITLE_CHARS, `A document's title is at most ${MAX_DOCUMENT_TITLE_CHARS} characters.`),
});
export type NewDocumentRequest = z.infer<typeof NewDocumentRequest>;

/** The answer to starting a document (201): the document and its zero draft, in preparation. */
export const DocumentStarted = z.object({
  document: z.object({ id: z.string(), meetingId: z.string(), title: z.string() }),
  revision: RevisionSummary,
});
export type DocumentStarted = z.infer<typeof DocumentStarted>;

/** The answer to starting a revision (201): the revision in preparation, and what became of the proposals. */
export const RevisionStarted = z.object({
  revision: RevisionSummary,
  basedOn: z.string(),
  carryForward: z.boolean(),
  /** Ids of the pending proposals now in the new revision, marks and records kept. */
  carried: z.array(z.string()),
  /** Ids of the pending proposals the new revision does not hold. */
  leftBehind: z.array(z.string()),
});
export type RevisionStarted = z.infer<typeof RevisionStarted>;

/** `POST /api/revisions/:revisionId/circulate`: its name, the date printed on it (venue date), and the cover note. */
export const CirculateRequest = z.strictObject({
  name: RevisionName,
  date: Day,
  coverNote: z
    .string()
    .trim()
    .min(1, 'A revision is circulated with a cover note to the delegations: write it.')
    .max(MAX_COVER_NOTE_CHARS, `A cover note is at most ${MAX_COVER_NOTE_CHARS} characters.`),
});
export type CirculateRequest = z.infer<typeof CirculateRequest>;

const Person = z.object({ name: z.string(), delegation: z.string() });

/** How a revision was circulated: as fixed then, never changed. */
export const Circulation = z.object({
  /** The date printed on it, `YYYY-MM-DD` at the venue. */
  dated: Day,
  /** When the server circulated it, ISO 8601 UTC. */
  circulatedAt: z.string(),
  circulatedBy: Person,
  coverNote: z.string(),
});
export type Circulation = z.infer<typeof Circulation>;

/** The answer to circulating: the revision, how it went out, and those it superseded. */
export const RevisionCirculated = z.object({
  revision: RevisionSummary,
  circulation: Circulation,
  superseded: z.array(RevisionSummary),
});
export type RevisionCirculated = z.infer<typeof RevisionCirculated>;

/** One delegation's receipt of a circulated revision; `receivedAt` null while it has not confirmed. */
export const DelegationReceipt = z.object({
  delegation: Delegation,
  receivedAt: z.string().nullable(),
  /** Who confirmed it for the delegation. */
  receivedBy: z.string().nullable(),
});
export type DelegationReceipt = z.infer<typeof DelegationReceipt>;

/**
 * `GET /api/revisions/:revisionId/acknowledgements`: how the revision was circulated, and who has
 * confirmed receipt. The Chair and the Secretariat see every delegation (`scope: 'all'`);
 * anyone else sees their own delegation's receipt only.
 */
export const Acknowledgements = z.object({
  revisionId: z.string(),
  circulation: Circulation.nullable(),
  scope: z.enum(['all', 'own']),
  /** Whether the caller may confirm receipt for their delegation now. */
  mayAcknowledge: z.boolean(),
  delegations: z.array(DelegationReceipt),
});
export type Acknowledgements = z.infer<typeof Acknowledgements>;

/** The answer to `POST /api/revisions/:revisionId/acknowledge`: the delegation's receipt, the first one given. */
export const AcknowledgementSaved = z.object({ receipt: DelegationReceipt });
export type AcknowledgementSaved = z.infer<typeof AcknowledgementSaved>;

/**
 * What became of a revision's proposals. `carriedForward` and `leftBehind` count pending
 * proposals once the next revision has been circulated: taken into it, or not.
 */
export const ProposalCounts = z.object({
  pending: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
  carriedForward: z.number().int(),
  leftBehind: z.number().int(),
});
export type ProposalCounts = z.infer<typeof ProposalCounts>;

export const HistoryEntry = z.object({
  revision: RevisionSummary,
  /** The revision it was started from; null for the first. */
  basedOn: z.string().nullable(),
  /** Whether pending proposals were carried into it; null for the first. */
  carryForward: z.boolean().nullable(),
  circulation: Circulation.nullable(),
  proposals: ProposalCounts,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** `GET /api/documents/:documentId/history`: every revision the caller may read, oldest first. */
export const DocumentHistory = z.object({
  meeting: Meeting,
  document: z.object({ id: z.string(), meetingId: z.string(), title: z.string() }),
  participation: Participation,
  revisions: z.array(HistoryEntry),
});
export type DocumentHistory = z.infer<typeof DocumentHistory>;
