import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { cursorPosition, type ParagraphKind } from './paragraph.ts';
import { validateNodeId } from './paragraph-ids.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    section: {
      /**
       * Adds a section (an empty heading and one empty operative paragraph) after the section
       * holding the cursor, and moves the cursor into its heading.
       */
      insertSection: () => ReturnType;
    };
  }
}

/** A part of the document, usually one agenda item ("A. Implementation of the Programme of Action"). */
export const Section = Node.create({
  name: 'section',
  content: 'sectionHeading paragraph*',

  addAttributes() {
    return {
      // Identity across revisions, as a paragraph's pid; paragraph-ids.ts fills it.
      sid: {
        default: null,
        keepOnSplit: false,
        validate: validateNodeId,
        parseHTML: (element) => element.getAttribute('data-sid'),
        renderHTML: (attributes) => (attributes.sid ? { 'data-sid': attributes.sid } : {}),
      },
      // A closed section takes no new proposals (DESIGN.md §1); only the server sets it.
      closed: {
        default: false,
        keepOnSplit: false,
        validate: 'boolean',
        // A pasted section is new text, open for proposals.
        parseHTML: () => false,
        renderHTML: (attributes) => (attributes.closed ? { 'data-closed': '' } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ class: 'zd-section' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertSection:
        () =>
        ({ tr, dispatch }) => {
          const $pos = cursorPosition(tr.selection);
          let depth = $pos.depth;
          while (depth > 0 && $pos.node(depth).type !== this.type) depth--;
          if (depth === 0) return false;
          if (dispatch) {
            const { schema } = tr.doc.type;
            const pos = $pos.after(depth);
            const paragraph = schema.node('paragraph', { kind: 'operative' satisfies ParagraphKind });
            tr.insert(pos, this.type.create(null, [schema.node('sectionHeading'), paragraph]));
            tr.setSelection(TextSelection.create(tr.doc, pos + 2)).scrollIntoView();
          }
          return true;
        },
    };
  },
});

export const SectionHeading = Node.create({
  name: 'sectionHeading',
  content: 'inline*',
  // Pasting over a whole heading keeps it a heading.
  defining: true,

  parseHTML() {
    return [{ tag: 'h2' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes({ class: 'zd-section-heading' }, HTMLAttributes), 0];
  },
});
