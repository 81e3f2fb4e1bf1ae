import type { Editor, Extensions, JSONContent } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import type { EditorState, PluginView } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  prosemirrorJSONToYXmlFragment,
  ySyncPluginKey,
  yUndoPluginKey,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { createTestEditor } from '@zerodraft/shared/schema/test-editor.ts';
import * as Y from 'yjs';

/**
 * For tests: headless editors bound to Y.Docs by TipTap's Collaboration extension, as the
 * browser binds them. Without a DOM, TipTap creates no view, so nothing starts the plugins'
 * views, where the Yjs binding lives; they are started here on a stand-in with what the
 * binding reads of a view: its state, dispatch, and focus (never, headless). Only the Yjs
 * plugins' views are started: the others need a DOM.
 */
export function createCollabTestEditor(ydoc: Y.Doc, extensions: Extensions = []): Editor {
  const content = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOCUMENT_FIELD));
  const collaboration = Collaboration.configure({ document: ydoc, field: DOCUMENT_FIELD });
  const editor = createTestEditor(content, [], [collaboration, ...extensions]);
  const view = {
    get state() {
      return editor.state;
    },
    dispatch: (tr: Parameters<EditorView['dispatch']>[0]) => editor.view.dispatch(tr),
    hasFocus: () => false,
    editable: true,
  } as unknown as EditorView;
  const views: PluginView[] = [ySyncPluginKey, yUndoPluginKey].flatMap((key) => {
    const start = key.get(editor.state)?.spec.view;
    return start ? [start(view)] : [];
  });
  let previous: EditorState = editor.state;
  editor.on('transaction', () => {
    const before = previous;
    previous = editor.state;
    for (const pluginView of views) pluginView.update?.(view, before);
  });
  editor.on('destroy', () => {
    for (const pluginView of views) pluginView.destroy?.();
  });
  return editor;
}

/** A Y.Doc holding the document, as the server has it when a revision is circulated. */
export function ydocWith(content: JSONContent): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(documentSchema, content, ydoc.getXmlFragment(DOCUMENT_FIELD));
  return ydoc;
}

const REMOTE = Symbol('remote');

/**
 * Two peers' Y.Docs kept in step, as the server relays updates between clients. `onUpdate`
 * sees each local update first, with the doc it came from.
 */
export function connect(a: Y.Doc, b: Y.Doc, onUpdate: (update: Uint8Array, from: Y.Doc) => void = () => {}): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
  const relay = (from: Y.Doc, to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    onUpdate(update, from);
    Y.applyUpdate(to, update, REMOTE);
  };
  a.on('update', relay(a, b));
  b.on('update', relay(b, a));
}
