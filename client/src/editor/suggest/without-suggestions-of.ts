import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { suggestionOf } from '@zerodraft/shared/schema/suggestions.ts';

/**
 * The server's rule for a delegation (DESIGN.md §3), as the tests' oracle: the document
 * without the delegation's suggestions (its inserted words and proposed paragraphs go, its
 * deletion marks go and the words stay). An edit made in suggest mode must leave this the same.
 */
export function withoutSuggestionsOf(doc: ProseMirrorNode, delegation: string): ProseMirrorNode {
  const strip = (node: ProseMirrorNode): ProseMirrorNode | null => {
    if (node.type.name === 'paragraph' && node.attrs.insertion?.delegation === delegation) return null;
    const own = (kind: string) =>
      node.marks.filter((mark) => {
        const suggestion = suggestionOf(mark);
        return suggestion?.kind === kind && suggestion.attrs.delegation === delegation;
      });
    if (node.isInline) {
      if (own('insertion').length > 0) return null;
      const struck = own('deletion');
      return node.mark(node.marks.filter((mark) => !struck.includes(mark)));
    }
    const children: ProseMirrorNode[] = [];
    node.forEach((child) => {
      const kept = strip(child);
      if (kept) children.push(kept);
    });
    // fromArray joins neighbouring text with the same marks, as the document would hold it.
    return node.copy(Fragment.fromArray(children));
  };
  return strip(doc) ?? doc;
}
