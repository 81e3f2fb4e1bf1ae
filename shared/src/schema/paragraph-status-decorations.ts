import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { onlyEditsText } from './numbering.ts';
import { isParagraphStatus, PARAGRAPH_STATUS_NAMES } from './paragraph.ts';

/** What a closed section's heading says beside it (DESIGN.md §1). */
export const CLOSED_SECTION_LABEL = 'Closed for proposals';

function statusDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'section') {
      const heading = node.firstChild;
      if (node.attrs.closed === true && heading) {
        decorations.push(
          Decoration.node(pos + 1, pos + 1 + heading.nodeSize, { 'data-closed-label': CLOSED_SECTION_LABEL }),
        );
      }
      return true;
    }
    if (node.type.name === 'paragraph') {
      const { status } = node.attrs;
      if (isParagraphStatus(status) && status !== 'open') {
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { 'data-status-label': PARAGRAPH_STATUS_NAMES[status] }),
        );
      }
    }
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

export const paragraphStatusKey = new PluginKey<DecorationSet>('paragraphStatus');

/**
 * Names where the negotiation stands in the margin: "Agreed" or "Agreed ad ref" beside a
 * paragraph (`data-status-label`), "Closed for proposals" beside a closed section's heading
 * (`data-closed-label`); an open paragraph or section says nothing. The words come from here,
 * not the stylesheet, so they are translated with the rest. Typing changes no status, so the
 * set is mapped then and rebuilt otherwise, as the numbering does (numbering.ts).
 */
export const ParagraphStatusLabels = Extension.create({
  name: 'paragraphStatusLabels',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: paragraphStatusKey,
        state: {
          init: (_config, state) => statusDecorations(state.doc),
          apply: (tr, decorations) => {
            if (!tr.docChanged) return decorations;
            return onlyEditsText(tr) ? decorations.map(tr.mapping, tr.doc) : statusDecorations(tr.doc);
          },
        },
        props: {
          decorations: (state) => paragraphStatusKey.getState(state),
        },
      }),
    ];
  },
});
