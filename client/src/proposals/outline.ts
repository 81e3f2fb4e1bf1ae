import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { paragraphNumbers } from '@zerodraft/shared/schema/numbering.ts';
import type { ParagraphKind } from '@zerodraft/shared/schema/paragraph.ts';

export interface SectionInOutline {
  sid: string;
  /** The heading's words, e.g. "A. Implementation of the Programme of Action". */
  heading: string;
  closed: boolean;
}

/** What the panel needs of the text besides its proposals: the sections and paragraph numbers. */
export interface TextOutline {
  sections: SectionInOutline[];
  /** '1.', '2.', '(a)' by pid. */
  numbers: ReadonlyMap<string, string>;
}

export const UNTITLED_SECTION = 'Untitled section';

export function outlineOf(doc: ProseMirrorNode): TextOutline {
  const sections: SectionInOutline[] = [];
  doc.forEach((node) => {
    if (node.type.name !== 'section' || typeof node.attrs.sid !== 'string') return;
    sections.push({
      sid: node.attrs.sid,
      heading: node.firstChild?.textContent.trim() || UNTITLED_SECTION,
      closed: node.attrs.closed === true,
    });
  });
  return { sections, numbers: paragraphNumbers(doc) };
}

/** "Paragraph 12", "Sub-paragraph (a)", "Preambular paragraph", as the reader finds it in the text. */
export function paragraphLabel(kind: ParagraphKind, number: string | undefined): string {
  if (kind === 'operative' && number) return `Paragraph ${number.replace(/\.$/, '')}`;
  if (kind === 'subparagraph' && number) return `Sub-paragraph ${number}`;
  if (kind === 'preambular') return 'Preambular paragraph';
  return 'This paragraph';
}

/** "para. 12", "para. (a)", short for the list; nothing for an unnumbered paragraph. */
export function shortParagraphLabel(number: string | undefined): string | null {
  return number ? `para. ${number.replace(/\.$/, '')}` : null;
}
