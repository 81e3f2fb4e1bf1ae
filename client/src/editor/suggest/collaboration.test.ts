import type { Editor } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { cursorIn, paragraphWithText, pressKey, typeText } from '@zerodraft/shared/schema/test-editor.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createCollabTestEditor, ydocWith } from './collab-test-editor.ts';
import type { Proposer } from './proposer.ts';
import { SuggestMode } from './suggest-mode.ts';
import { GRAVE, japan, mexico, proposalIds, proposeChecked, revision, shownParagraphs } from './test-fixtures.ts';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function delegate(ydoc: Y.Doc, proposer: Proposer): Editor {
  const suggestMode = SuggestMode.configure({
    proposer,
    suggesting: true,
    onRefused: (reason) => {
      throw new Error(`Refused: ${reason}`);
    },
  });
  const editor = createCollabTestEditor(ydoc, [suggestMode]);
  editors.push(editor);
  return editor;
}

/** Mexico and Japan on the same revision, each in their own browser. */
function meeting() {
  const mexicoDoc = ydocWith(revision());
  const japanDoc = new Y.Doc();
  const updates: { update: Uint8Array; from: Y.Doc }[] = [];
  connect(mexicoDoc, japanDoc, (update, from) => updates.push({ update, from }));
  return { mexicoDoc, japanDoc, mexican: delegate(mexicoDoc, mexico), japanese: delegate(japanDoc, japan), updates };
}

const select = (editor: Editor, text: string, words: string) => {
  const { pos } = paragraphWithText(editor.state.doc, text);
  const start = pos + 1 + text.indexOf(words);
  editor.commands.setTextSelection({ from: start, to: start + words.length });
};

const textOf = (ydoc: Y.Doc) => yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOCUMENT_FIELD));

describe('suggest mode over Yjs', () => {
  it('brings each delegation’s suggestions on the same word to the other intact', () => {
    const { mexicoDoc, japanDoc, mexican, japanese } = meeting();

    select(mexican, GRAVE, 'grave');
    proposeChecked(mexican, mexico, () => pressKey(mexican, 'Backspace'));
    expect(shownParagraphs(japanese.state.doc)[0]).toBe(
      'Expressing {grave|-Mexico} concern at the humanitarian impact',
    );

    select(japanese, GRAVE, 'grave');
    proposeChecked(japanese, japan, () => {
      for (const char of 'serious') typeText(japanese, char);
    });

    const expected = 'Expressing {grave|-Mexico,-Japan}{serious|+Japan} concern at the humanitarian impact';
    expect(shownParagraphs(japanese.state.doc)[0]).toBe(expected);
    expect(shownParagraphs(mexican.state.doc)[0]).toBe(expected);
    expect(proposalIds(mexican.state.doc.child(1).child(1))).toEqual(proposalIds(japanese.state.doc.child(1).child(1)));
    expect(textOf(mexicoDoc)).toEqual(textOf(japanDoc));
  });

  it('keeps a proposal whole while the other delegation types elsewhere', () => {
    const { mexican, japanese } = meeting();
    cursorIn(mexican, GRAVE, 'Expressing '.length);
    cursorIn(japanese, 'Welcoming the reports', 'Welcoming'.length);

    for (const [char, other] of [...'very '].map((char, i) => [char, ' with thanks'[i] ?? ''] as const)) {
      proposeChecked(mexican, mexico, () => typeText(mexican, char));
      if (other) proposeChecked(japanese, japan, () => typeText(japanese, other));
    }

    const [first, , third] = shownParagraphs(japanese.state.doc);
    expect(first).toBe('Expressing {very |+Mexico}grave concern at the humanitarian impact');
    expect(third).toBe('Welcoming{ with|+Japan} the reports');
    expect(proposalIds(mexican.state.doc.child(1).child(1))).toHaveLength(1);
  });

  it('brings a proposed paragraph across whole, and undoes only one’s own suggestions', () => {
    const { mexicoDoc, japanDoc, mexican, japanese } = meeting();
    select(japanese, GRAVE, 'grave');
    proposeChecked(japanese, japan, () => pressKey(japanese, 'Delete'));
    cursorIn(mexican, GRAVE, GRAVE.length);
    proposeChecked(mexican, mexico, () => {
      pressKey(mexican, 'Enter');
      for (const char of 'Noting') typeText(mexican, char);
    });
    expect(shownParagraphs(japanese.state.doc).slice(0, 2)).toEqual([
      'Expressing {grave|-Japan} concern at the humanitarian impact',
      '¶Mexico: {Noting|+Mexico}',
    ]);

    proposeChecked(mexican, mexico, () => mexican.commands.undo());

    expect(shownParagraphs(japanese.state.doc).slice(0, 2)).toEqual([
      'Expressing {grave|-Japan} concern at the humanitarian impact',
      'Recalling the Programme of Action',
    ]);
    expect(textOf(mexicoDoc)).toEqual(textOf(japanDoc));
  });
});
