import { z } from 'zod';
import { Meeting, RevisionSummary } from './meetings.ts';

/**
 * The compilation text of a revision (DESIGN.md §1), as `GET /api/revisions/:revisionId/compilation`
 * sends it: ready to print, so the page renders it without an editor. Built by
 * proposals/compilation.ts. Kinds and statuses are spelled out here rather than imported from
 * the schema, so the page that reads this does not load TipTap; the builder's types keep the
 * two lists the same.
 */

/** Words that read alike: the text's own formatting and the proposals that would add or delete them. */
export const CompilationRun = z.object({
  text: z.string(),
  italic: z.literal(true).optional(),
  bold: z.literal(true).optional(),
  /** Ids of the proposals that would add these words: printed bold and underlined. */
  inserted: z.array(z.string()).optional(),
  /** Ids of the proposals that would delete these words: printed struck through. */
  deleted: z.array(z.string()).optional(),
});
export type CompilationRun = z.infer<typeof CompilationRun>;

/** Where a proposal's words end: its attribution follows, "(Mexico; supported by Chile)". */
export const CompilationAttribution = z.object({ proposal: z.string() });
export type CompilationAttribution = z.infer<typeof CompilationAttribution>;

export const CompilationInline = z.union([CompilationRun, CompilationAttribution]);
export type CompilationInline = z.infer<typeof CompilationInline>;

export const CompilationParagraph = z.object({
  pid: z.string().nullable(),
  kind: z.enum(['preambular', 'operative', 'subparagraph']),
  /** "1.", "(a)"; null for a preambular paragraph. */
  number: z.string().nullable(),
  status: z.enum(['open', 'agreed_ad_ref', 'agreed']),
  /** "Agreed", "Agreed ad ref"; null while open. */
  statusName: z.string().nullable(),
  /** The proposal that proposes this paragraph whole, if one does. */
  proposed: z.string().nullable(),
  content: z.array(CompilationInline),
});
export type CompilationParagraph = z.infer<typeof CompilationParagraph>;

export const CompilationSection = z.object({
  sid: z.string().nullable(),
  /** Closed for new proposals. */
  closed: z.boolean(),
  heading: z.array(CompilationInline),
  paragraphs: z.array(CompilationParagraph),
});
export type CompilationSection = z.infer<typeof CompilationSection>;

/** A pending proposal as the compilation names it. */
export const CompiledProposal = z.object({
  delegationName: z.string(),
  /** "Mexico; supported by Chile, Peru; opposed by Japan" */
  attribution: z.string(),
});
export type CompiledProposal = z.infer<typeof CompiledProposal>;

export const Compilation = z.object({
  title: z.array(CompilationInline),
  sections: z.array(CompilationSection),
  /** Every proposal the text shows, by id. */
  proposals: z.record(z.string(), CompiledProposal),
});
export type Compilation = z.infer<typeof Compilation>;

/** `GET /api/revisions/:revisionId/compilation` */
export const RevisionCompilation = z.object({
  meeting: Meeting,
  document: z.object({ id: z.string(), title: z.string() }),
  revision: RevisionSummary,
  /** When the server read the text (its clock). */
  compiledAt: z.string(),
  compilation: Compilation,
});
export type RevisionCompilation = z.infer<typeof RevisionCompilation>;
