import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { type EditorState, Selection } from '@tiptap/pm/state';
import type { Change } from './change.ts';
import { struckByOwn } from './propose.ts';
import type { Proposer } from './proposer.ts';

/** UTF-16 units of the last (or first) character of a text, so an emoji goes whole. */
function charLength(node: ProseMirrorNode, side: 'last' | 'first'): number {
  const text = node.text;
  if (!text) return node.nodeSize;
  const code = text.charCodeAt(side === 'last' ? text.length - 1 : 0);
  const pairPart = side === 'last' ? code >= 0xdc00 && code <= 0xdfff : code >= 0xd800 && code <= 0xdbff;
  return pairPart && text.length > 1 ? 2 : 1;
}

/**
 * What Backspace proposes to delete: the selection, or the character before the cursor,
 * passing over words the delegation already struck through; at the start of a paragraph, the
 * break before it.
 */
export function backspaceChange(state: EditorState, proposer: Proposer): Change | null {
  const { selection, doc } = state;
  if (!selection.empty) return { from: selection.from, to: selection.to, slice: Slice.empty, cursor: 'end' };
  const $cursor = selection.$head;
  if (!$cursor.parent.isTextblock) return null;
  const start = $cursor.start();
  let pos = $cursor.pos;
  for (let before = doc.resolve(pos).nodeBefore; before && pos > start; before = doc.resolve(pos).nodeBefore) {
    if (!struckByOwn(before, proposer)) {
      return { from: pos - charLength(before, 'last'), to: pos, slice: Slice.empty, cursor: 'start' };
    }
    pos -= before.nodeSize;
  }
  const previous = Selection.findFrom(doc.resolve($cursor.before()), -1, true);
  return previous ? { from: previous.from, to: start, slice: Slice.empty, cursor: 'start' } : null;
}

/** What Delete proposes to delete: as Backspace, forwards. */
export function deleteChange(state: EditorState, proposer: Proposer): Change | null {
  const { selection, doc } = state;
  if (!selection.empty) return { from: selection.from, to: selection.to, slice: Slice.empty, cursor: 'end' };
  const $cursor = selection.$head;
  if (!$cursor.parent.isTextblock) return null;
  const end = $cursor.end();
  let pos = $cursor.pos;
  for (let after = doc.resolve(pos).nodeAfter; after && pos < end; after = doc.resolve(pos).nodeAfter) {
    if (!struckByOwn(after, proposer)) {
      return { from: pos, to: pos + charLength(after, 'first'), slice: Slice.empty, cursor: 'end' };
    }
    pos += after.nodeSize;
  }
  const next = Selection.findFrom(doc.resolve($cursor.after()), 1, true);
  return next ? { from: end, to: next.from, slice: Slice.empty, cursor: 'end' } : null;
}

/** Enter: a paragraph break at the selection, the new paragraph of the current one's kind. */
export function enterChange(state: EditorState): Change {
  const { selection, schema } = state;
  const current = selection.$to.parent;
  const kind = current.type.name === 'paragraph' ? current.attrs.kind : 'operative';
  const paragraphs = Fragment.from([schema.node('paragraph', { kind }), schema.node('paragraph', { kind })]);
  return { from: selection.from, to: selection.to, slice: new Slice(paragraphs, 1, 1), cursor: 'end' };
}
