import { type Extensions, getSchema, Node } from '@tiptap/core';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Text } from '@tiptap/extension-text';
import { formattingMarks } from './marks.ts';
import { Numbering } from './numbering.ts';
import { Paragraph } from './paragraph.ts';
import { ParagraphIds } from './paragraph-ids.ts';
import { ParagraphStatusLabels } from './paragraph-status-decorations.ts';
import { Section, SectionHeading } from './section.ts';
import { suggestionMarks } from './suggestions.ts';
import { Title } from './title.ts';

/** An outcome document: its title, then its sections (DESIGN.md §1). */
export const Document = Node.create({
  name: 'doc',
  topNode: true,
  content: 'title section+',
});

/**
 * The document as the editor, the server and every Yjs peer must agree on it. There is no
 * undo history here: the client's Yjs Collaboration extension supplies undo, and ProseMirror's
 * own history would undo collaborators' changes as well as one's own.
 */
export const documentExtensions: Extensions = [
  Document,
  Title,
  Section,
  SectionHeading,
  Paragraph,
  Text,
  HardBreak,
  ...formattingMarks,
  ...suggestionMarks,
  ParagraphIds,
  Numbering,
  ParagraphStatusLabels,
];

export const documentSchema = getSchema(documentExtensions);
