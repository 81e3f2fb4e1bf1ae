import type { Editor, Extensions, JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { suggestionOf } from '@zerodraft/shared/schema/suggestions.ts';
import { createTestEditor, json } from '@zerodraft/shared/schema/test-editor.ts';
import { expect } from 'vitest';
import type { Proposer } from './proposer.ts';
import { SuggestMode } from './suggest-mode.ts';
import { withoutSuggestionsOf } from './without-suggestions-of.ts';

/** For the suggest mode's tests: delegates, a revision, and a readable view of its marks. */

export const mexico: Proposer = { delegation: 'd-mex', user: 'u-lucia' };
export const mexicoColleague: Proposer = { delegation: 'd-mex', user: 'u-pablo' };
export const japan: Proposer = { delegation: 'd-jpn', user: 'u-kenji' };

const NAMES: Record<string, string> = { 'd-mex': 'Mexico', 'd-jpn': 'Japan' };

export const GRAVE = 'Expressing grave concern at the humanitarian impact';
export const AGREED = 'Recalling the Programme of Action';
export const CLOSED = 'Decide to convene the next meeting in 2028';

/** Paragraph 1 open, paragraph 2 agreed; section B closed. */
export function revision(): JSONContent {
  const { doc, section, paragraph } = json;
  return doc(
    section(
      's-a',
      'A. Implementation',
      paragraph('p-1', 'operative', GRAVE),
      { ...paragraph('p-2', 'operative', AGREED), attrs: { pid: 'p-2', kind: 'operative', status: 'agreed' } },
      paragraph('p-3', 'preambular', 'Welcoming the reports'),
    ),
    { ...section('s-b', 'B. Follow-up', paragraph('p-4', 'operative', CLOSED)), attrs: { sid: 's-b', closed: true } },
  );
}

export interface SuggestingEditor {
  editor: Editor;
  /** What the editor told the user it refused, in order. */
  refusals: string[];
}

export function suggestingEditor(
  proposer: Proposer,
  content: JSONContent = revision(),
  extensions: Extensions = [],
): SuggestingEditor {
  const refusals: string[] = [];
  const suggestMode = SuggestMode.configure({
    proposer,
    suggesting: true,
    onRefused: (reason) => refusals.push(reason),
  });
  return { editor: createTestEditor(content, [], [suggestMode, ...extensions]), refusals };
}

/**
 * A textblock as a reader of the marks sees it: `{grave|-Mexico}` is "grave" struck through by
 * Mexico, `{serious|+Japan}` inserted by Japan; a paragraph proposed whole starts `¶Mexico: `.
 */
export function shown(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    const marks = child.marks.flatMap((mark) => {
      const suggestion = suggestionOf(mark);
      if (!suggestion) return [];
      const sign = suggestion.kind === 'insertion' ? '+' : '-';
      return [`${sign}${NAMES[suggestion.attrs.delegation] ?? suggestion.attrs.delegation}`];
    });
    const words = child.isText ? (child.text ?? '') : '⏎';
    text += marks.length > 0 ? `{${words}|${marks.join(',')}}` : words;
  });
  const whole = node.attrs.insertion?.delegation as string | undefined;
  return whole ? `¶${NAMES[whole] ?? whole}: ${text}` : text;
}

/** Every paragraph of the text, shown. */
export const shownParagraphs = (doc: ProseMirrorNode): string[] => {
  const found: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'paragraph') found.push(shown(node));
    return !node.isTextblock;
  });
  return found;
};

/** The proposal ids in a textblock's marks, in order of first appearance. */
export function proposalIds(node: ProseMirrorNode): string[] {
  const ids: string[] = [];
  if (node.attrs.insertion?.id) ids.push(node.attrs.insertion.id);
  node.forEach((child) => {
    for (const mark of child.marks) {
      const id = suggestionOf(mark)?.attrs.id;
      if (id && !ids.includes(id)) ids.push(id);
    }
  });
  return ids;
}

/**
 * Runs an edit and checks it with the server's rule: with the proposer's delegation's
 * suggestions stripped, the text before and after is the same.
 */
export function proposeChecked(editor: Editor, proposer: Proposer, edit: () => void): void {
  const before = withoutSuggestionsOf(editor.state.doc, proposer.delegation);
  edit();
  const after = withoutSuggestionsOf(editor.state.doc, proposer.delegation);
  expect(after.toJSON()).toEqual(before.toJSON());
}
