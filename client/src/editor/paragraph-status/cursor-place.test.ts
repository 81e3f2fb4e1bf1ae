import type { JSONContent } from '@tiptap/core';
import { createTestEditor, cursorIn, json } from '@zerodraft/shared/schema/test-editor.ts';
import { describe, expect, it } from 'vitest';
import { cursorPlace, samePlace } from './cursor-place.ts';

const { doc, section, paragraph } = json;

const closedSection = (content: JSONContent): JSONContent => ({
  ...content,
  attrs: { ...content.attrs, closed: true },
});

const bms7 = doc(
  section('s-a', 'A. Implementation of the Programme of Action', {
    ...paragraph('p-a-1', 'operative', 'Underline the importance of national reports'),
    attrs: { pid: 'p-a-1', kind: 'operative', status: 'agreed' },
  }),
  closedSection(
    section('s-b', 'B. International cooperation', paragraph('p-b-1', 'operative', 'Encourage cooperation')),
  ),
);

describe('the place of the cursor', () => {
  it('names the paragraph, its status and its section', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'Underline the importance of national reports', 5);

    expect(cursorPlace(editor.state)).toEqual({
      paragraph: { pid: 'p-a-1', kind: 'operative', status: 'agreed' },
      section: { sid: 's-a', heading: 'A. Implementation of the Programme of Action', closed: false },
    });
  });

  it('names a closed section from its heading, with no paragraph', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'B. International cooperation', 2);

    expect(cursorPlace(editor.state)).toEqual({
      paragraph: null,
      section: { sid: 's-b', heading: 'B. International cooperation', closed: true },
    });
  });

  it('is nowhere in the title', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'Draft outcome document', 0);

    expect(cursorPlace(editor.state)).toBeNull();
  });

  it('stays the same place while the cursor moves within a paragraph', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'Underline the importance of national reports', 1);
    const before = cursorPlace(editor.state);
    cursorIn(editor, 'Underline the importance of national reports', 9);

    expect(samePlace(before, cursorPlace(editor.state))).toBe(true);
    cursorIn(editor, 'Encourage cooperation', 0);
    expect(samePlace(before, cursorPlace(editor.state))).toBe(false);
  });
});
