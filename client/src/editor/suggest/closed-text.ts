import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { paragraphNumbers } from '@zerodraft/shared/schema/numbering.ts';

/** How the user knows a paragraph: "Paragraph 3", "Sub-paragraph (b)", or its first words. */
function paragraphName(doc: ProseMirrorNode, paragraph: ProseMirrorNode): string {
  const label = typeof paragraph.attrs.pid === 'string' ? paragraphNumbers(doc).get(paragraph.attrs.pid) : undefined;
  if (label?.startsWith('(')) return `Sub-paragraph ${label}`;
  if (label) return `Paragraph ${label.replace(/\.$/, '')}`;
  const words = paragraph.textContent.trim().split(/\s+/);
  if (words[0] === '') return 'This paragraph';
  const opening = words.slice(0, 6).join(' ');
  return `The paragraph beginning “${opening}${words.length > 6 ? '…' : ''}”`;
}

function sectionName(section: ProseMirrorNode): string {
  const heading = section.firstChild?.textContent.trim();
  return heading ? `Section “${heading}”` : 'This section';
}

/**
 * Why no proposal may be made at `pos`, in words for the user, or null when it may: agreed
 * paragraphs and closed sections take no new proposals (DESIGN.md §1). The server refuses
 * such a change too; saying so before sending it keeps the user's words on screen.
 */
export function closedTextReason(doc: ProseMirrorNode, pos: number): string | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'paragraph' && node.attrs.status === 'agreed') {
      return `${paragraphName(doc, node)} is agreed and takes no new proposals.`;
    }
    if (node.type.name === 'section' && node.attrs.closed === true) {
      return `${sectionName(node)} is closed and takes no new proposals.`;
    }
  }
  return null;
}
