import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { suggestionOf } from '@zerodraft/shared/schema/suggestions.ts';

/**
 * Where a proposal begins in the text: its first marked words, or the content of the first
 * paragraph it proposes whole; null once it has left the text. Read from the text as it is
 * now, since the panel's list may be a moment old.
 */
export function proposalRange(doc: ProseMirrorNode, proposalId: string): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.isTextblock) return true;
    if (node.type.name === 'paragraph' && node.attrs.insertion?.id === proposalId) {
      found = { from: pos + 1, to: pos + 1 + node.content.size };
      return false;
    }
    node.forEach((child, offset) => {
      if (found === null && child.marks.some((mark) => suggestionOf(mark)?.attrs.id === proposalId)) {
        found = { from: pos + 1 + offset, to: pos + 1 + offset + child.nodeSize };
      }
    });
    return false;
  });
  return found;
}
