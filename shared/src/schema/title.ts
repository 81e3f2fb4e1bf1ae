import { mergeAttributes, Node } from '@tiptap/core';

/** The document's title, the one line above its sections ("Draft outcome document of …"). */
export const Title = Node.create({
  name: 'title',
  content: 'inline*',
  // Pasting over the whole title keeps it the title.
  defining: true,

  parseHTML() {
    return [{ tag: 'h1' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes({ class: 'zd-title' }, HTMLAttributes), 0];
  },
});
