import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { documentSchema } from './document.ts';
import { paragraphNumbers } from './numbering.ts';
import {
  createTestEditor,
  cursorIn,
  json,
  paragraphs,
  paragraphWithText,
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
      paragraph('p-1', 'operative', 'Underline the importance of national reports'),
      paragraph('p-1-a', 'subparagraph', 'on stockpile management'),
      paragraph('p-2', 'operative', 'Encourage States to designate national points of contact'),
    ),
    section(
      's-b',
      'B. International cooperation and assistance',
      paragraph('p-3', 'preambular', 'Recognizing the needs of affected States'),
    ),
  );

const kinds = (editor: ReturnType<typeof createTestEditor>) =>
  paragraphs(editor.state.doc).map(({ node }) => [node.textContent, node.attrs.kind]);

describe('insertParagraph', () => {
  it('adds an empty paragraph of the kind right after the cursor’s paragraph and types into it', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Underline the importance of national reports', 3);

    expect(editor.commands.insertParagraph('subparagraph')).toBe(true);
    typeText(editor, 'on marking');

    expect(texts(editor.state.doc)).toEqual([
      'Underline the importance of national reports',
      'on marking',
      'on stockpile management',
      'Encourage States to designate national points of contact',
      'Recognizing the needs of affected States',
    ]);
    const added = paragraphWithText(editor.state.doc, 'on marking').node;
    expect(added.attrs.kind).toBe('subparagraph');
    expect(paragraphNumbers(editor.state.doc).get(added.attrs.pid)).toBe('(a)');
  });

  it('adds the paragraph at the end of the section when the cursor is in its heading', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'A. Implementation of the Programme of Action', 3);

    editor.commands.insertParagraph('operative');
    typeText(editor, 'Decide to convene a meeting of governmental experts');

    expect(texts(editor.state.doc).slice(2, 4)).toEqual([
      'Encourage States to designate national points of contact',
      'Decide to convene a meeting of governmental experts',
    ]);
  });

  it('does nothing in the title', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Draft outcome document');

    expect(editor.commands.insertParagraph('operative')).toBe(false);
    expect(paragraphs(editor.state.doc)).toHaveLength(4);
  });
});

describe('setParagraphKind', () => {
  it('changes the kind of every paragraph in the selection', () => {
    const editor = createTestEditor(draft());
    const from = paragraphWithText(editor.state.doc, 'on stockpile management').pos + 1;
    const to = paragraphWithText(editor.state.doc, 'Recognizing the needs of affected States').pos + 3;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)));

    editor.commands.setParagraphKind('operative');

    expect(kinds(editor)).toEqual([
      ['Underline the importance of national reports', 'operative'],
      ['on stockpile management', 'operative'],
      ['Encourage States to designate national points of contact', 'operative'],
      ['Recognizing the needs of affected States', 'operative'],
    ]);
  });

  it('is refused where there is no paragraph, as in a section heading', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'A. Implementation of the Programme of Action');

    expect(editor.can().setParagraphKind('preambular')).toBe(false);
  });
});

describe('Tab and Shift-Tab', () => {
  it('turn an operative paragraph into a sub-paragraph and back', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Encourage States to designate national points of contact');

    expect(pressKey(editor, 'Tab')).toBe(true);
    expect(paragraphNumbers(editor.state.doc).get('p-2')).toBe('(b)');

    expect(pressKey(editor, 'Shift-Tab')).toBe(true);
    expect(paragraphNumbers(editor.state.doc).get('p-2')).toBe('2.');
  });

  it('leave a preambular paragraph alone, so Tab moves focus on', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'Recognizing the needs of affected States');

    expect(pressKey(editor, 'Tab')).toBe(false);
    expect(pressKey(editor, 'Shift-Tab')).toBe(false);
    expect(paragraphWithText(editor.state.doc, 'Recognizing the needs of affected States').node.attrs.kind).toBe(
      'preambular',
    );
  });
});

describe('Enter', () => {
  it('continues a sub-paragraph with another sub-paragraph', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'on stockpile management', 'on stockpile management'.length);

    pressKey(editor, 'Enter');
    typeText(editor, 'on marking');

    expect(paragraphWithText(editor.state.doc, 'on marking').node.attrs.kind).toBe('subparagraph');
  });

  it('starts an operative paragraph after a section heading', () => {
    const editor = createTestEditor(draft());
    cursorIn(
      editor,
      'B. International cooperation and assistance',
      'B. International cooperation and assistance'.length,
    );

    pressKey(editor, 'Enter');
    typeText(editor, 'Urge States');

    expect(texts(editor.state.doc).slice(3)).toEqual(['Urge States', 'Recognizing the needs of affected States']);
    expect(paragraphWithText(editor.state.doc, 'Urge States').node.attrs.kind).toBe('operative');
  });
});

describe('insertSection', () => {
  it('adds a section with an empty heading and one operative paragraph after the current section', () => {
    const editor = createTestEditor(draft());
    cursorIn(editor, 'on stockpile management');

    expect(editor.commands.insertSection()).toBe(true);
    typeText(editor, 'C. Preventing diversion');

    const headings: string[] = [];
    editor.state.doc.forEach((node) => {
      if (node.type.name === 'section') headings.push(node.child(0).textContent);
    });
    expect(headings).toEqual([
      'A. Implementation of the Programme of Action',
      'C. Preventing diversion',
      'B. International cooperation and assistance',
    ]);
    const added = editor.state.doc.child(2);
    expect(added.childCount).toBe(2);
    expect(added.child(1).attrs.kind).toBe('operative');
    expect(sids(editor.state.doc).every((sid) => typeof sid === 'string')).toBe(true);
    expect(new Set(sids(editor.state.doc)).size).toBe(3);
  });
});

describe('rendering', () => {
  it('renders the elements, classes and data attributes the stylesheet relies on', () => {
    const { nodes } = documentSchema;
    const render = (name: string, attrs?: Record<string, unknown>) => {
      const type = nodes[name];
      if (!type?.spec.toDOM) throw new Error(`No node type ${name}`);
      return type.spec.toDOM(type.create(attrs));
    };

    expect(render('title')).toEqual(['h1', { class: 'zd-title' }, 0]);
    expect(render('section', { sid: 's-a' })).toEqual(['section', { class: 'zd-section', 'data-sid': 's-a' }, 0]);
    expect(render('sectionHeading')).toEqual(['h2', { class: 'zd-section-heading' }, 0]);
    expect(render('paragraph', { pid: 'p-1', kind: 'subparagraph' })).toEqual([
      'p',
      { class: 'zd-paragraph', 'data-pid': 'p-1', 'data-kind': 'subparagraph' },
      0,
    ]);
  });

  it('refuses a paragraph kind the schema does not know', () => {
    const bad = doc(section('s-a', 'A.', paragraph('p-1', 'operative', 'x')));
    const first = bad.content?.[1]?.content?.[1];
    if (first?.attrs) first.attrs.kind = 'chapeau';

    expect(() => documentSchema.nodeFromJSON(bad).check()).toThrow(/kind/);
  });
});
