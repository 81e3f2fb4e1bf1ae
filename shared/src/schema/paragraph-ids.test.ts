import type { Editor } from '@tiptap/core';
import { closeHistory, history, redo, undo } from '@tiptap/pm/history';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection, TextSelection } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentSchema } from './document.ts';
import { paragraphNumbers } from './numbering.ts';
import { PARAGRAPH_KINDS } from './paragraph.ts';
import { newId } from './paragraph-ids.ts';
import {
  createTestEditor,
  cursorIn,
  json,
  numbersShown,
  paragraphs,
  paragraphWithText,
  paste,
  pids,
  pressKey,
  sids,
  texts,
  typeText,
} from './test-editor.ts';

const { doc, section, paragraph } = json;

const draft = () =>
  doc(
    section(
      's-a',
      'A. Implementation of the Programme of Action',
      paragraph('p-recalling', 'preambular', 'Recalling the Programme of Action'),
      paragraph('p-1', 'operative', 'Underline the importance of national reports'),
      paragraph('p-2', 'operative', 'Encourage States to designate national points of contact'),
    ),
    section(
      's-b',
      'B. International cooperation and assistance',
      paragraph('p-3', 'operative', 'Encourage States to strengthen cooperation'),
      paragraph('p-3-a', 'subparagraph', 'in stockpile management'),
    ),
  );

// In the product Yjs supplies undo; ProseMirror's history stands in for it here.
const withHistory = () => [history()];

/** Ends the undo step, as a pause between two user actions does. */
const pause = (editor: Editor) => editor.view.dispatch(closeHistory(editor.state.tr));

const pidOf = (editor: Editor, text: string): unknown => paragraphWithText(editor.state.doc, text).node.attrs.pid;

function expectIdsPresentAndUnique(doc: ProseMirrorNode): void {
  const all = [...pids(doc), ...sids(doc)];
  for (const id of all) expect(id).toMatch(/^[\w-]+$/);
  expect(new Set(all).size).toBe(all.length);
}

describe('newId', () => {
  it('makes short url-safe ids that do not repeat', () => {
    const ids = Array.from({ length: 1000 }, newId);

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(1000);
  });
});

