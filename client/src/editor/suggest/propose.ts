import { Fragment, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Selection, type Transaction } from '@tiptap/pm/state';
import type { ParagraphKind } from '@zerodraft/shared/schema/paragraph.ts';
import {
  isSuggestionKind,
  type SuggestionAttrs,
  type SuggestionKind,
  suggestionOf,
} from '@zerodraft/shared/schema/suggestions.ts';
import type { Change } from './change.ts';
import { closedTextReason } from './closed-text.ts';
import { isMine, isOwn, newProposal, type Proposer } from './proposer.ts';

/** Meta of a transaction that already proposes its change, so suggest mode lets it through. */
export const PROPOSED_META = 'suggestMode$proposed';

export const OUTSIDE_SECTION_REFUSED = 'New paragraphs can be proposed only within a section.';

export type Refusal = { refused: string };

/** A paragraph proposed whole by the proposer's delegation: its proposal, else null. */
function ownProposedParagraph(node: ProseMirrorNode, proposer: Proposer): SuggestionAttrs | null {
  if (node.type.name !== 'paragraph') return null;
  const proposal = node.attrs.insertion as SuggestionAttrs | null;
  return proposal && isOwn(proposal, proposer) ? proposal : null;
}

const hasOwn = (node: ProseMirrorNode, kind: SuggestionKind, proposer: Proposer): boolean =>
  node.marks.some((mark) => {
    const suggestion = suggestionOf(mark);
    return suggestion?.kind === kind && isOwn(suggestion.attrs, proposer);
  });

/** Words struck through by the proposer's delegation: deleting them again changes nothing. */
export const struckByOwn = (node: ProseMirrorNode, proposer: Proposer): boolean =>
  hasOwn(node, 'deletion', proposer) && !hasOwn(node, 'insertion', proposer);

/**
 * The proposal a change joins: one of this user's next to it (typing on after one's own
 * words, or deleting on next to one's own struck words, continues that proposal), else the
 * user's own proposed paragraph it is typed in, else a new one.
 */
function proposalFor(doc: ProseMirrorNode, from: number, to: number, proposer: Proposer): SuggestionAttrs {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  for (const neighbour of [$from.nodeBefore, $to.nodeAfter]) {
    for (const mark of neighbour?.marks ?? []) {
      const suggestion = suggestionOf(mark);
      // Copied: a mark's attributes have no prototype, and Yjs cannot store such an object
      // as the attribute of a paragraph proposed with them.
      if (suggestion && isMine(suggestion.attrs, proposer)) return { ...suggestion.attrs };
    }
  }
  const paragraph = ownProposedParagraph($to.parent, proposer);
  if (paragraph && isMine(paragraph, proposer)) return paragraph;
  return newProposal(proposer);
}

type Range = [from: number, to: number];

/** What deleting a range does in suggest mode. */
interface Deletion {
  /** Words to strike through. */
  strike: Range[];
  /** The delegation's own proposed words and paragraphs: withdrawn, so really removed. */
  remove: Range[];
}

function planDeletion(doc: ProseMirrorNode, from: number, to: number, proposer: Proposer): Deletion | Refusal {
  const deletion: Deletion = { strike: [], remove: [] };
  let refused: string | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    if (refused !== null) return false;
    const end = pos + node.nodeSize;
    if (pos >= from && end <= to && ownProposedParagraph(node, proposer)) {
      refused = closedTextReason(doc, pos + 1);
      deletion.remove.push([pos, end]);
      return false;
    }
    if (!node.isInline) return true;
    const a = Math.max(pos, from);
    const b = Math.min(end, to);
    if (a >= b || struckByOwn(node, proposer)) return false;
    refused = closedTextReason(doc, a);
    (hasOwn(node, 'insertion', proposer) ? deletion.remove : deletion.strike).push([a, b]);
    return false;
  });
  return refused === null ? deletion : { refused };
}

/** A textblock's worth of content to insert; `kind` when it came from a paragraph. */
interface Block {
  kind: ParagraphKind | null;
  content: Fragment;
}

/**
 * Inline content cut at its line breaks. The Yjs binding keeps no marks on a line break, so a
 * proposed one would reach the others as a change to the text itself; each line becomes a
 * block instead, as if the user had pressed Enter.
 */
function linesOf(content: Fragment): Fragment[] {
  const lines: Fragment[] = [];
  let line: ProseMirrorNode[] = [];
  content.forEach((node) => {
    if (node.type.name === 'hardBreak') {
      lines.push(Fragment.fromArray(line));
      line = [];
    } else {
      line.push(node);
    }
  });
  lines.push(Fragment.fromArray(line));
  return lines;
}

