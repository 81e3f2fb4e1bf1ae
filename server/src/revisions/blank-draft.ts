import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { newId } from '@zerodraft/shared/schema/paragraph-ids.ts';
import * as Y from 'yjs';

/**
 * The first content of a new document's zero draft: its title, and one section with one empty
 * operative paragraph for the Chair to write in (the schema wants a section, and an editor
 * with no paragraph has nowhere to put the cursor). Ids are fresh, as the editor makes them.
 */
export function blankDraftContent(title: string): Uint8Array {
  const content: JSONContent = {
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: title }] },
      {
        type: 'section',
        attrs: { sid: newId() },
        content: [
          { type: 'sectionHeading', content: [{ type: 'text', text: 'A. ' }] },
          { type: 'paragraph', attrs: { pid: newId(), kind: 'operative' } },
        ],
      },
    ],
  };
  const doc = prosemirrorJSONToYDoc(documentSchema, content, DOCUMENT_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
