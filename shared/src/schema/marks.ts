import type { Extensions } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { Italic } from '@tiptap/extension-italic';
import { Link } from '@tiptap/extension-link';
import { Underline } from '@tiptap/extension-underline';

/** The formatting a negotiated text uses; suggestion marks are defined apart from these. */
export const formattingMarks: Extensions = [
  Bold,
  Italic,
  Underline,
  // A click in the text places the cursor, and a typed symbol such as A/CONF.192/2018/RC/3
  // stays text: a link is made only on purpose.
  Link.configure({ openOnClick: false, autolink: false }),
];
