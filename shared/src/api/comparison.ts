import { z } from 'zod';
import { Meeting, RevisionSummary } from './meetings.ts';

/**
 * The comparison of two revisions of a document (issue 6), as
 * `GET /api/documents/:documentId/comparison?from=<revisionId>&to=<revisionId>` sends it: a
 * redline by paragraph, followed through the stable paragraph ids ("paragraph 12 (was 10 in
 * Draft 1)"), and what became of each proposal made to the older revision. Built by
 * comparison/compare-paragraphs.ts on the server; ready to print, so the page needs no editor.
 */

/** Revision ids are UUIDs; anything a store could hold is at most this, in url-safe characters. */
const RevisionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'This does not name a revision: choose the revisions from the history page.');

/**
 * The query. Either revision may be left out: `to` is then the latest revision the reader may
 * read, `from` the circulated one before `to`. The two are compared oldest first, whichever
 * order they are given in.
 */
export const ComparisonQuery = z.object({ from: RevisionId.optional(), to: RevisionId.optional() });
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

/** Where a paragraph stands in one revision. */
export const ParagraphPlace = z.object({
  kind: z.enum(['preambular', 'operative', 'subparagraph']),
  /** As the margin prints it: "12.", "(a)"; null for a preambular paragraph. */
  number: z.string().nullable(),
  /**
   * How a sentence names it after its kind: "12" (operative), "12 (a)" (sub-paragraph (a) of
   * paragraph 12), "3" (the third preambular paragraph).
   */
  label: z.string(),
});
export type ParagraphPlace = z.infer<typeof ParagraphPlace>;

export const SectionRef = z.object({
  sid: z.string().nullable(),
  /** Its heading's words, "A. Implementation of the Programme of Action …". */
  heading: z.string(),
});
export type SectionRef = z.infer<typeof SectionRef>;

/** Words of a paragraph: in both revisions, only in the newer (inserted), or only in the older (deleted). */
export const WordSegment = z.object({
  text: z.string(),
  change: z.enum(['same', 'inserted', 'deleted']),
});
export type WordSegment = z.infer<typeof WordSegment>;

export const ROW_CHANGES = ['unchanged', 'changed', 'inserted', 'deleted', 'moved'] as const;
export type RowChange = (typeof ROW_CHANGES)[number];

/**
 * One paragraph of the redline, in reading order: the newer revision's order, each deleted
 * paragraph where it stood in the older one. `moved`: its place among the paragraphs both
 * revisions share changed (it is not in their longest common order); its words may have
 * changed too (`wordsChanged`).
 */
export const ComparisonRow = z.object({
  pid: z.string(),
  change: z.enum(ROW_CHANGES),
  /** Whether its words differ; for `changed` always, for `moved` when it was reworded as well. */
  wordsChanged: z.boolean(),
  /** Where it stood in the older revision; null when inserted. */
  old: ParagraphPlace.nullable(),
  /** Where it stands in the newer revision; null when deleted. */
  new: ParagraphPlace.nullable(),
  /** Its section in the newer revision; in the older one when deleted. */
  section: SectionRef,
  /**
   * Its words: all `same` when unchanged, all `inserted` for a new paragraph, all `deleted` for
   * a deleted one, else word by word; the `same` and `deleted` words give the older text, the
   * `same` and `inserted` ones the newer.
   */
  segments: z.array(WordSegment),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const ComparisonCounts = z.object({
  unchanged: z.number().int(),
  changed: z.number().int(),
  inserted: z.number().int(),
  deleted: z.number().int(),
  moved: z.number().int(),
});
export type ComparisonCounts = z.infer<typeof ComparisonCounts>;

/**
 * One side of the comparison. `as_circulated`: the text frozen when it was circulated (a
 * circulated or superseded revision). `as_adopted` and `as_under_silence`: the text that was
 * adopted, or is under silence, with the proposals accepted into it after its circulation; it
 * can no longer change. `current`: the text as it stands,
 * for a revision in preparation, or one loaded as circulated without Zerodraft keeping its
 * text then (a document's first revision, imported). Either way the agreed text is compared:
 * words proposed for insertion left out, words proposed for deletion kept, a paragraph proposed
 * whole not counted.
 */
export const ComparedRevision = z.object({
  revision: RevisionSummary,
  text: z.enum(['as_circulated', 'as_adopted', 'as_under_silence', 'current']),
});
export type ComparedRevision = z.infer<typeof ComparedRevision>;

export const PROPOSAL_OUTCOMES = [
  'accepted',
  'rejected',
  'lapsed',
  'withdrawn',
  'carried_forward',
  'left_behind',
] as const;
export type ProposalOutcomeKind = (typeof PROPOSAL_OUTCOMES)[number];

/**
 * What became of one proposal made to (or carried into) the older revision. `lapsed`: rejected
 * because its words went with a decision on another proposal. `carried_forward`: pending when
 * the next revision started and taken into it, still attributed, up to the newer revision.
 * `left_behind`: pending, and not in the revision after (it stays pending in the one it was
 * made to).
 */
export const ProposalOutcome = z.object({
  id: z.string(),
  delegation: z.object({
    id: z.string(),
    name: z.string(),
    /** For the delegation's colour; null when the proposal has no record to name it. */
    code: z.string().nullable(),
  }),
  /** Who proposed it; null when it has no record. */
  userName: z.string().nullable(),
  /** "Mexico; supported by Chile, Peru; opposed by Japan" */
  attribution: z.string(),
  /** The words proposed for insertion, paragraphs separated by a line break; '' when none. */
  inserted: z.string(),
  /** The words proposed for deletion, likewise. */
  deleted: z.string(),
  outcome: z.enum(PROPOSAL_OUTCOMES),
  /**
   * A proposal carried into a revision between the two and decided there (or left behind when
   * the one after it started) names that revision; null when it was settled in the older one or
   * carried all the way.
   */
  settledIn: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Who decided or withdrew it, and when; null while carried forward or left behind. */
  decided: z.object({ userName: z.string(), delegationName: z.string(), at: z.string() }).nullable(),
});
export type ProposalOutcome = z.infer<typeof ProposalOutcome>;

/** `GET /api/documents/:documentId/comparison` */
export const RevisionComparison = z.object({
  meeting: Meeting,
  document: z.object({ id: z.string(), title: z.string() }),
  /** Every revision of the document the reader may read, oldest first: what may be compared. */
  revisions: z.array(RevisionSummary),
  older: ComparedRevision,
  newer: ComparedRevision,
  counts: ComparisonCounts,
  rows: z.array(ComparisonRow),
  /** The older revision's proposals, in the order they were made. */
  proposals: z.array(ProposalOutcome),
});
export type RevisionComparison = z.infer<typeof RevisionComparison>;
