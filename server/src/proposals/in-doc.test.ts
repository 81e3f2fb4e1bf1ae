import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { json } from '@zerodraft/shared/schema/test-editor.ts';
import { describe, expect, it } from 'vitest';
import { proposalsInDoc } from './in-doc.ts';
import {
  asProseMirror,
  chile,
  deleted,
  inserted,
  japan,
  mexico,
  paragraph,
  proposedParagraph,
  words,
} from './test-text.ts';

describe('the proposals a revision’s Y.Doc holds', () => {
  it('gives the same account as the text the editor shows', () => {
    const doc = prosemirrorJSONToYDoc(
      documentSchema,
      json.doc(
        json.section(
          's-a',
          'A. General',
          paragraph(
            'p-1',
            words('Expresses '),
            words('grave', deleted(mexico), deleted(japan)),
            words('serious', inserted(japan)),
          ),
          proposedParagraph('p-2', chile, 'Calls upon States'),
          paragraph('p-3', words('Notes', deleted(mexico)), words(' the report')),
        ),
        {
          type: 'section',
          attrs: { sid: 's-b' },
          content: [
            { type: 'sectionHeading', content: [words('B. '), words('Further ', inserted(chile)), words('action')] },
            paragraph('p-4', words('Decides'), words(' today', inserted(japan))),
          ],
        },
      ),
      DOCUMENT_FIELD,
    );
    const fromYjs = [...proposalsInDoc(doc).values()].map(({ attrs, ...rest }) => ({ ...rest, ...attrs }));
    const fromText = proposalsInText(asProseMirror(doc)).map(({ from, time, user, delegation, ...rest }) => ({
      ...rest,
      time,
      user,
      delegation,
    }));
    expect(fromYjs).toEqual(fromText);
    expect(fromYjs.map((p) => p.id)).toEqual([mexico.id, japan.id, chile.id]);
    expect(fromYjs[0]).toMatchObject({ deleted: 'grave\nNotes', paragraphs: ['p-1', 'p-3'], sections: ['s-a'] });
    expect(fromYjs[2]).toMatchObject({
      newParagraph: true,
      inserted: 'Calls upon States\nFurther ',
      paragraphs: ['p-2', null],
    });
  });
});
