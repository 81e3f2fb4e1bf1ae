import type { Slice } from '@tiptap/pm/model';
import type { Selection, Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';

/**
 * What a user's edit does to the text, as one replacement of the range `from`–`to` of the
 * document by `slice`, whatever steps made it: typing, deleting, pasting, Enter.
 */
export interface Change {
  from: number;
  to: number;
  slice: Slice;
  /**
   * Where the cursor goes when nothing is inserted: before the words now struck through
   * (Backspace), or past them (Delete, or a selection deleted).
   */
  cursor: 'start' | 'end';
}

export const FORMATTING_REFUSED = 'Formatting cannot be proposed. In suggest mode, propose changes to the words.';
export const STRUCTURE_REFUSED =
  'This change cannot be proposed. In suggest mode, insert or delete words, or propose a new paragraph.';

/**
 * The transaction as one `Change`, or why it cannot be proposed. Its steps must replace one
 * stretch of text, each touching what the ones before changed (a drag-and-drop move, say,
 * touches two stretches apart and is refused). Outside the changed stretch both documents
 * are the same, so it is found from where the steps start and end.
 */
export function changeOf(tr: Transaction, before: Selection): Change | { refused: string } {
  let head = Number.POSITIVE_INFINITY;
  let tail = Number.POSITIVE_INFINITY;
  // The stretch changed so far, in the coordinates of the document before step i.
  let changed: [number, number] | null = null;
  for (const [i, step] of tr.steps.entries()) {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return { refused: FORMATTING_REFUSED };
    const doc = tr.docs[i];
    const map = tr.mapping.maps[i];
    if (!(step instanceof ReplaceStep) || !doc || !map) return { refused: STRUCTURE_REFUSED };
    if (changed && (step.from > changed[1] || step.to < changed[0])) return { refused: STRUCTURE_REFUSED };
    head = Math.min(head, step.from);
    tail = Math.min(tail, doc.content.size - step.to);
    const end = step.from + step.slice.size;
    changed = changed
      ? [Math.min(map.map(changed[0], -1), step.from), Math.max(map.map(changed[1], 1), end)]
      : [step.from, end];
  }
  const from = head;
  const to = tr.before.content.size - tail;
  // A cursor that stood after the deleted words (Backspace) goes before them; else past them.
  const cursor = before.empty && before.head === to && from < to ? 'start' : 'end';
  return { from, to, slice: tr.doc.slice(from, tr.doc.content.size - tail), cursor };
}
