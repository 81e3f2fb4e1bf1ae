import { mergeAttributes, Node } from '@tiptap/core';
import type { ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, type Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { validateNodeId } from './paragraph-ids.ts';

/**
 * How a paragraph of an outcome document reads: preambular paragraphs ("Recalling …") are
 * unnumbered, operative paragraphs are numbered 1, 2, 3 … and sub-paragraphs lettered
 * (a), (b) … under the operative paragraph before them (see numbering.ts).
 */
export const PARAGRAPH_KINDS = ['preambular', 'operative', 'subparagraph'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export function isParagraphKind(value: unknown): value is ParagraphKind {
  return PARAGRAPH_KINDS.includes(value as ParagraphKind);
}

/**
 * Where the negotiation stands on a paragraph (DESIGN.md §1). Agreed paragraphs take no new
 * proposals; "agreed ad ref" is agreed subject to confirmation by capitals. Only the server
 * sets it, on an act of the Chair or the section's facilitator.
 */
export const PARAGRAPH_STATUSES = ['open', 'agreed_ad_ref', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

export function isParagraphStatus(value: unknown): value is ParagraphStatus {
  return PARAGRAPH_STATUSES.includes(value as ParagraphStatus);
}

export const PARAGRAPH_STATUS_NAMES: Readonly<Record<ParagraphStatus, string>> = {
  open: 'Open',
  agreed_ad_ref: 'Agreed ad ref',
  agreed: 'Agreed',
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    paragraph: {
      /**
       * Adds an empty paragraph of this kind right after the paragraph holding the cursor, or
       * at the end of the section when the cursor is in its heading, and moves the cursor into it.
       */
      insertParagraph: (kind: ParagraphKind) => ReturnType;
      /** Changes the kind of every paragraph the selection touches. */
      setParagraphKind: (kind: ParagraphKind) => ReturnType;
    };
  }
}

/** Positions of the paragraphs the selection touches, only those of kind `only` if given. */
function paragraphsInSelection(tr: Transaction, only?: ParagraphKind): number[] {
  const positions: number[] = [];
  tr.doc.nodesBetween(tr.selection.from, tr.selection.to, (node, pos) => {
    if (node.type.name !== 'paragraph') return !node.isTextblock;
    if (only === undefined || node.attrs.kind === only) positions.push(pos);
    return false;
  });
  return positions;
}

function setKind(tr: Transaction, positions: readonly number[], kind: ParagraphKind): void {
  for (const pos of positions) tr.setNodeAttribute(pos, 'kind', kind);
}

/** Where a new paragraph goes: after the cursor's paragraph, else at the end of its section. */
function paragraphInsertionPoint($pos: ResolvedPos): number | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const name = $pos.node(depth).type.name;
    if (name === 'paragraph') return $pos.after(depth);
    if (name === 'section') return $pos.end(depth);
  }
  return null;
}

/** The position whose ancestors say where the cursor is; a selected node counts as inside. */
export function cursorPosition(selection: Selection): ResolvedPos {
  return selection instanceof NodeSelection ? selection.$from.doc.resolve(selection.from + 1) : selection.$to;
}

export const Paragraph = Node.create({
  name: 'paragraph',
  content: 'inline*',

  addAttributes() {
    return {
      // Identity across revisions ("para 12, was 10 in Draft 1"); paragraph-ids.ts fills it.
      pid: {
        default: null,
        keepOnSplit: false,
        validate: validateNodeId,
        parseHTML: (element) => element.getAttribute('data-pid'),
        renderHTML: (attributes) => (attributes.pid ? { 'data-pid': attributes.pid } : {}),
      },
      kind: {
        default: 'operative' satisfies ParagraphKind,
        keepOnSplit: true,
        validate: (value: unknown) => {
          if (!isParagraphKind(value)) {
            throw new RangeError(`Paragraph kind must be one of ${PARAGRAPH_KINDS.join(', ')}, not ${String(value)}`);
          }
        },
        parseHTML: (element) => {
          const kind = element.getAttribute('data-kind');
          return isParagraphKind(kind) ? kind : 'operative';
        },
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
      status: {
        default: 'open' satisfies ParagraphStatus,
        // The new half of a split agreed paragraph is new text, not agreed text.
        keepOnSplit: false,
        validate: (value: unknown) => {
          if (!isParagraphStatus(value)) {
            throw new RangeError(
              `Paragraph status must be one of ${PARAGRAPH_STATUSES.join(', ')}, not ${String(value)}`,
            );
          }
        },
        // Pasted words are new text, whatever they were where they came from.
        parseHTML: () => 'open',
        renderHTML: (attributes) => (attributes.status === 'open' ? {} : { 'data-status': attributes.status }),
      },
      // A paragraph proposed whole: the proposal's `SuggestionAttrs` (suggestions.ts), else null.
      // Both halves of a split proposed paragraph stay part of the proposal.
      insertion: {
        default: null,
        keepOnSplit: true,
        parseHTML: () => null,
        renderHTML: (attributes) =>
          attributes.insertion
            ? { 'data-proposal': attributes.insertion.id, 'data-delegation': attributes.insertion.delegation }
            : {},
      },
    };
  },

  // Any <p>, so a paste from a word processor keeps its paragraphs (DESIGN.md §5).
  parseHTML() {
    return [{ tag: 'p' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ class: 'zd-paragraph' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertParagraph:
        (kind) =>
        ({ tr, dispatch }) => {
          const pos = paragraphInsertionPoint(cursorPosition(tr.selection));
          if (pos === null) return false;
          if (dispatch) {
            tr.insert(pos, this.type.create({ kind }));
            tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView();
          }
          return true;
        },
      setParagraphKind:
        (kind) =>
        ({ tr, dispatch }) => {
          const positions = paragraphsInSelection(tr);
          if (dispatch) setKind(tr, positions, kind);
          return positions.length > 0;
        },
    };
  },

  // A key that changes nothing is left to the browser, so Tab still moves focus out of the
  // editor (keyboard access, DESIGN.md §5), as TipTap's list items do.
  addKeyboardShortcuts() {
    const convert = (from: ParagraphKind, to: ParagraphKind) => () =>
      this.editor.commands.command(({ tr }) => {
        const positions = paragraphsInSelection(tr, from);
        setKind(tr, positions, to);
        return positions.length > 0;
      });
    return {
      Tab: convert('operative', 'subparagraph'),
      'Shift-Tab': convert('subparagraph', 'operative'),
    };
  },
});
