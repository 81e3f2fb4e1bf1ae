import type { Editor, JSONContent } from '@tiptap/core';
import type { Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { paragraphStatusKey } from './paragraph-status-decorations.ts';
import { createTestEditor, cursorIn, json, paragraphWithText, typeText } from './test-editor.ts';

const { doc, section, paragraph } = json;

const withStatus = (content: JSONContent, status: string): JSONContent => ({
  ...content,
  attrs: { ...content.attrs, status },
});
const closed = (content: JSONContent): JSONContent => ({ ...content, attrs: { ...content.attrs, closed: true } });

const bms7 = doc(
  section(
    's-a',
    'A. Implementation of the Programme of Action',
    withStatus(paragraph('p-a-1', 'operative', 'Underline the importance of national reports'), 'agreed'),
    withStatus(paragraph('p-a-2', 'operative', 'Encourage States to designate points of contact'), 'agreed_ad_ref'),
    paragraph('p-a-3', 'operative', 'Welcome the report of the Secretary-General'),
  ),
  closed(
    section(
      's-b',
      'B. International cooperation and assistance',
      paragraph('p-b-1', 'operative', 'Encourage States to strengthen cooperation'),
    ),
  ),
);

/** What the margin says beside each paragraph and heading, by its text. */
function marginLabels(editor: Editor): Record<string, string> {
  // ProseMirror keeps a decoration's attributes in an internal field; the view reads them there.
  const attrsOf = (decoration: Decoration) =>
    (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
  const labels: Record<string, string> = {};
  for (const decoration of paragraphStatusKey.getState(editor.state)?.find() ?? []) {
    const text = editor.state.doc.nodeAt(decoration.from)?.textContent ?? '';
    const attrs = attrsOf(decoration);
    labels[text] = attrs['data-status-label'] ?? attrs['data-closed-label'] ?? '';
  }
  return labels;
}

describe('paragraph status in the margin', () => {
  it('says "Agreed" and "Agreed ad ref" beside agreed paragraphs, nothing beside open ones, and marks a closed section', () => {
    const editor = createTestEditor(bms7);

    expect(marginLabels(editor)).toEqual({
      'Underline the importance of national reports': 'Agreed',
      'Encourage States to designate points of contact': 'Agreed ad ref',
      'B. International cooperation and assistance': 'Closed for proposals',
    });
  });

  it('follows a status set on a paragraph and a section opened again', () => {
    const editor = createTestEditor(bms7);
    const open = paragraphWithText(editor.state.doc, 'Welcome the report of the Secretary-General');
    let sectionB = -1;
    editor.state.doc.forEach((node, pos) => {
      if (node.attrs.sid === 's-b') sectionB = pos;
    });

    editor.view.dispatch(
      editor.state.tr.setNodeAttribute(open.pos, 'status', 'agreed').setNodeAttribute(sectionB, 'closed', false),
    );

    expect(marginLabels(editor)).toEqual({
      'Underline the importance of national reports': 'Agreed',
      'Encourage States to designate points of contact': 'Agreed ad ref',
      'Welcome the report of the Secretary-General': 'Agreed',
    });
  });

  it('keeps the labels on their paragraphs while text is typed before them', () => {
    const editor = createTestEditor(bms7);
    cursorIn(editor, 'A. Implementation of the Programme of Action', 0);

    typeText(editor, 'Section ');

    expect(marginLabels(editor)).toMatchObject({
      'Underline the importance of national reports': 'Agreed',
      'Encourage States to designate points of contact': 'Agreed ad ref',
    });
  });
});
