import type { Editor } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { SuggestionAttrs, suggestionOf } from '@zerodraft/shared/schema/suggestions.ts';
import {
  createTestEditor,
  cursorIn,
  json,
  paragraphWithText,
  paste,
  pressKey,
  typeText,
} from '@zerodraft/shared/schema/test-editor.ts';
import { describe, expect, it } from 'vitest';
import { FORMATTING_REFUSED, STRUCTURE_REFUSED } from './change.ts';
import { MOVE_REFUSED, SuggestMode, suggestModeKey } from './suggest-mode.ts';
import {
  AGREED,
  CLOSED,
  GRAVE,
  japan,
  mexico,
  mexicoColleague,
  proposalIds,
  proposeChecked,
  shown,
  shownParagraphs,
  suggestingEditor,
} from './test-fixtures.ts';

const selectIn = (editor: Editor, text: string, words: string) => {
  const { pos } = paragraphWithText(editor.state.doc, text);
  const start = pos + 1 + text.indexOf(words);
  editor.commands.setTextSelection({ from: start, to: start + words.length });
};

const typeKeys = (editor: Editor, text: string) => {
  for (const char of text) typeText(editor, char);
};

const paragraphAt = (editor: Editor, index: number) => {
  let found: ReturnType<Editor['state']['doc']['child']> | undefined;
  let seen = 0;
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'paragraph' && seen++ === index) found = node;
    return !node.isTextblock && found === undefined;
  });
  if (!found) throw new Error(`No paragraph ${index}`);
  return found;
};

const cursorOffset = (editor: Editor) => editor.state.selection.$head.parentOffset;

describe('typing in suggest mode', () => {
  it('marks typed words as one insertion of the delegation, with a well-formed proposal', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing '.length);

    proposeChecked(editor, mexico, () => typeKeys(editor, 'very '));

    const paragraph = paragraphAt(editor, 0);
    expect(shown(paragraph)).toBe('Expressing {very |+Mexico}grave concern at the humanitarian impact');
    const [id] = proposalIds(paragraph);
    const mark = paragraph.child(1).marks.map(suggestionOf)[0];
    expect(mark?.attrs).toEqual({ id, delegation: 'd-mex', user: 'u-lucia', time: expect.any(String) });
    expect(SuggestionAttrs.safeParse(mark?.attrs).success).toBe(true);
    expect(Number.isNaN(Date.parse(mark?.attrs.time ?? ''))).toBe(false);
    expect(cursorOffset(editor)).toBe('Expressing very '.length);
  });

  it('starts a new proposal when the user types somewhere else', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing '.length);
    typeKeys(editor, 'very ');
    editor.commands.setTextSelection(editor.state.selection.from + 'grave concern'.length);

    proposeChecked(editor, mexico, () => typeKeys(editor, ' deep'));

    expect(shown(paragraphAt(editor, 0))).toBe(
      'Expressing {very |+Mexico}grave concern{ deep|+Mexico} at the humanitarian impact',
    );
    expect(proposalIds(paragraphAt(editor, 0))).toHaveLength(2);
  });

  it('replaces a selection with one proposal: the words struck through, the new ones after them', () => {
    const { editor } = suggestingEditor(mexico);
    selectIn(editor, GRAVE, 'grave');

    proposeChecked(editor, mexico, () => typeKeys(editor, 'serious'));

    const paragraph = paragraphAt(editor, 0);
    expect(shown(paragraph)).toBe('Expressing {grave|-Mexico}{serious|+Mexico} concern at the humanitarian impact');
    expect(proposalIds(paragraph)).toHaveLength(1);
  });

  it('lets a colleague of the delegation type next to a proposal without taking it over', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing '.length);
    typeKeys(editor, 'very ');
    const colleague = suggestingEditor(mexicoColleague, editor.getJSON()).editor;
    cursorIn(colleague, `Expressing very ${GRAVE.slice('Expressing '.length)}`, 'Expressing very '.length);

    proposeChecked(colleague, mexicoColleague, () => typeKeys(colleague, 'very '));

    const users = new Set<string>();
    paragraphAt(colleague, 0).forEach((child) => {
      for (const mark of child.marks) {
        const user = suggestionOf(mark)?.attrs.user;
        if (user) users.add(user);
      }
    });
    expect(users).toEqual(new Set(['u-lucia', 'u-pablo']));
    expect(proposalIds(paragraphAt(colleague, 0))).toHaveLength(2);
  });
});