describe('paragraph ids', () => {
  it('keeps the id on the first half of a split paragraph and gives the second half a fresh one', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Underline the importance of national reports', 'Underline the importance'.length);

    pressKey(editor, 'Enter');

    expect(pidOf(editor, 'Underline the importance')).toBe('p-1');
    expect(pidOf(editor, ' of national reports')).toEqual(expect.any(String));
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('keeps the id with the words when Enter opens a paragraph above them', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Underline the importance of national reports');

    pressKey(editor, 'Enter');

    expect(pidOf(editor, 'Underline the importance of national reports')).toBe('p-1');
    expect(texts(editor.state.doc)[1]).toBe('');
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('gives a fresh id to the paragraph Enter opens at the end of one', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'in stockpile management', 'in stockpile management'.length);

    pressKey(editor, 'Enter');

    const added = paragraphs(editor.state.doc).at(-1)?.node;
    expect(added?.attrs.kind).toBe('subparagraph');
    expect(added?.attrs.pid).not.toBe('p-3-a');
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('keeps the id of the paragraph that survives a merge', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Encourage States to designate national points of contact');

    pressKey(editor, 'Backspace');

    expect(pids(editor.state.doc)).toEqual(['p-recalling', 'p-1', 'p-3', 'p-3-a']);
    expect(texts(editor.state.doc)[1]).toBe(
      'Underline the importance of national reportsEncourage States to designate national points of contact',
    );
  });

  it('gives pasted copies of paragraphs fresh ids and leaves the originals theirs', () => {
    const editor = createTestEditor(draft());
    const first = paragraphWithText(editor.state.doc, 'Underline the importance of national reports');
    const second = paragraphWithText(editor.state.doc, 'Encourage States to designate national points of contact');
    const copied = editor.state.doc.slice(first.pos, second.pos + second.node.nodeSize);
    // Above the originals, so that document order alone would favour the copies.
    cursorIn(editor, 'Recalling the Programme of Action', 'Recalling the Programme of Action'.length);

    paste(editor, copied);

    expect(texts(editor.state.doc).slice(0, 5)).toEqual([
      'Recalling the Programme of Action',
      'Underline the importance of national reports',
      'Encourage States to designate national points of contact',
      'Underline the importance of national reports',
      'Encourage States to designate national points of contact',
    ]);
    expect(pids(editor.state.doc).slice(3)).toEqual(['p-1', 'p-2', 'p-3', 'p-3-a']);
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('lets a paragraph moved by cut and paste keep its id', () => {
    const editor = createTestEditor(draft());
    const moved = paragraphWithText(editor.state.doc, 'Underline the importance of national reports');
    const cut = editor.state.doc.slice(moved.pos, moved.pos + moved.node.nodeSize);
    editor.view.dispatch(editor.state.tr.delete(moved.pos, moved.pos + moved.node.nodeSize));
    cursorIn(editor, 'in stockpile management', 'in stockpile management'.length);

    paste(editor, cut);

    expect(pids(editor.state.doc)).toEqual(['p-recalling', 'p-2', 'p-3', 'p-3-a', 'p-1']);
  });

  it('gives a fresh id to a copy that a command inserts with the original’s id', () => {
    const editor = createTestEditor(draft());
    const end = editor.state.doc.content.size - 1;

    editor.commands.insertContentAt(end, paragraph('p-1', 'operative', 'A copy'));

    expect(pidOf(editor, 'Underline the importance of national reports')).toBe('p-1');
    expect(pidOf(editor, 'A copy')).not.toBe('p-1');
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('restores both paragraphs with their own ids when a merge is undone', () => {
    const editor = createTestEditor(draft(), withHistory());
    cursorIn(editor, 'Underline the importance of national reports', 'Underline the importance'.length);
    pressKey(editor, 'Enter');
    const before = pids(editor.state.doc);
    pause(editor);
    pressKey(editor, 'Backspace');
    expect(pids(editor.state.doc)).toEqual(['p-recalling', 'p-1', 'p-2', 'p-3', 'p-3-a']);

    undo(editor.state, editor.view.dispatch);

    expect(pids(editor.state.doc)).toEqual(before);
    expectIdsPresentAndUnique(editor.state.doc);
    undo(editor.state, editor.view.dispatch);
    expect(pids(editor.state.doc)).toEqual(['p-recalling', 'p-1', 'p-2', 'p-3', 'p-3-a']);
  });

  it('gives a fresh id to a restored paragraph whose id was taken meanwhile, not to the paragraph that holds it', () => {
    const editor = createTestEditor(draft(), withHistory());
    cursorIn(editor, 'Encourage States to designate national points of contact');
    pressKey(editor, 'Backspace');
    pause(editor);
    // A change this client's undo history does not know of (a collaborator's) reuses the id.
    const end = editor.state.doc.content.size - 1;
    editor.view.dispatch(
      editor.state.tr
        .insert(end, editor.schema.nodeFromJSON(paragraph('p-2', 'operative', 'Elsewhere')))
        .setMeta('addToHistory', false),
    );

    undo(editor.state, editor.view.dispatch);

    expect(pidOf(editor, 'Elsewhere')).toBe('p-2');
    expect(pidOf(editor, 'Encourage States to designate national points of contact')).not.toBe('p-2');
    expectIdsPresentAndUnique(editor.state.doc);
  });

  it('changes the number shown, never the pid, when paragraphs move up or down', () => {
    const editor = createTestEditor(draft());
    const numbersBefore = paragraphNumbers(editor.state.doc);
    cursorIn(editor, 'Recalling the Programme of Action');

    editor.commands.insertParagraph('operative');

    const numbersAfter = paragraphNumbers(editor.state.doc);
    expect(numbersBefore.get('p-2')).toBe('2.');
    expect(numbersAfter.get('p-2')).toBe('3.');
    expect(pids(editor.state.doc).filter((pid) => numbersBefore.has(String(pid)))).toEqual([
      'p-1',
      'p-2',
      'p-3',
      'p-3-a',
    ]);
  });

  it('leaves changes that arrive through Yjs alone, and fills their gaps at the next local edit', () => {
    const editor = createTestEditor(draft());
    const end = editor.state.doc.content.size - 1;
    const remote = editor.state.tr.insert(end, editor.schema.nodeFromJSON(paragraph(null, 'operative', 'From Yjs')));
    editor.view.dispatch(remote.setMeta('y-sync$', { isChangeOrigin: true }));

    expect(pidOf(editor, 'From Yjs')).toBeNull();

    cursorIn(editor, 'Recalling the Programme of Action', 3);
    editor.view.dispatch(editor.state.tr.insertText('x'));
    expect(pidOf(editor, 'From Yjs')).toEqual(expect.any(String));
    expectIdsPresentAndUnique(editor.state.doc);
  });
});

type Edit =
  | { type: 'split' | 'merge' | 'tab' | 'shiftTab' | 'insertSection'; at: number }
  | { type: 'setKind' | 'insertParagraph'; at: number; kind: (typeof PARAGRAPH_KINDS)[number] }
  | { type: 'deleteRange' | 'copyPaste'; at: number; to: number; target: number }
  | { type: 'type'; at: number; text: string }
  | { type: 'undo' | 'redo' };

const place = fc.nat({ max: 10_000 });
const kind = fc.constantFrom(...PARAGRAPH_KINDS);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ type: fc.constantFrom('split', 'merge', 'tab', 'shiftTab', 'insertSection'), at: place }),
  fc.record({ type: fc.constantFrom('setKind', 'insertParagraph'), at: place, kind }),
  fc.record({ type: fc.constantFrom('deleteRange', 'copyPaste'), at: place, to: place, target: place }),
  fc.record({ type: fc.constant('type'), at: place, text: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ type: fc.constantFrom('undo', 'redo') }),
);

/** A cursor in some textblock, chosen by a random number. */
function cursorAt(doc: ProseMirrorNode, at: number): Selection {
  return Selection.near(doc.resolve(at % (doc.content.size + 1)));
}

function apply(editor: Editor, edit: Edit): void {
  const { doc } = editor.state;
  const select = (selection: Selection) => editor.view.dispatch(editor.state.tr.setSelection(selection));
  switch (edit.type) {
    case 'undo':
      undo(editor.state, editor.view.dispatch);
      return;
    case 'redo':
      redo(editor.state, editor.view.dispatch);
      return;
    case 'type':
      select(cursorAt(doc, edit.at));
      typeText(editor, edit.text);
      return;
    case 'split':
      select(cursorAt(doc, edit.at));
      pressKey(editor, 'Enter');
      return;
    case 'merge': {
      const all = paragraphs(doc);
      const target = all[edit.at % all.length];
      if (target) select(TextSelection.create(doc, target.pos + 1));
      pressKey(editor, 'Backspace');
      return;
    }
    case 'tab':
    case 'shiftTab':
      select(cursorAt(doc, edit.at));
      pressKey(editor, edit.type === 'tab' ? 'Tab' : 'Shift-Tab');
      return;
    case 'setKind':
      select(cursorAt(doc, edit.at));
      editor.commands.setParagraphKind(edit.kind);
      return;
    case 'insertParagraph':
      select(cursorAt(doc, edit.at));
      editor.commands.insertParagraph(edit.kind);
      return;
    case 'insertSection':
      select(cursorAt(doc, edit.at));
      editor.commands.insertSection();
      return;
    case 'deleteRange': {
      const from = cursorAt(doc, edit.at).from;
      const to = cursorAt(doc, edit.to).from;
      select(TextSelection.create(doc, Math.min(from, to), Math.max(from, to)));
      pressKey(editor, 'Backspace');
      return;
    }
    case 'copyPaste': {
      const all = paragraphs(doc);
      const first = all[edit.at % all.length];
      const last = all[edit.to % all.length];
      if (!first || !last) return;
      const [from, to] = first.pos <= last.pos ? [first, last] : [last, first];
      const copied = doc.slice(from.pos, to.pos + to.node.nodeSize);
      select(cursorAt(doc, edit.target));
      paste(editor, copied);
      return;
    }
  }
}

describe('paragraph ids under any sequence of edits', () => {
  it('keeps every id present and unique, and every number shown where it belongs', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const editor = createTestEditor(draft(), withHistory());
        for (const each of edits) {
          apply(editor, each);
          const { doc } = editor.state;
          doc.check();
          expectIdsPresentAndUnique(doc);
          const numbers = paragraphNumbers(doc);
          const numbered = paragraphs(doc).filter(({ node }) => node.attrs.kind !== 'preambular');
          expect(numbersShown(editor)).toEqual(
            numbered.map(({ node, pos }) => ({ pos, number: numbers.get(node.attrs.pid) })),
          );
        }
        editor.destroy();
      }),
      { numRuns: 200 },
    );
  });
});

describe('what an id may be', () => {
  it('takes the ids the plugin and the demo make, and refuses long or strange ones', () => {
    const { paragraph, section } = documentSchema.nodes;
    expect(paragraph?.create({ pid: newId() }).attrs.pid).toHaveLength(12);
    expect(section?.create({ sid: 's-a' }).attrs.sid).toBe('s-a');
    expect(() => paragraph?.create({ pid: 'p'.repeat(65) })).toThrow(RangeError);
    expect(() => section?.create({ sid: 's a' })).toThrow(RangeError);
    expect(() => paragraph?.create({ pid: '' })).toThrow(RangeError);
  });
});
