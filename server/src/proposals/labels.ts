import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { paragraphNumbers } from '@zerodraft/shared/schema/numbering.ts';
import type * as Y from 'yjs';

/**
 * How the audit log names each paragraph by pid, as delegates name them in the room:
 * "paragraph 3", "paragraph 3 (a)", "preambular paragraph 2". Numbers are never stored, so
 * they are computed from the text as it stands before the act (numbering.ts).
 */
export function paragraphLabels(doc: Y.Doc): Map<string, string> {
  const labels = new Map<string, string>();
  let pmDoc: ReturnType<typeof documentSchema.nodeFromJSON>;
  try {
    pmDoc = documentSchema.nodeFromJSON(yDocToProsemirrorJSON(doc, DOCUMENT_FIELD));
  } catch {
    // A text the schema cannot read still takes acts; the log then names paragraphs by pid.
    return labels;
  }
  const numbers = paragraphNumbers(pmDoc);
  let preambular = 0;
  let operative = '';
  pmDoc.descendants((node) => {
    if (node.type.name !== 'paragraph') return !node.isTextblock;
    const pid = node.attrs.pid;
    if (typeof pid !== 'string') return false;
    const number = numbers.get(pid);
    if (node.attrs.kind === 'preambular') labels.set(pid, `preambular paragraph ${++preambular}`);
    else if (node.attrs.kind === 'operative' && number) {
      operative = number.replace(/\.$/, '');
      labels.set(pid, `paragraph ${operative}`);
    } else if (number) labels.set(pid, operative ? `paragraph ${operative} ${number}` : `subparagraph ${number}`);
    return false;
  });
  return labels;
}

/** "in paragraph 3", "in paragraph 3 and paragraph 4", "in the title or a heading": where a proposal is. */
export function whereInText(pids: readonly (string | null)[], labels: Map<string, string>): string {
  const named = pids.filter((pid): pid is string => pid !== null).map((pid) => labels.get(pid) ?? `paragraph ${pid}`);
  if (named.length === 0) return pids.length > 0 ? 'in the title or a heading' : 'no longer in the text';
  if (named.length === 1) return `in ${named[0]}`;
  return `in ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}
