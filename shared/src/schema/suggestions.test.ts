import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { proposalsInText } from '../proposals/in-text.ts';
import { DOCUMENT_FIELD } from '../protocol.ts';
import { documentSchema } from './document.ts';
import { json } from './test-editor.ts';

const mexico = { id: 'prop-mexico-1', delegation: 'd-mex', user: 'u-lucia', time: '2026-11-25T10:00:00.000Z' };
const japan = { id: 'prop-japan-1', delegation: 'd-jpn', user: 'u-kenji', time: '2026-11-25T10:01:00.000Z' };

const deletedBy = (...who: (typeof mexico)[]) => who.map((attrs) => ({ type: 'deletion', attrs }));

/** Mexico deletes "grave" while Japan replaces it with "serious" (issue 5). */
const overlapping = json.doc(
  json.section('s-a', 'A. General', {
    type: 'paragraph',
    attrs: { pid: 'p-1', kind: 'operative' },
    content: [
      { type: 'text', text: 'Expresses ' },
      { type: 'text', text: 'grave', marks: deletedBy(mexico, japan) },
      { type: 'text', text: 'serious', marks: [{ type: 'insertion', attrs: japan }] },
      { type: 'text', text: ' concern' },
    ],
  }),
);

describe('suggestion marks', () => {
  it("keeps two delegations' deletions of the same words through a Yjs round trip", () => {
    const doc = prosemirrorJSONToYDoc(documentSchema, overlapping, DOCUMENT_FIELD);
    const section = doc.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement;
    const paragraph = section.get(1) as Y.XmlElement;
    const [, grave] = (paragraph.get(0) as Y.XmlText).toDelta() as { attributes?: Record<string, unknown> }[];
    expect(Object.keys(grave?.attributes ?? {})).toEqual([
      expect.stringMatching(/^deletion--/),
      expect.stringMatching(/^deletion--/),
    ]);
    const back = documentSchema.nodeFromJSON(yDocToProsemirrorJSON(doc, DOCUMENT_FIELD));
    const proposals = proposalsInText(back);
    expect(proposals.map(({ id, inserted, deleted }) => ({ id, inserted, deleted }))).toEqual([
      { id: mexico.id, inserted: '', deleted: 'grave' },
      { id: japan.id, inserted: 'serious', deleted: 'grave' },
    ]);
    expect(proposals[1]).toMatchObject({
      delegation: 'd-jpn',
      user: 'u-kenji',
      paragraphs: ['p-1'],
      sections: ['s-a'],
    });
  });

  it('counts a paragraph proposed whole as a new paragraph of its proposal', () => {
    const doc = documentSchema.nodeFromJSON(
      json.doc(
        json.section('s-a', 'A. General', json.paragraph('p-1', 'operative', 'Agreed words'), {
          type: 'paragraph',
          attrs: { pid: 'p-2', kind: 'operative', insertion: mexico },
          content: [{ type: 'text', text: 'Calls upon States', marks: [{ type: 'insertion', attrs: mexico }] }],
        }),
      ),
    );
    expect(proposalsInText(doc)).toMatchObject([
      { id: mexico.id, newParagraph: true, inserted: 'Calls upon States', paragraphs: ['p-2'] },
    ]);
  });
});