describe('deleting in suggest mode', () => {
  it('strikes through with Backspace, keeps one proposal and moves the cursor before the struck words', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing grave'.length);

    proposeChecked(editor, mexico, () => {
      for (let i = 0; i < 'grave'.length; i++) pressKey(editor, 'Backspace');
    });

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing {grave|-Mexico} concern at the humanitarian impact');
    expect(proposalIds(paragraphAt(editor, 0))).toHaveLength(1);
    expect(cursorOffset(editor)).toBe('Expressing '.length);
  });

  it('passes over words the delegation already struck through', () => {
    const { editor } = suggestingEditor(mexico);
    selectIn(editor, GRAVE, 'grave');
    pressKey(editor, 'Delete');
    cursorIn(editor, GRAVE, 'Expressing grave'.length);

    proposeChecked(editor, mexico, () => pressKey(editor, 'Backspace'));

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing{ grave|-Mexico} concern at the humanitarian impact');
    expect(cursorOffset(editor)).toBe('Expressing'.length);
  });

  it('strikes through with Delete and moves the cursor past the struck words', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing '.length);

    proposeChecked(editor, mexico, () => {
      for (let i = 0; i < 'grave '.length; i++) pressKey(editor, 'Delete');
    });

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing {grave |-Mexico}concern at the humanitarian impact');
    expect(cursorOffset(editor)).toBe('Expressing grave '.length);
  });

  it('strikes through a selection deleted or cut, the cursor after it', () => {
    const { editor } = suggestingEditor(mexico);
    selectIn(editor, GRAVE, 'at the humanitarian');

    // As ProseMirror's cut handler dispatches it.
    proposeChecked(editor, mexico, () =>
      editor.view.dispatch(editor.state.tr.deleteSelection().setMeta('uiEvent', 'cut')),
    );

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing grave concern {at the humanitarian|-Mexico} impact');
    expect(cursorOffset(editor)).toBe('Expressing grave concern at the humanitarian'.length);
  });

  it('really removes words from its own delegation’s insertion', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing '.length);
    typeKeys(editor, 'very ');

    proposeChecked(editor, mexico, () => {
      pressKey(editor, 'Backspace');
      pressKey(editor, 'Backspace');
    });

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing {ver|+Mexico}grave concern at the humanitarian impact');
  });

  it('strikes through another delegation’s insertion and leaves it in place', () => {
    const japanese = suggestingEditor(japan).editor;
    cursorIn(japanese, GRAVE, 'Expressing '.length);
    typeKeys(japanese, 'deep ');
    const { editor } = suggestingEditor(mexico, japanese.getJSON());
    cursorIn(editor, `Expressing deep ${GRAVE.slice('Expressing '.length)}`, 'Expressing deep '.length);

    proposeChecked(editor, mexico, () => {
      for (let i = 0; i < 'deep '.length; i++) pressKey(editor, 'Backspace');
    });

    expect(shown(paragraphAt(editor, 0))).toBe(
      'Expressing {deep |+Japan,-Mexico}grave concern at the humanitarian impact',
    );
  });
});

describe('two delegations on the same words', () => {
  it('keeps Mexico’s deletion when Japan replaces the same word, Japan’s insertion after it', () => {
    const mexican = suggestingEditor(mexico).editor;
    selectIn(mexican, GRAVE, 'grave');
    proposeChecked(mexican, mexico, () => pressKey(mexican, 'Backspace'));
    const { editor } = suggestingEditor(japan, mexican.getJSON());
    selectIn(editor, GRAVE, 'grave');

    proposeChecked(editor, japan, () => typeKeys(editor, 'serious'));

    expect(shown(paragraphAt(editor, 0))).toBe(
      'Expressing {grave|-Mexico,-Japan}{serious|+Japan} concern at the humanitarian impact',
    );
    const [mexicoId, japanId] = proposalIds(paragraphAt(editor, 0));
    expect(mexicoId).not.toBe(japanId);
  });
});