/** The inserted content as textblocks; headings and sections pasted become paragraphs, lines too. */
function blocksOf(content: Fragment): Block[] {
  const blocks: Block[] = [];
  let inline: ProseMirrorNode[] = [];
  const push = (kind: ParagraphKind | null, textblockContent: Fragment) => {
    for (const line of linesOf(textblockContent)) blocks.push({ kind, content: line });
  };
  const flush = () => {
    if (inline.length > 0) push(null, Fragment.fromArray(inline));
    inline = [];
  };
  const visit = (fragment: Fragment) =>
    fragment.forEach((node) => {
      if (node.isInline) {
        inline.push(node);
      } else if (node.isTextblock) {
        flush();
        push(node.type.name === 'paragraph' ? node.attrs.kind : null, node.content);
      } else {
        flush();
        visit(node.content);
      }
    });
  visit(content);
  flush();
  return blocks;
}

/** The content as the proposer's insertion: others' suggestion marks copied with it are dropped. */
function asInserted(content: Fragment, insertion: Mark): Fragment {
  const nodes: ProseMirrorNode[] = [];
  content.forEach((node) => {
    nodes.push(node.mark(insertion.addToSet(node.marks.filter((mark) => !isSuggestionKind(mark.type.name)))));
  });
  return Fragment.fromArray(nodes);
}

/** Inserts the blocks at `at` as proposed; returns where the cursor goes after them. */
function insertBlocks(
  tr: Transaction,
  at: number,
  blocks: readonly Block[],
  proposal: SuggestionAttrs,
  proposer: Proposer,
): number | Refusal {
  const { schema } = tr.doc.type;
  const insertion = schema.mark('insertion', proposal);
  const paragraph = (block: Block, kind: ParagraphKind, whole: SuggestionAttrs) =>
    schema.node('paragraph', { kind: block.kind ?? kind, insertion: whole }, asInserted(block.content, insertion));
  const $at = tr.doc.resolve(at);

  // Between paragraphs ("+ Operative", or typing over a selected paragraph): all new paragraphs.
  if (!$at.parent.isTextblock) {
    if ($at.parent.type.name !== 'section') return { refused: OUTSIDE_SECTION_REFUSED };
    const refused = closedTextReason(tr.doc, at);
    if (refused) return { refused };
    // Nothing goes before the section's heading.
    const pos = $at.index() === 0 ? at + $at.parent.child(0).nodeSize : at;
    const nodes = blocks.map((block) => paragraph(block, 'operative', proposal));
    tr.insert(pos, nodes);
    return pos + Fragment.fromArray(nodes).size - 1;
  }

  const textblock = $at.parent;
  const kind: ParagraphKind = textblock.type.name === 'paragraph' ? textblock.attrs.kind : 'operative';
  const atStart = $at.parentOffset === 0 && textblock.content.size > 0 && textblock.type.name === 'paragraph';
  if (blocks.length > 1 && atStart && !ownProposedParagraph(textblock, proposer)) {
    // At the very start of a paragraph nothing needs splitting: the new paragraphs go before
    // it, as in Word, and the cursor stays (Enter) or goes after them (paste). The paragraph
    // itself is left as it is, words pasted last included: the Yjs binding would otherwise take
    // its element for the first new paragraph, and the server refuses that.
    const pos = $at.before();
    const refused = closedTextReason(tr.doc, pos);
    if (refused) return { refused };
    const last = blocks.at(-1);
    const whole = last?.content.size ? blocks : blocks.slice(0, -1);
    const nodes = Fragment.fromArray(whole.map((block) => paragraph(block, kind, proposal)));
    tr.insert(pos, nodes);
    return whole === blocks ? pos + nodes.size - 1 : at + nodes.size;
  }

  const [first, ...rest] = blocks;
  if (first && first.content.size > 0) {
    const refused = closedTextReason(tr.doc, at);
    if (refused) return { refused };
    tr.insert(at, asInserted(first.content, insertion));
  }
  const end = at + (first?.content.size ?? 0);
  const last = rest.pop();
  if (!last) return end;

  const own = ownProposedParagraph(textblock, proposer);
  if (own) {
    // One's own proposed paragraph splits, and both halves stay proposed.
    const refused = closedTextReason(tr.doc, at);
    if (refused) return { refused };
    const whole = isMine(own, proposer) ? own : proposal;
    tr.split(end, 1, [{ type: textblock.type, attrs: { kind: last.kind ?? kind, insertion: whole } }]);
    const middle = Fragment.fromArray(rest.map((block) => paragraph(block, kind, whole)));
    tr.insert(end + 1, middle);
    const lastStart = end + 2 + middle.size;
    tr.insert(lastStart, asInserted(last.content, insertion));
    return lastStart + last.content.size;
  }

  // Agreed text is never split: elsewhere in it, the new paragraphs go after the current one.
  const pos = tr.doc.resolve(end).after($at.depth);
  if (tr.doc.resolve(pos).parent.type.name !== 'section') return { refused: OUTSIDE_SECTION_REFUSED };
  const refused = closedTextReason(tr.doc, pos);
  if (refused) return { refused };
  const nodes = Fragment.fromArray([...rest, last].map((block) => paragraph(block, kind, proposal)));
  tr.insert(pos, nodes);
  return pos + nodes.size - 1;
}

