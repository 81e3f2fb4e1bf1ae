/**
 * The editor's suggest mode against the server's policy: every update that Mexico's and
 * Japan's editors send while they propose (typing, replacing, deleting, Enter, joining, pasting,
 * undo) is tried on a shadow copy and checked as the room checks it, and must be accepted.
 */
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { checkUpdate, type Sender } from '@zerodraft/server/collab/policy/suggestion-policy.ts';
import { ShadowDoc } from '@zerodraft/server/collab/shadow.ts';
import { cursorIn, paragraphWithText, paste, pressKey, typeText } from '@zerodraft/shared/schema/test-editor.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCollabTestEditor, ydocWith } from '../../client/src/editor/suggest/collab-test-editor.ts';
import type { Proposer } from '../../client/src/editor/suggest/proposer.ts';
import { SuggestMode } from '../../client/src/editor/suggest/suggest-mode.ts';
import {
  AGREED,
  GRAVE,
  japan,
  mexico,
  proposeChecked,
  revision,
  shownParagraphs,
} from '../../client/src/editor/suggest/test-fixtures.ts';

const senders = new Map<string, Sender>([
  ['d-mex', { mode: 'propose', delegationId: 'd-mex', delegationName: 'Mexico', userId: mexico.user }],
  ['d-jpn', { mode: 'propose', delegationId: 'd-jpn', delegationName: 'Japan', userId: japan.user }],
]);

const REMOTE = Symbol('from the server');

/**
 * The room: its document, and each client's updates tried on a shadow copy and checked by the
 * policy before they are applied and relayed, as `Room` does.
 */
function room() {
  const server = ydocWith(revision());
  const shadow = new ShadowDoc(server);
  const clients = new Map<Y.Doc, Sender>();
  const refusals: string[] = [];
  let accepted = 0;
  const join = (proposer: Proposer): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), REMOTE);
    const sender = senders.get(proposer.delegation);
    if (!sender) throw new Error(`No sender for ${proposer.delegation}`);
    clients.set(doc, sender);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      if (shadow.try(update, server) !== 'changes' || !shadow.lastChange) return;
      const verdict = checkUpdate(server, shadow.lastChange, sender);
      if (!verdict.accepted) {
        refusals.push(verdict.reason);
        shadow.rebuild(server);
        return;
      }
      accepted++;
      Y.applyUpdate(server, update);
      for (const other of clients.keys()) if (other !== doc) Y.applyUpdate(other, update, REMOTE);
    });
    return doc;
  };
  return { server, join, refusals, accepted: () => accepted };
}

type Editor = ReturnType<typeof createCollabTestEditor>;

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function delegate(ydoc: Y.Doc, proposer: Proposer): Editor {
  const suggestMode = SuggestMode.configure({
    proposer,
    suggesting: true,
    onRefused: (reason) => {
      throw new Error(`The editor refused: ${reason}`);
    },
  });
  const editor = createCollabTestEditor(ydoc, [suggestMode]);
  editors.push(editor);
  return editor;
}

const select = (editor: Editor, text: string, words: string) => {
  const { pos } = paragraphWithText(editor.state.doc, text);
  const start = pos + 1 + text.indexOf(words);
  editor.commands.setTextSelection({ from: start, to: start + words.length });
};

const typeKeys = (editor: Editor, text: string) => {
  for (const char of text) typeText(editor, char);
};

describe('suggest mode and the server’s policy', () => {
  it('sends only updates the policy accepts, and every editor ends with the room’s text', () => {
    const { server, join, refusals, accepted } = room();
    const mexican = delegate(join(mexico), mexico);
    const japanese = delegate(join(japan), japan);
    const act = (editor: Editor, proposer: Proposer, edit: () => void) => proposeChecked(editor, proposer, edit);

    // Mexico strikes "grave"; Japan replaces it with "serious".
    act(mexican, mexico, () => {
      select(mexican, GRAVE, 'grave');
      pressKey(mexican, 'Backspace');
    });
    act(japanese, japan, () => {
      select(japanese, GRAVE, 'grave');
      typeKeys(japanese, 'serious');
    });
    // Mexico types, deletes some of its own words, and strikes Japan's insertion.
    act(mexican, mexico, () => {
      cursorIn(mexican, 'Welcoming the reports', 'Welcoming'.length);
      typeKeys(mexican, ' warmly!');
      pressKey(mexican, 'Backspace');
    });
    act(mexican, mexico, () => {
      select(mexican, shownText(mexican, 0), 'serious');
      pressKey(mexican, 'Delete');
    });
    // Japan proposes a paragraph after the agreed one, splits it, joins it back, and removes an empty one.
    act(japanese, japan, () => {
      cursorIn(japanese, AGREED, AGREED.length);
      pressKey(japanese, 'Enter');
      typeKeys(japanese, 'Noting the reports');
      japanese.commands.setTextSelection(japanese.state.selection.from - ' the reports'.length);
      pressKey(japanese, 'Enter');
      pressKey(japanese, 'Backspace');
    });
    act(japanese, japan, () => {
      cursorIn(japanese, 'Noting the reports', 'Noting the reports'.length);
      pressKey(japanese, 'Enter');
      pressKey(japanese, 'Backspace');
    });
    // Mexico pastes two paragraphs and adds one from the toolbar, then undoes it.
    act(mexican, mexico, () => {
      cursorIn(mexican, shownText(mexican, 0), shownText(mexican, 0).length);
      const { schema } = mexican;
      const paragraph = (words: string) => schema.node('paragraph', { kind: 'operative' }, schema.text(words));
      // As copied from a word processor: the end of one paragraph and the whole next one.
      const copied = schema.node('section', null, [
        schema.node('sectionHeading'),
        paragraph(' and its'),
        paragraph('Stressing'),
      ]);
      paste(mexican, copied.slice(3, copied.content.size - 1));
    });
    act(mexican, mexico, () => {
      // A later act, not merged with the paste into one undo step.
      yUndoPluginKey.getState(mexican.state).undoManager.stopCapturing();
      mexican.commands.insertParagraph('preambular');
      typeKeys(mexican, 'Bearing in mind');
      mexican.commands.undo();
    });

    expect(refusals).toEqual([]);
    expect(accepted()).toBeGreaterThan(20);
    expect(shownParagraphs(japanese.state.doc)).toEqual(shownParagraphs(mexican.state.doc));
    expect(shownParagraphs(mexican.state.doc).slice(0, 4)).toEqual([
      'Expressing {grave|-Mexico,-Japan}{serious|+Japan,-Mexico} concern at the humanitarian impact{ and its|+Mexico}',
      '¶Mexico: {Stressing|+Mexico}',
      AGREED,
      '¶Japan: {Noting the reports|+Japan}',
    ]);
    const serverDoc = new Y.Doc();
    Y.applyUpdate(serverDoc, Y.encodeStateAsUpdate(server));
    const reader = createCollabTestEditor(serverDoc);
    editors.push(reader);
    expect(shownParagraphs(reader.state.doc)).toEqual(shownParagraphs(mexican.state.doc));
  });
});

/** The text of the n-th paragraph as the editor holds it. */
function shownText(editor: Editor, index: number): string {
  const texts: string[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'paragraph') texts.push(node.textContent);
    return !node.isTextblock;
  });
  return texts[index] ?? '';
}