describe('paragraphs in suggest mode', () => {
  it('proposes a new paragraph after the current one on Enter, and types into it as proposed words', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, 'Expressing grave'.length);

    proposeChecked(editor, mexico, () => {
      pressKey(editor, 'Enter');
      typeKeys(editor, 'Noting');
    });

    expect(shownParagraphs(editor.state.doc).slice(0, 3)).toEqual([GRAVE, '¶Mexico: {Noting|+Mexico}', AGREED]);
    const proposed = paragraphAt(editor, 1);
    expect(proposed.attrs.kind).toBe('operative');
    expect(proposalIds(proposed)).toHaveLength(1);
  });

  it('proposes a new paragraph after an agreed one without touching it', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    cursorIn(editor, AGREED, AGREED.length);

    proposeChecked(editor, mexico, () => pressKey(editor, 'Enter'));

    expect(refusals).toEqual([]);
    expect(shownParagraphs(editor.state.doc).slice(1, 3)).toEqual([AGREED, '¶Mexico: ']);
  });

  it('proposes a new paragraph before the current one on Enter at its start, the cursor staying, as Word does', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    cursorIn(editor, 'Welcoming the reports', 0);

    proposeChecked(editor, mexico, () => pressKey(editor, 'Enter'));

    expect(refusals).toEqual([]);
    expect(shownParagraphs(editor.state.doc).slice(1, 4)).toEqual([AGREED, '¶Mexico: ', 'Welcoming the reports']);
    expect(paragraphAt(editor, 2).attrs.kind).toBe('preambular');
    expect(editor.state.selection.$head.parent).toBe(paragraphAt(editor, 3));
    expect(cursorOffset(editor)).toBe(0);
  });

  it('splits its own proposed paragraph on Enter, both halves still proposed', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    pressKey(editor, 'Enter');
    typeKeys(editor, 'Noting the reports');
    editor.commands.setTextSelection(editor.state.selection.from - ' the reports'.length);

    proposeChecked(editor, mexico, () => pressKey(editor, 'Enter'));

    expect(shownParagraphs(editor.state.doc).slice(1, 3)).toEqual([
      '¶Mexico: {Noting|+Mexico}',
      '¶Mexico: { the reports|+Mexico}',
    ]);
    expect(proposalIds(paragraphAt(editor, 1))).toEqual(proposalIds(paragraphAt(editor, 2)));
    expect(editor.state.selection.$head.parent).toBe(paragraphAt(editor, 2));
  });

  it('proposes a new paragraph on Shift+Enter, as a line break would reach the others without its mark', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    typeKeys(editor, ' and');

    proposeChecked(editor, mexico, () => {
      pressKey(editor, 'Shift-Enter');
      typeKeys(editor, 'Noting');
    });

    expect(refusals).toEqual([]);
    expect(shownParagraphs(editor.state.doc).slice(0, 3)).toEqual([
      `${GRAVE}{ and|+Mexico}`,
      '¶Mexico: {Noting|+Mexico}',
      AGREED,
    ]);
  });

  it('removes its own empty proposed paragraph on Backspace', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    pressKey(editor, 'Enter');

    proposeChecked(editor, mexico, () => pressKey(editor, 'Backspace'));

    expect(shownParagraphs(editor.state.doc).slice(0, 2)).toEqual([GRAVE, AGREED]);
    expect(cursorOffset(editor)).toBe(GRAVE.length);
  });

  it('joins its own proposed paragraph into the one before as proposed words on Backspace', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    pressKey(editor, 'Enter');
    typeKeys(editor, 'and');
    editor.commands.setTextSelection(editor.state.selection.from - 'and'.length);

    proposeChecked(editor, mexico, () => pressKey(editor, 'Backspace'));

    expect(shownParagraphs(editor.state.doc).slice(0, 2)).toEqual([`${GRAVE}{and|+Mexico}`, AGREED]);
    expect(cursorOffset(editor)).toBe(GRAVE.length);
  });

  it('only moves the cursor to the end of the paragraph before on Backspace at the start of agreed text', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, 'Welcoming the reports', 0);
    const before = editor.state.doc;

    pressKey(editor, 'Backspace');

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(editor.state.selection.$head.parent.textContent).toBe(AGREED);
    expect(cursorOffset(editor)).toBe(AGREED.length);
  });

  it('proposes the paragraph the toolbar adds', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE);

    proposeChecked(editor, mexico, () => {
      editor.commands.insertParagraph('preambular');
      typeKeys(editor, 'Noting');
    });

    expect(shownParagraphs(editor.state.doc)[1]).toBe('¶Mexico: {Noting|+Mexico}');
    expect(paragraphAt(editor, 1).attrs.kind).toBe('preambular');
  });
});

