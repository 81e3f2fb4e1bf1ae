import { Editor, type Extensions, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import type { Plugin, Transaction } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { documentExtensions } from './document.ts';
import { numberingKey } from './numbering.ts';
import type { ParagraphKind } from './paragraph.ts';

/**
 * A TipTap editor over the document schema, without a DOM. TipTap creates no view then, and
 * leaves the state without plugins; they are installed here as mounting would, so commands,
 * keys and the plugins' appended transactions behave as in the browser. `extraPlugins` take
 * the place of what the client adds (in tests, ProseMirror's history stands in for Yjs undo);
 * `extraExtensions` are the client's own TipTap extensions, with their `dispatchTransaction`
 * hooks composed into dispatch as mounting would.
 */
export function createTestEditor(
  content: JSONContent,
  extraPlugins: readonly Plugin[] = [],
  extraExtensions: Extensions = [],
): Editor {
  const editor = new Editor({ element: null, extensions: [...documentExtensions, ...extraExtensions], content });
  editor.view.updateState(editor.state.reconfigure({ plugins: [...editor.extensionManager.plugins, ...extraPlugins] }));
  // Without a view, TipTap dispatches straight to its private `dispatchTransaction`.
  const headless = editor as unknown as { dispatchTransaction: (tr: Transaction) => void };
  headless.dispatchTransaction = editor.extensionManager.dispatchTransaction(headless.dispatchTransaction.bind(editor));
  return editor;
}

/** Presses a key ('Enter', 'Backspace', 'Tab', 'Shift-Tab') as the view would: plugin by plugin. */
export function pressKey(editor: Editor, shortcut: string): boolean {
  const shiftKey = shortcut.startsWith('Shift-');
  const key = shiftKey ? shortcut.slice('Shift-'.length) : shortcut;
  const event = { key, shiftKey, altKey: false, ctrlKey: false, metaKey: false, keyCode: 0 } as KeyboardEvent;
  const { view } = editor;
  return editor.state.plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, view, event) === true);
}

/** Types text at the selection, as the view does for each keystroke. */
export function typeText(editor: Editor, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text));
}

/** Pastes a slice at the selection as the view would, after the plugins' transformPasted. */
export function paste(editor: Editor, slice: Slice): void {
  const { view } = editor;
  const pasted = editor.state.plugins.reduce(
    (current, plugin) => plugin.props.transformPasted?.call(plugin, current, view, false) ?? current,
    slice,
  );
  view.dispatch(editor.state.tr.replaceSelection(pasted).setMeta('paste', true).setMeta('uiEvent', 'paste'));
}

export interface ParagraphAt {
  node: ProseMirrorNode;
  pos: number;
}

export function paragraphs(doc: ProseMirrorNode): ParagraphAt[] {
  const found: ParagraphAt[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph') found.push({ node, pos });
    return !node.isTextblock;
  });
  return found;
}

export function paragraphWithText(doc: ProseMirrorNode, text: string): ParagraphAt {
  const found = paragraphs(doc).find(({ node }) => node.textContent === text);
  if (!found) throw new Error(`No paragraph reads "${text}"`);
  return found;
}

/** Puts the cursor `offset` characters into the title, heading or paragraph that reads `text`. */
export function cursorIn(editor: Editor, text: string, offset = 0): void {
  let found: number | undefined;
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.textContent === text) found ??= pos;
    return found === undefined;
  });
  if (found === undefined) throw new Error(`Nothing reads "${text}"`);
  editor.commands.setTextSelection(found + 1 + offset);
}

/** The `data-number` decorations the numbering plugin gives the view, in document order. */
export function numbersShown(editor: Editor): { pos: number; number: string }[] {
  const decorations = numberingKey.getState(editor.state)?.find() ?? [];
  // ProseMirror keeps a decoration's attributes in an internal field; the view reads them there.
  const attrsOf = (decoration: Decoration) =>
    (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
  return decorations.map((decoration) => ({ pos: decoration.from, number: attrsOf(decoration)['data-number'] ?? '' }));
}

export const pids = (doc: ProseMirrorNode): unknown[] => paragraphs(doc).map(({ node }) => node.attrs.pid);

export const texts = (doc: ProseMirrorNode): string[] => paragraphs(doc).map(({ node }) => node.textContent);

export function sids(doc: ProseMirrorNode): unknown[] {
  const found: unknown[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'section') found.push(node.attrs.sid);
  });
  return found;
}

/** Builders for test documents in TipTap JSON. */
export const json = {
  doc: (...sections: JSONContent[]): JSONContent => ({
    type: 'doc',
    content: [{ type: 'title', content: [{ type: 'text', text: 'Draft outcome document' }] }, ...sections],
  }),
  section: (sid: string | null, heading: string, ...content: JSONContent[]): JSONContent => ({
    type: 'section',
    attrs: { sid },
    content: [{ type: 'sectionHeading', content: [{ type: 'text', text: heading }] }, ...content],
  }),
  paragraph: (pid: string | null, kind: ParagraphKind, text = ''): JSONContent => ({
    type: 'paragraph',
    attrs: { pid, kind },
    ...(text ? { content: [{ type: 'text', text }] } : {}),
  }),
};
