import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type {
  Compilation,
  CompilationInline,
  CompilationParagraph,
  CompilationRun,
  CompilationSection,
  CompiledProposal,
} from '../api/compilation.ts';
import { paragraphNumbers } from '../schema/numbering.ts';
import { isParagraphKind, isParagraphStatus, PARAGRAPH_STATUS_NAMES } from '../schema/paragraph.ts';
import { type SuggestionAttrs, suggestionOf } from '../schema/suggestions.ts';
import { attribution, type ProposalRecord } from './record.ts';

export interface CompilationSources {
  /** The revision's proposal records by id (the `proposals` map); a brand-new proposal may have none yet. */
  records: ReadonlyMap<string, ProposalRecord>;
  /** The names of the meeting's delegations by id, to name the proposer of a proposal without a record. */
  delegations: ReadonlyMap<string, string>;
}

/** What a proposal without a record and of a delegation nobody knows is attributed to. */
export const UNKNOWN_DELEGATION = 'A delegation';

/**
 * The compilation text of a revision (DESIGN.md §1): paragraph by paragraph, every pending
 * proposal inline where its marks are, each followed by its attribution, as a UN compilation
 * text prints them. Numbers are the editor's (`paragraphNumbers`), so "paragraph 12" means the
 * same paragraph in both.
 */
export function compile(doc: ProseMirrorNode, { records, delegations }: CompilationSources): Compilation {
  const numbers = paragraphNumbers(doc);
  const proposals: Record<string, CompiledProposal> = {};
  const name = (attrs: SuggestionAttrs): void => {
    if (proposals[attrs.id]) return;
    const record = records.get(attrs.id);
    proposals[attrs.id] = record
      ? { delegationName: record.delegationName, attribution: attribution(record) }
      : unrecorded(delegations.get(attrs.delegation) ?? UNKNOWN_DELEGATION);
  };

  let title: CompilationInline[] = [];
  const sections: CompilationSection[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'title') title = inline(node, name, null);
    if (node.type.name !== 'section') return;
    const section: CompilationSection = {
      sid: node.attrs.sid,
      closed: node.attrs.closed === true,
      heading: [],
      paragraphs: [],
    };
    node.forEach((child) => {
      if (child.type.name === 'sectionHeading') section.heading = inline(child, name, null);
      if (child.type.name === 'paragraph') section.paragraphs.push(paragraph(child, numbers, name));
    });
    sections.push(section);
  });
  return { title, sections, proposals };
}

function unrecorded(delegationName: string): CompiledProposal {
  return { delegationName, attribution: attribution({ delegationName, stances: {} }) };
}

function paragraph(
  node: ProseMirrorNode,
  numbers: ReadonlyMap<string, string>,
  name: (attrs: SuggestionAttrs) => void,
): CompilationParagraph {
  const pid = typeof node.attrs.pid === 'string' ? node.attrs.pid : null;
  const status = isParagraphStatus(node.attrs.status) ? node.attrs.status : 'open';
  const proposedWhole = (node.attrs.insertion as SuggestionAttrs | null) ?? null;
  if (proposedWhole) name(proposedWhole);
  return {
    pid,
    kind: isParagraphKind(node.attrs.kind) ? node.attrs.kind : 'operative',
    number: (pid && numbers.get(pid)) ?? null,
    status,
    statusName: status === 'open' ? null : PARAGRAPH_STATUS_NAMES[status],
    proposed: proposedWhole?.id ?? null,
    // The paragraph's own words are its proposal: "New paragraph proposed by …" names it once.
    content: inline(node, name, proposedWhole?.id ?? null),
  };
}

/**
 * The runs of a textblock, each proposal's attribution placed where its words end. Words of
 * one proposal in a row (a replacement's deleted and inserted words) take one attribution,
 * after the last of them; where proposals end together, the one that began first is named first.
 */
function inline(
  node: ProseMirrorNode,
  name: (attrs: SuggestionAttrs) => void,
  unattributed: string | null,
): CompilationInline[] {
  const runs: CompilationRun[] = [];
  node.forEach((child) => {
    const run: CompilationRun = { text: child.isText ? (child.text ?? '') : '\n' };
    for (const mark of child.marks) {
      const suggestion = suggestionOf(mark);
      if (suggestion) {
        name(suggestion.attrs);
        const kind = suggestion.kind === 'insertion' ? 'inserted' : 'deleted';
        const ids = run[kind] ?? [];
        if (!ids.includes(suggestion.attrs.id)) run[kind] = [...ids, suggestion.attrs.id];
      } else if (mark.type.name === 'italic') run.italic = true;
      else if (mark.type.name === 'bold') run.bold = true;
    }
    const last = runs.at(-1);
    if (last && readAlike(last, run)) last.text += run.text;
    else runs.push(run);
  });

  const content: CompilationInline[] = [];
  /** Where each proposal's current stretch of words began, in the order they began. */
  const open = new Map<string, number>();
  runs.forEach((run, i) => {
    for (const id of proposalsOn(run)) if (!open.has(id)) open.set(id, i);
    content.push(run);
    const next = runs[i + 1];
    const onNext = next ? proposalsOn(next) : [];
    for (const id of open.keys()) {
      if (onNext.includes(id)) continue;
      open.delete(id);
      if (id !== unattributed) content.push({ proposal: id });
    }
  });
  return content;
}

const proposalsOn = (run: CompilationRun): string[] => [...(run.inserted ?? []), ...(run.deleted ?? [])];

const sameIds = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Runs that print the same way (a link, say, is printed as its words) are one run. */
const readAlike = (a: CompilationRun, b: CompilationRun) =>
  a.italic === b.italic && a.bold === b.bold && sameIds(a.inserted, b.inserted) && sameIds(a.deleted, b.deleted);