describe('pasting in suggest mode', () => {
  const paragraph = ({ schema }: Editor, text: string, kind = 'operative') =>
    schema.node('paragraph', { kind }, text ? schema.text(text) : undefined);

  it('marks pasted words as an insertion, dropping others’ marks copied with them', () => {
    const { editor } = suggestingEditor(mexico);
    const { schema } = editor;
    cursorIn(editor, GRAVE, 'Expressing '.length);
    const copied = schema.text('deep ', [
      schema.mark('deletion', { id: 'japan-old-1', delegation: 'd-jpn', user: 'u' }),
    ]);

    proposeChecked(editor, mexico, () => paste(editor, new Slice(Fragment.from(copied), 0, 0)));

    expect(shown(paragraphAt(editor, 0))).toBe('Expressing {deep |+Mexico}grave concern at the humanitarian impact');
  });

  it('puts the first pasted paragraph into the current one and proposes the rest after it', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    const copied = new Slice(
      Fragment.from([paragraph(editor, ' and its'), paragraph(editor, 'Noting', 'preambular')]),
      1,
      1,
    );

    proposeChecked(editor, mexico, () => paste(editor, copied));

    expect(shownParagraphs(editor.state.doc).slice(0, 3)).toEqual([
      `${GRAVE}{ and its|+Mexico}`,
      '¶Mexico: {Noting|+Mexico}',
      AGREED,
    ]);
    expect(paragraphAt(editor, 1).attrs.kind).toBe('preambular');
    expect(new Set([...proposalIds(paragraphAt(editor, 0)), ...proposalIds(paragraphAt(editor, 1))]).size).toBe(1);
    expect(editor.state.selection.$head.parent).toBe(paragraphAt(editor, 1));
  });

  it('proposes pasted paragraphs before the paragraph they are pasted at the start of, in their order', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, 'Welcoming the reports', 0);
    const copied = new Slice(
      Fragment.from([paragraph(editor, 'Noting the plan'), paragraph(editor, 'Taking note of it', 'preambular')]),
      1,
      1,
    );

    proposeChecked(editor, mexico, () => paste(editor, copied));

    expect(shownParagraphs(editor.state.doc).slice(1, 5)).toEqual([
      AGREED,
      '¶Mexico: {Noting the plan|+Mexico}',
      '¶Mexico: {Taking note of it|+Mexico}',
      'Welcoming the reports',
    ]);
    expect(paragraphAt(editor, 3).attrs.kind).toBe('preambular');
    expect(editor.state.selection.$head.parent).toBe(paragraphAt(editor, 3));
    expect(cursorOffset(editor)).toBe('Taking note of it'.length);
  });

  it('proposes pasted lines broken by a line break as paragraphs', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE, GRAVE.length);
    const { schema } = editor;
    const lines = [schema.text(' and its'), schema.node('hardBreak'), schema.text('Noting')];
    const copied = new Slice(Fragment.from(schema.node('paragraph', { kind: 'operative' }, lines)), 1, 1);

    proposeChecked(editor, mexico, () => paste(editor, copied));

    expect(shownParagraphs(editor.state.doc).slice(0, 3)).toEqual([
      `${GRAVE}{ and its|+Mexico}`,
      '¶Mexico: {Noting|+Mexico}',
      AGREED,
    ]);
  });
});

