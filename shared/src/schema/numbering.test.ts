import type { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentSchema } from './document.ts';
import { paragraphNumbers } from './numbering.ts';
import { createTestEditor, cursorIn, json, numbersShown, typeText } from './test-editor.ts';

const { doc, section, paragraph } = json;

const bms7 = doc(
  section(
    's-a',
    'A. Implementation of the Programme of Action',
    paragraph('p-recalling', 'preambular', 'Recalling the Programme of Action'),
    paragraph('p-reaffirming', 'preambular', 'Reaffirming the International Tracing Instrument'),
    paragraph('p-a-1', 'operative', 'Underline the importance of national reports'),
    paragraph('p-a-2', 'operative', 'Encourage States to designate national points of contact'),
  ),
  section(
    's-b',
    'B. International cooperation and assistance',
    paragraph('p-b-1', 'operative', 'Encourage States to strengthen cooperation'),
    paragraph('p-b-1-a', 'subparagraph', 'in stockpile management'),
    paragraph('p-b-1-b', 'subparagraph', 'in marking and record-keeping'),
    paragraph('p-b-2', 'operative', 'Invite States in a position to do so to provide assistance'),
    paragraph('p-b-2-a', 'subparagraph', 'upon request'),
  ),
);

/** The number the editor shows on each paragraph, by the paragraph's text. */
function shownNumbers(editor: Editor): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const { pos, number } of numbersShown(editor)) {
    const node = editor.state.doc.nodeAt(pos);
    if (node) shown[node.textContent] = number;
  }
  return shown;
}

describe('paragraph numbering', () => {
  it('numbers operative paragraphs continuously across sections and leaves preambular ones unnumbered', () => {
    const numbers = paragraphNumbers(documentSchema.nodeFromJSON(bms7));

    expect(numbers.get('p-a-1')).toBe('1.');
    expect(numbers.get('p-a-2')).toBe('2.');
    expect(numbers.get('p-b-1')).toBe('3.');
    expect(numbers.get('p-b-2')).toBe('4.');
    expect(numbers.has('p-recalling')).toBe(false);
    expect(numbers.has('p-reaffirming')).toBe(false);
  });

  it('letters sub-paragraphs, starting again after each operative paragraph', () => {
    const numbers = paragraphNumbers(documentSchema.nodeFromJSON(bms7));

    expect([numbers.get('p-b-1-a'), numbers.get('p-b-1-b'), numbers.get('p-b-2-a')]).toEqual(['(a)', '(b)', '(a)']);
  });

  it('letters a sub-paragraph that comes before any operative paragraph from (a)', () => {
    const numbers = paragraphNumbers(
      documentSchema.nodeFromJSON(
        doc(section('s-a', 'A.', paragraph('p-sub', 'subparagraph', 'orphan'), paragraph('p-op', 'operative', 'x'))),
      ),
    );

    expect(numbers).toEqual(
      new Map([
        ['p-sub', '(a)'],
        ['p-op', '1.'],
      ]),
    );
  });

  it('continues with (aa), (bb) after (z)', () => {
    const subparagraphs = Array.from({ length: 28 }, (_, i) => paragraph(`p-${i}`, 'subparagraph', `item ${i}`));
    const numbers = paragraphNumbers(
      documentSchema.nodeFromJSON(doc(section('s-a', 'A.', paragraph('p-op', 'operative', 'x'), ...subparagraphs))),
    );

    expect([numbers.get('p-0'), numbers.get('p-25'), numbers.get('p-26'), numbers.get('p-27')]).toEqual([
      '(a)',
      '(z)',
      '(aa)',
      '(bb)',
    ]);
  });

  it('shows each number in the editor as a data-number attribute', () => {
    const editor = createTestEditor(bms7);

    expect(shownNumbers(editor)).toEqual({
      'Underline the importance of national reports': '1.',
      'Encourage States to designate national points of contact': '2.',
      'Encourage States to strengthen cooperation': '3.',
      'in stockpile management': '(a)',
      'in marking and record-keeping': '(b)',
      'Invite States in a position to do so to provide assistance': '4.',
      'upon request': '(a)',
    });
  });

  it('renumbers the paragraphs after one whose kind changes, keeping every pid', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'Encourage States to strengthen cooperation');

    editor.commands.setParagraphKind('preambular');

    expect(shownNumbers(editor)).toEqual({
      'Underline the importance of national reports': '1.',
      'Encourage States to designate national points of contact': '2.',
      'in stockpile management': '(a)',
      'in marking and record-keeping': '(b)',
      'Invite States in a position to do so to provide assistance': '3.',
      'upon request': '(a)',
    });
    expect(paragraphNumbers(editor.state.doc).get('p-b-2')).toBe('3.');
  });

  it('numbers a new operative paragraph and moves the numbers after it', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'Underline the importance of national reports');

    editor.commands.insertParagraph('operative');
    typeText(editor, 'Welcome the progress made');

    expect(shownNumbers(editor)).toMatchObject({
      'Underline the importance of national reports': '1.',
      'Welcome the progress made': '2.',
      'Encourage States to designate national points of contact': '3.',
      'Invite States in a position to do so to provide assistance': '5.',
    });
    expect(paragraphNumbers(editor.state.doc).get('p-b-2')).toBe('5.');
  });

  it('keeps showing the numbers when a change from Yjs replaces the whole document', () => {
    const editor = createTestEditor(bms7);
    const { doc } = editor.state;
    const changed = editor.schema.nodeFromJSON(bms7);

    // y-prosemirror applies every remote change as one replacement of the document's content.
    editor.view.dispatch(
      editor.state.tr.replaceWith(0, doc.content.size, changed.content).setMeta('y-sync$', { isChangeOrigin: true }),
    );

    expect(Object.keys(shownNumbers(editor))).toHaveLength(7);
  });
});
