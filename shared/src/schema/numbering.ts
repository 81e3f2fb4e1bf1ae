import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** (a) … (z), then (aa), (bb) … (zz), (aaa) …, as UN documents letter sub-paragraphs. */
function subparagraphLabel(index: number): string {
  return `(${LETTERS.charAt(index % LETTERS.length).repeat(Math.floor(index / LETTERS.length) + 1)})`;
}

/**
 * Calls `visit` with each numbered paragraph, in document order, and its label: operative
 * paragraphs "1." "2." … continuously across sections; sub-paragraphs "(a)" "(b)" …, starting
 * again after each operative paragraph. Preambular paragraphs have no number.
 */
function forEachNumberedParagraph(
  doc: ProseMirrorNode,
  visit: (node: ProseMirrorNode, pos: number, label: string) => void,
): void {
  let operative = 0;
  let subparagraph = 0;
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph') {
      if (node.attrs.kind === 'operative') {
        operative++;
        subparagraph = 0;
        visit(node, pos, `${operative}.`);
      } else if (node.attrs.kind === 'subparagraph') {
        visit(node, pos, subparagraphLabel(subparagraph++));
      }
    }
    return !node.isTextblock;
  });
}

/** The label of every numbered paragraph by its pid: '1.', '2.', '(a)'. Numbers are never stored. */
export function paragraphNumbers(doc: ProseMirrorNode): Map<string, string> {
  const numbers = new Map<string, string>();
  forEachNumberedParagraph(doc, (node, _pos, label) => {
    if (typeof node.attrs.pid === 'string') numbers.set(node.attrs.pid, label);
  });
  return numbers;
}

function numberDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  forEachNumberedParagraph(doc, (node, pos, label) => {
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': label }));
  });
  return DecorationSet.create(doc, decorations);
}

/** Whether the transaction only typed or deleted text inside single textblocks: no number can change. */
export function onlyEditsText(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep) || !doc) return false;
    const $from = doc.resolve(step.from);
    return (
      $from.parent.isTextblock &&
      $from.sameParent(doc.resolve(step.to)) &&
      step.slice.openStart === 0 &&
      step.slice.openEnd === 0 &&
      step.slice.content.content.every((node) => node.isInline)
    );
  });
}

export const numberingKey = new PluginKey<DecorationSet>('numbering');

/**
 * Shows each numbered paragraph's label as its `data-number` attribute, for the stylesheet to
 * print in the margin. Typing only moves the numbers, so the set is mapped; any other change
 * rebuilds it (a pass over 1,500 paragraphs costs about a millisecond). Mapping would not do
 * there: a change from Yjs replaces the whole document, and mapped decorations would vanish.
 */
export const Numbering = Extension.create({
  name: 'numbering',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: numberingKey,
        state: {
          init: (_config, state) => numberDecorations(state.doc),
          apply: (tr, decorations) => {
            if (!tr.docChanged) return decorations;
            return onlyEditsText(tr) ? decorations.map(tr.mapping, tr.doc) : numberDecorations(tr.doc);
          },
        },
        props: {
          decorations: (state) => numberingKey.getState(state),
        },
      }),
    ];
  },
});
