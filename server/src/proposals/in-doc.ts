import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import type * as Y from 'yjs';
import { findSuggestions, type Suggestions } from './marks.ts';

/**
 * A pending proposal as a revision's Y.Doc holds it: the same account as the shared
 * `proposalsInText` gives of the ProseMirror document (a test holds the two equal), read
 * straight from Yjs, where the server's acts work.
 */
export interface ProposalInDoc {
  id: string;
  /** As its first mark or proposed paragraph carries them. */
  attrs: SuggestionAttrs;
  /** The words proposed for insertion, paragraphs separated by a line break. */
  inserted: string;
  /** The words proposed for deletion, likewise. */
  deleted: string;
  newParagraph: boolean;
  /** The `pid`s of the paragraphs it touches, in document order (null for a heading or the title). */
  paragraphs: (string | null)[];
  /** The `sid`s of the sections it touches, in document order. */
  sections: string[];
}

const stringAttr = (element: Y.XmlElement | null, name: string): string | null => {
  const value = element?.getAttribute(name);
  return typeof value === 'string' ? value : null;
};

/** Every proposal in the text by id, in the order they first appear. */
export function proposalsInDoc(
  doc: Y.Doc,
  suggestions: Suggestions = findSuggestions(doc),
): Map<string, ProposalInDoc> {
  const found = new Map<string, ProposalInDoc>();
  const lastBlock = new Map<string, Y.XmlElement | null>();

  const entry = (attrs: SuggestionAttrs, block: Y.XmlElement | null, section: Y.XmlElement | null) => {
    let proposal = found.get(attrs.id);
    if (!proposal) {
      proposal = { id: attrs.id, attrs, inserted: '', deleted: '', newParagraph: false, paragraphs: [], sections: [] };
      found.set(attrs.id, proposal);
    }
    const sid = stringAttr(section, 'sid');
    if (sid !== null && !proposal.sections.includes(sid)) proposal.sections.push(sid);
    const pid = block?.nodeName === 'paragraph' ? stringAttr(block, 'pid') : null;
    if (!proposal.paragraphs.includes(pid)) proposal.paragraphs.push(pid);
    return proposal;
  };

  const items = [
    ...suggestions.paragraphs.map((paragraph) => ({ order: paragraph.order, paragraph, run: null })),
    ...suggestions.runs.map((run) => ({ order: run.order, paragraph: null, run })),
  ].sort((a, b) => a.order - b.order);
  for (const { paragraph, run } of items) {
    if (paragraph) {
      entry(paragraph.attrs, paragraph.element, paragraph.section).newParagraph = true;
    } else if (run) {
      const proposal = entry(run.attrs, run.block, run.section);
      const key = `${run.attrs.id}:${run.kind}`;
      const separator = lastBlock.has(key) && lastBlock.get(key) !== run.block ? '\n' : '';
      lastBlock.set(key, run.block);
      proposal[run.kind === 'insertion' ? 'inserted' : 'deleted'] += separator + run.words;
    }
  }
  return found;
}
