import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { type ProposalInText, proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { json, texts } from '@zerodraft/shared/schema/test-editor.ts';
import type * as Y from 'yjs';

/** Texts for the tests of proposals/, built as the editor's Yjs binding stores them. */

export const mexico: SuggestionAttrs = {
  id: 'prop-mexico-1',
  delegation: 'd-mex',
  user: 'u-lucia',
  time: '2026-11-25T10:00:00.000Z',
};
export const japan: SuggestionAttrs = {
  id: 'prop-japan-1',
  delegation: 'd-jpn',
  user: 'u-haruto',
  time: '2026-11-25T10:01:00.000Z',
};
export const chile: SuggestionAttrs = {
  id: 'prop-chile-1',
  delegation: 'd-chl',
  user: 'u-pablo',
  time: '2026-11-25T10:02:00.000Z',
};

type MarkJSON = NonNullable<JSONContent['marks']>[number];

export const inserted = (by: SuggestionAttrs): MarkJSON => ({ type: 'insertion', attrs: by });
export const deleted = (by: SuggestionAttrs): MarkJSON => ({ type: 'deletion', attrs: by });

export const words = (text: string, ...marks: MarkJSON[]): JSONContent =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };

export const paragraph = (pid: string, ...content: JSONContent[]): JSONContent => ({
  type: 'paragraph',
  attrs: { pid, kind: 'operative' },
  content,
});

/** A paragraph proposed whole by `by`, its words marked as theirs. */
export const proposedParagraph = (pid: string, by: SuggestionAttrs, text: string): JSONContent => ({
  type: 'paragraph',
  attrs: { pid, kind: 'operative', insertion: by },
  content: [words(text, inserted(by))],
});

/** A revision's Y.Doc holding one section `s-a` with these paragraphs. */
export const revisionText = (...paragraphs: JSONContent[]): Y.Doc =>
  prosemirrorJSONToYDoc(documentSchema, json.doc(json.section('s-a', 'A. General', ...paragraphs)), DOCUMENT_FIELD);

export const asProseMirror = (doc: Y.Doc) => documentSchema.nodeFromJSON(yDocToProsemirrorJSON(doc, DOCUMENT_FIELD));

/** Each paragraph's words, as a reader sees them (proposed deletions still shown). */
export const paragraphWords = (doc: Y.Doc): string[] => texts(asProseMirror(doc));

/** The proposals the text shows, as the client's proposals panel lists them. */
export const proposalsShown = (doc: Y.Doc): Pick<ProposalInText, 'id' | 'inserted' | 'deleted'>[] =>
  proposalsInText(asProseMirror(doc)).map(({ id, inserted, deleted }) => ({ id, inserted, deleted }));