describe('what suggest mode does not propose', () => {
  it('refuses formatting and says why', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    selectIn(editor, GRAVE, 'grave');
    const before = editor.state.doc;

    editor.commands.toggleMark('bold');

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusals).toEqual([FORMATTING_REFUSED]);
  });

  it('leaves Tab to the browser and never changes a paragraph’s kind', () => {
    const { editor } = suggestingEditor(mexico);
    cursorIn(editor, GRAVE);
    const tab = { key: 'Tab', ctrlKey: false, metaKey: false, altKey: false } as KeyboardEvent;
    const keydown = suggestModeKey.get(editor.state)?.props.handleDOMEvents?.keydown;

    const plugin = suggestModeKey.get(editor.state);
    expect(plugin && keydown?.call(plugin, editor.view as EditorView, tab)).toBe(true);
    pressKey(editor, 'Tab');
    expect(paragraphAt(editor, 0).attrs.kind).toBe('operative');
  });

  it('refuses moving words by drag and drop, and one edit in two places at once', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    const plugin = suggestModeKey.get(editor.state);
    const drop = plugin?.props.handleDrop;
    const before = editor.state.doc;

    expect(plugin && drop?.call(plugin, editor.view as EditorView, {} as DragEvent, Slice.empty, true)).toBe(true);
    const { pos } = paragraphWithText(editor.state.doc, GRAVE);
    editor.view.dispatch(editor.state.tr.insertText('A', pos + 1).insertText('B', pos + 20));

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusals).toEqual([MOVE_REFUSED, STRUCTURE_REFUSED]);
  });

  it('refuses typing into an agreed paragraph, naming it by its number', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    cursorIn(editor, AGREED, 3);
    const before = editor.state.doc;

    typeText(editor, 'x');
    pressKey(editor, 'Backspace');

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusals).toEqual([
      'Paragraph 2 is agreed and takes no new proposals.',
      'Paragraph 2 is agreed and takes no new proposals.',
    ]);
  });

  it('refuses any change in a closed section, naming it', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    cursorIn(editor, CLOSED, 3);
    const before = editor.state.doc;

    typeText(editor, 'x');
    pressKey(editor, 'Enter');

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusals).toEqual([
      'Section “B. Follow-up” is closed and takes no new proposals.',
      'Section “B. Follow-up” is closed and takes no new proposals.',
    ]);
  });

  it('refuses a deletion that reaches into an agreed paragraph, striking nothing', () => {
    const { editor, refusals } = suggestingEditor(mexico);
    const first = paragraphWithText(editor.state.doc, GRAVE);
    const agreed = paragraphWithText(editor.state.doc, AGREED);
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(editor.state.doc, first.pos + 5, agreed.pos + 5)),
    );
    const before = editor.state.doc;

    pressKey(editor, 'Delete');

    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusals).toEqual(['Paragraph 2 is agreed and takes no new proposals.']);
  });
});

describe('editing with the pen', () => {
  it('changes the text directly while suggest mode is off, and proposes once it is on', () => {
    const { editor } = suggestingEditor(mexico);
    editor.commands.setSuggesting(false);
    selectIn(editor, GRAVE, 'grave');
    typeText(editor, 'serious');
    expect(shown(paragraphAt(editor, 0))).toBe('Expressing serious concern at the humanitarian impact');

    editor.commands.setSuggesting(true);
    selectIn(editor, 'Expressing serious concern at the humanitarian impact', 'serious');
    typeText(editor, 'grave');

    expect(shown(paragraphAt(editor, 0))).toBe(
      'Expressing {serious|-Mexico}{grave|+Mexico} concern at the humanitarian impact',
    );
  });

  it('is off unless configured on', () => {
    const editor = createTestEditor(
      json.doc(json.section('s', 'A.', json.paragraph('p', 'operative', 'Words'))),
      [],
      [SuggestMode.configure({ proposer: mexico })],
    );
    cursorIn(editor, 'Words', 5);
    typeText(editor, '!');
    expect(shown(paragraphAt(editor, 0))).toBe('Words!');
  });
});
