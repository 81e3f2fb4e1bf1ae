import type { SuggestionKind } from '@zerodraft/shared/schema/suggestions.ts';
import * as Y from 'yjs';
import { findSuggestions, suggestionKindOfKey } from './marks.ts';

/** What the Chair decides on a proposal; a withdrawal changes the text as a rejection does. */
export type Decision = 'accept' | 'reject';

interface DeltaOp {
  insert: unknown;
  attributes?: Record<string, unknown>;
}

interface Range {
  index: number;
  length: number;
}

/** Sorted, with overlapping and touching ranges joined: several marks can cover the same words. */
function joined(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.index - b.index);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range.index <= last.index + last.length) {
      last.length = Math.max(last.length, range.index + range.length - last.index);
    } else {
      out.push({ ...range });
    }
  }
  return out;
}

const textLength = (element: Y.XmlElement): number =>
  element.toArray().reduce((n, child) => n + (child instanceof Y.XmlText ? child.length : 0), 0);

function removeElement(element: Y.XmlElement): void {
  const parent = element.parent as Y.XmlElement | Y.XmlFragment | null;
  if (!parent) return;
  const index = parent.toArray().indexOf(element);
  if (index >= 0) parent.delete(index, 1);
}

/** Deletes the words of `element` that carry any suggestion of this kind, whoever's. */
function deleteMarkedWords(element: Y.XmlElement, kind: SuggestionKind): void {
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    const ranges: Range[] = [];
    let index = 0;
    for (const op of child.toDelta() as DeltaOp[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (Object.keys(op.attributes ?? {}).some((key) => suggestionKindOfKey(key) === kind)) {
        ranges.push({ index, length });
      }
      index += length;
    }
    for (const range of joined(ranges).reverse()) child.delete(range.index, range.length);
  }
}

/** Appends `source`'s content, formatting and marks kept, at the end of `target`. */
function appendContent(target: Y.XmlElement, source: Y.XmlElement): void {
  for (const child of source.toArray()) {
    if (child instanceof Y.XmlElement) {
      target.insert(target.length, [child.clone()]);
      continue;
    }
    if (!(child instanceof Y.XmlText)) continue;
    let last = target.get(target.length - 1);
    if (!(last instanceof Y.XmlText)) {
      last = new Y.XmlText();
      target.insert(target.length, [last]);
    }
    const into = last as Y.XmlText;
    for (const op of child.toDelta() as DeltaOp[]) {
      // An explicit (even empty) set of attributes, so the words do not take on the formatting before them.
      if (typeof op.insert === 'string') into.insert(into.length, op.insert, op.attributes ?? {});
    }
  }
}

/**
 * Applies a decision on the proposals `ids` to the text of a revision's Y.Doc, as one set:
 * the outcome does not depend on the order of the proposals, so accepting all of a paragraph
 * is the same whichever proposal comes first.
 *
 * Accept: proposed words stay and lose their mark; words proposed for deletion go (with any
 * other delegation's marks on them); a proposed paragraph becomes an ordinary one; a paragraph
 * whose every word went this way goes too.
 *
 * Reject (and withdraw): the inverse. Proposed words go, words proposed for deletion stay and
 * lose the mark, a proposed paragraph goes with any words others proposed inside it. Words in
 * it that nobody proposed (an existing paragraph's end, split off into it) are not the
 * proposal's to take away: they return to the paragraph before, as if never split.
 */
export function applyDecision(doc: Y.Doc, ids: ReadonlySet<string>, decision: Decision): void {
  const { runs, paragraphs } = findSuggestions(doc);
  const goes: SuggestionKind = decision === 'accept' ? 'deletion' : 'insertion';

  const edits = new Map<Y.XmlText, { deleted: Range[]; unmarked: (Range & { key: string })[] }>();
  const emptiedBlocks = new Set<Y.XmlElement>();
  for (const run of runs) {
    if (!ids.has(run.attrs.id)) continue;
    let edit = edits.get(run.text);
    if (!edit) {
      edit = { deleted: [], unmarked: [] };
      edits.set(run.text, edit);
    }
    if (run.kind === goes) {
      edit.deleted.push({ index: run.index, length: run.length });
      if (run.block) emptiedBlocks.add(run.block);
    } else {
      edit.unmarked.push({ index: run.index, length: run.length, key: run.key });
    }
  }
  for (const [text, { deleted, unmarked }] of edits) {
    // Removing a mark keeps every index; deleting from the end keeps the earlier ones.
    for (const { index, length, key } of unmarked) text.format(index, length, { [key]: null });
    for (const { index, length } of joined(deleted).reverse()) text.delete(index, length);
  }

  for (const { element, attrs } of paragraphs) {
    if (!ids.has(attrs.id)) continue;
    if (decision === 'accept') {
      element.removeAttribute('insertion');
      continue;
    }
    deleteMarkedWords(element, 'insertion');
    const before = element.prevSibling;
    if (textLength(element) === 0) {
      removeElement(element);
    } else if (before instanceof Y.XmlElement && before.nodeName === 'paragraph') {
      appendContent(before, element);
      removeElement(element);
    } else {
      element.removeAttribute('insertion');
    }
  }

  if (decision === 'accept') {
    for (const block of emptiedBlocks) {
      if (block.nodeName === 'paragraph' && block.parent && textLength(block) === 0) removeElement(block);
    }
  }
}
