import type { Editor } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { cursorIn, paragraphWithText, paste, pressKey, typeText } from '@zerodraft/shared/schema/test-editor.ts';
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

  it('brings across a paragraph proposed on Enter right after one’s own words, as one proposal with them', () => {
    const { mexicoDoc, japanDoc, mexican, japanese } = meeting();
    cursorIn(mexican, GRAVE, GRAVE.length);
    proposeChecked(mexican, mexico, () => {
      for (const char of ' and its') typeText(mexican, char);
      pressKey(mexican, 'Enter');
      for (const char of 'Noting') typeText(mexican, char);
    });

    expect(shownParagraphs(japanese.state.doc).slice(0, 2)).toEqual([
      `${GRAVE}{ and its|+Mexico}`,
      '¶Mexico: {Noting|+Mexico}',
    ]);
    const [words, paragraph] = [japanese.state.doc.child(1).child(1), japanese.state.doc.child(1).child(2)];
    expect(proposalIds(paragraph)).toEqual(proposalIds(words));
    expect(textOf(mexicoDoc)).toEqual(textOf(japanDoc));
  });

  it('leaves in Yjs the paragraph that paragraphs are pasted before, for the server to see only new ones', () => {
    const { mexicoDoc, japanDoc, mexican, japanese } = meeting();
    const section = mexicoDoc.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement;
    const welcoming = section.get(3) as Y.XmlElement;
    cursorIn(mexican, 'Welcoming the reports', 0);
    const { schema } = mexican;
    const paragraph = (text: string) => schema.node('paragraph', { kind: 'preambular' }, schema.text(text));
    const copied = new Slice(Fragment.from([paragraph('Noting the plan'), paragraph('Taking note of it')]), 1, 1);

    proposeChecked(mexican, mexico, () => paste(mexican, copied));

    expect(section.toArray().indexOf(welcoming)).toBe(5);
    expect(welcoming.getAttribute('pid')).toBe('p-3');
    expect(welcoming.toString()).toBe(
      '<paragraph kind="preambular" pid="p-3" status="open">Welcoming the reports</paragraph>',
    );
    expect(shownParagraphs(japanese.state.doc).slice(2, 5)).toEqual([
      '¶Mexico: {Noting the plan|+Mexico}',
      '¶Mexico: {Taking note of it|+Mexico}',
      'Welcoming the reports',
    ]);
    expect(textOf(mexicoDoc)).toEqual(textOf(japanDoc));
  });
});
