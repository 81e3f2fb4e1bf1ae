import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import * as Y from 'yjs';
import { quoted } from './refusal.ts';

/**
 * Where something is, as a delegate names it: "paragraph 3", "paragraph 3 (a)", "preambular
 * paragraph 2", "section B". Computed only to word a refusal, so it may walk the document.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const kindOf = (paragraph: Y.XmlElement): unknown => paragraph.getAttribute('kind') ?? 'operative';

const plainText = (element: Y.XmlElement): string =>
  element
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText
        ? (child.toDelta() as { insert: unknown }[])
            .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
            .join('')
        : '',
    )
    .join('');

/** "section B" for a heading "B. Follow-up", else the heading's first words. */
export function describeSection(section: Y.XmlElement): string {
  const heading = section.get(0);
  const text = heading instanceof Y.XmlElement ? plainText(heading).trim() : '';
  const letter = /^([A-Z]{1,3}|[IVX]{1,5})\.\s/.exec(text)?.[1];
  if (letter) return `section ${letter}`;
  return text ? `section ${quoted(text)}` : 'a section';
}

/** How a paragraph is numbered in the document (see shared/src/schema/numbering.ts). */
function describeParagraph(paragraph: Y.XmlElement): string {
  const root = paragraph.doc?.getXmlFragment(DOCUMENT_FIELD);
  let operative = 0;
  let subparagraph = 0;
  let preambular = 0;
  for (const node of root?.createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'paragraph') ?? []) {
    const kind = kindOf(node as Y.XmlElement);
    if (kind === 'operative') {
      operative++;
      subparagraph = 0;
    } else if (kind === 'subparagraph') {
      subparagraph++;
    } else {
      preambular++;
    }
    if (node !== paragraph) continue;
    if (kind === 'operative') return `paragraph ${operative}`;
    if (kind === 'subparagraph') {
      const index = subparagraph - 1;
      const letters = LETTERS.charAt(index % LETTERS.length).repeat(Math.floor(index / LETTERS.length) + 1);
      return operative > 0 ? `paragraph ${operative} (${letters})` : `sub-paragraph (${letters})`;
    }
    return `preambular paragraph ${preambular}`;
  }
  return 'a paragraph';
}

/** The title, a section's heading, or a paragraph, as a delegate names it. */
export function describeBlock(block: Y.XmlElement): string {
  if (block.nodeName === 'title') return 'the title';
  if (block.nodeName === 'sectionHeading') {
    const section = block.parent;
    return section instanceof Y.XmlElement ? `the heading of ${describeSection(section)}` : 'a heading';
  }
  if (block.nodeName === 'paragraph') return describeParagraph(block);
  return 'the text';
}

/** A section, or the document as a whole. */
export function describeContainer(container: Y.XmlFragment): string {
  return container instanceof Y.XmlElement && container.nodeName === 'section'
    ? describeSection(container)
    : 'the document';
}
