import * as Y from 'yjs';
import { refuse } from './refusal.ts';

/**
 * Every paragraph and section keeps an id of its own (`pid`, `sid`): "para 12, was 10 in Draft
 * 1" and the Chair's acts name paragraphs by it. Every stock client keeps them present and
 * unique (shared/src/schema/paragraph-ids.ts): with its next edit, wherever it is, it gives a
 * part without an id, or the second of two sharing one, a fresh id. Written into another
 * delegation's paragraph, that edit is refused, and so would be every later one; so no update
 * may leave a part it adds, or whose id it changes, without an id of its own.
 */

/** The attribute that holds the id of each kind of part that has one, as the client's plugin names them. */
const ID_ATTRIBUTES: Readonly<Record<string, string>> = { paragraph: 'pid', section: 'sid' };

/** The attribute holding the element's id, if it is a part that has one. */
export const idAttributeOf = (element: Y.XmlElement): string | undefined => ID_ATTRIBUTES[element.nodeName];

/** How many parts of the document carry each id; sections and paragraphs share one space of ids, as in the plugin. */
function idCounts(root: Y.XmlFragment): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  const visit = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const attribute = idAttributeOf(child);
      if (attribute) {
        const id = child.getAttribute(attribute);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      // Only sections hold parts with ids; a paragraph's children are its words.
      if (child.nodeName === 'section') visit(child);
    }
  };
  visit(root);
  return counts;
}

/** Refuses unless each of the parts has an id no other part of the document (`root`, after the update) has. */
export function checkIdentities(root: Y.XmlFragment, parts: ReadonlySet<Y.XmlElement>): void {
  if (parts.size === 0) return;
  const counts = idCounts(root);
  for (const part of parts) {
    const attribute = idAttributeOf(part);
    if (!attribute) continue;
    const id = part.getAttribute(attribute);
    if (typeof id !== 'string' || id === '') refuse(`it gives a ${part.nodeName} no identity`);
    if ((counts.get(id) ?? 0) > 1) refuse(`it gives a ${part.nodeName} the identity of another part of the document`);
  }
}
