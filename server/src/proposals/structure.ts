import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { isParagraphStatus, type ParagraphStatus } from '@zerodraft/shared/schema/paragraph.ts';
import * as Y from 'yjs';

/**
 * The sections and paragraphs of a revision's Y.Doc that the Chair and facilitators act on:
 * a paragraph's status and a section's being open or closed for proposals (DESIGN.md §1),
 * attributes only the server sets.
 */

const elements = (parent: Y.XmlElement | Y.XmlFragment, name: string): Y.XmlElement[] =>
  parent.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === name);

export const sectionsOf = (doc: Y.Doc): Y.XmlElement[] => elements(doc.getXmlFragment(DOCUMENT_FIELD), 'section');

export function findSection(doc: Y.Doc, sid: string): Y.XmlElement | undefined {
  return sectionsOf(doc).find((section) => section.getAttribute('sid') === sid);
}

/** The paragraph with this pid and the sid of its section (null if it has none). */
export function findParagraph(doc: Y.Doc, pid: string): { paragraph: Y.XmlElement; sid: string | null } | undefined {
  for (const section of sectionsOf(doc)) {
    const paragraph = elements(section, 'paragraph').find((p) => p.getAttribute('pid') === pid);
    if (paragraph) {
      const sid = section.getAttribute('sid');
      return { paragraph, sid: typeof sid === 'string' ? sid : null };
    }
  }
  return undefined;
}

export function paragraphStatus(paragraph: Y.XmlElement): ParagraphStatus {
  const status = paragraph.getAttribute('status');
  return isParagraphStatus(status) ? status : 'open';
}

/** Sets a paragraph's status; returns the status it had. */
export function setParagraphStatus(paragraph: Y.XmlElement, status: ParagraphStatus): ParagraphStatus {
  const before = paragraphStatus(paragraph);
  if (before !== status) paragraph.setAttribute('status', status);
  return before;
}

export function sectionClosed(section: Y.XmlElement): boolean {
  // Yjs types attributes as strings; the binding stores the schema's boolean as is.
  const closed: unknown = section.getAttribute('closed');
  return closed === true;
}

/** Opens or closes a section for proposals; returns whether it was closed. */
export function setSectionClosed(section: Y.XmlElement, closed: boolean): boolean {
  const before = sectionClosed(section);
  if (before !== closed) section.setAttribute('closed', closed as unknown as string);
  return before;
}

/** The words of an XmlText, without the tags its marks add to `toString()`. */
export const plainText = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');

/** A section's heading as read: "B. International cooperation and assistance". */
export function sectionHeading(section: Y.XmlElement): string {
  const heading = elements(section, 'sectionHeading')[0];
  return (
    heading
      ?.toArray()
      .map((child) => (child instanceof Y.XmlText ? plainText(child) : ''))
      .join('') ?? ''
  );
}