/** The textblocks either side of a range that holds nothing but the break between them. */
function breakBetween(doc: ProseMirrorNode, from: number, to: number) {
  if (from >= to) return null;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.parent.isTextblock || !$to.parent.isTextblock || $from.sameParent($to)) return null;
  if ($from.parentOffset !== $from.parent.content.size || $to.parentOffset !== 0) return null;
  if (Selection.findFrom(doc.resolve($from.after()), 1, true)?.from !== to) return null;
  return {
    before: { node: $from.parent, pos: $from.before() },
    after: { node: $to.parent, pos: $to.before() },
    sameSection: $from.node($from.depth - 1) === $to.node($to.depth - 1),
  };
}

/**
 * Backspace at the start of a paragraph, or Delete at the end of one. One's own empty
 * proposed paragraph goes; one's own proposed paragraph with words joins the paragraph before
 * it as proposed words; any other break stays (agreed text is never joined: the server
 * refuses it) and the cursor crosses it.
 */
function proposeAcrossBreak(
  state: EditorState,
  change: Change,
  between: NonNullable<ReturnType<typeof breakBetween>>,
  proposer: Proposer,
): Transaction | Refusal {
  const { doc } = state;
  const { from, to } = change;
  const { before, after, sameSection } = between;
  const tr = state.tr;
  let cursor = change.cursor === 'start' ? from : to;
  const ownAfter = ownProposedParagraph(after.node, proposer);
  if (ownAfter) {
    const refused = closedTextReason(doc, to);
    if (refused) return { refused };
    if (after.node.content.size === 0) {
      tr.delete(after.pos, after.pos + after.node.nodeSize);
      cursor = from;
    } else if (before.node.type.name === 'paragraph' && sameSection && closedTextReason(doc, from) === null) {
      const insertion = state.schema.mark('insertion', isMine(ownAfter, proposer) ? ownAfter : newProposal(proposer));
      after.node.forEach((child, offset) => {
        if (!hasOwn(child, 'insertion', proposer)) tr.addMark(to + offset, to + offset + child.nodeSize, insertion);
      });
      tr.delete(from, to);
      cursor = from;
    }
  } else if (change.cursor === 'end' && ownProposedParagraph(before.node, proposer) && before.node.content.size === 0) {
    // Delete in one's own empty proposed paragraph takes it away.
    const refused = closedTextReason(doc, from);
    if (refused) return { refused };
    tr.delete(before.pos, before.pos + before.node.nodeSize);
    cursor = tr.mapping.map(to);
  }
  return tr.setSelection(Selection.near(tr.doc.resolve(cursor))).setMeta(PROPOSED_META, true);
}

/**
 * The change as the proposer's suggestions, as Word does with "Track changes" on: deleted
 * words stay, struck through (one's own proposed words really go), inserted words are marked
 * and placed after the deleted ones, new paragraphs are proposed whole. Other delegations'
 * suggestions are never removed. Or why it cannot be proposed.
 */
export function proposeChange(state: EditorState, change: Change, proposer: Proposer): Transaction | Refusal {
  const { doc } = state;
  const { from, to, slice } = change;
  const between = slice.size === 0 ? breakBetween(doc, from, to) : null;
  if (between) return proposeAcrossBreak(state, change, between, proposer);

  const deletion = planDeletion(doc, from, to, proposer);
  if ('refused' in deletion) return deletion;
  const proposal = proposalFor(doc, from, to, proposer);
  const tr = state.tr;
  const struck = state.schema.mark('deletion', proposal);
  for (const [a, b] of deletion.strike) tr.addMark(a, b, struck);
  for (const [a, b] of [...deletion.remove].reverse()) tr.delete(a, b);

  let cursor: number;
  if (slice.size > 0) {
    const end = insertBlocks(tr, tr.mapping.map(to), blocksOf(slice.content), proposal, proposer);
    if (typeof end !== 'number') return end;
    cursor = end;
  } else {
    cursor = change.cursor === 'start' ? tr.mapping.map(from, -1) : tr.mapping.map(to, 1);
  }
  return tr.setSelection(Selection.near(tr.doc.resolve(cursor))).setMeta(PROPOSED_META, true);
}
