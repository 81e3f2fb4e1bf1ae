import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { newId } from '@zerodraft/shared/schema/paragraph-ids.ts';
import * as Y from 'yjs';

/** The Y.XmlFragment that holds a revision's document. */
export const documentFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(DOCUMENT_FIELD);

const isParagraph = (node: unknown): node is Y.XmlElement =>
  node instanceof Y.XmlElement && node.nodeName === 'paragraph';

/** Every paragraph element of the document, in document order (inside sections or not). */
export function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return [...documentFragment(doc).createTreeWalker((node) => isParagraph(node))] as Y.XmlElement[];
}

/** The plain text of an XmlText, without the tags its marks would add to `toString()`. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** The plain text of each paragraph, in document order. */
export function paragraphTexts(doc: Y.Doc): string[] {
  return paragraphs(doc).map((p) =>
    p
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? plainText(child) : ''))
      .join(''),
  );
}

/** The whole document as text, one line per paragraph. */
export const documentText = (doc: Y.Doc): string => paragraphTexts(doc).join('\n');

/**
 * Adds an operative paragraph holding `text` after the last paragraph of the document (in the
 * same section, as the editor's "new paragraph" does), or at the top level of an empty document.
 * Returns its XmlText, to type into.
 */
export function appendParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  // As an editor's paragraph-ids plugin gives it: the server refuses a paragraph without an id.
  paragraph.setAttribute('pid', `p-${newId()}`);
  paragraph.setAttribute('kind', 'operative');
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  doc.transact(() => {
    const last = paragraphs(doc).at(-1);
    const parent = last?.parent;
    if (last && (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) {
      parent.insert(parent.toArray().indexOf(last) + 1, [paragraph]);
    } else {
      const fragment = documentFragment(doc);
      fragment.insert(fragment.length, [paragraph]);
    }
  });
  return content;
}

/** Types `text` at the end of an XmlText, as one transaction (one update on the wire). */
export function typeAtEnd(content: Y.XmlText, text: string): void {
  content.insert(content.length, text);
}

/** Applies a stored revision (snapshot and updates after it) to a fresh Y.Doc. */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}
