import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type SuggestionAttrs, type SuggestionKind, suggestionOf } from '../schema/suggestions.ts';

/** A pending proposal as the text shows it: what its marks cover, and where. */
export interface ProposalInText {
  id: string;
  delegation: string;
  user: string;
  time: string;
  /** The words proposed for insertion, paragraphs separated by a line break. */
  inserted: string;
  /** The words proposed for deletion, likewise. */
  deleted: string;
  /** Whether it proposes at least one paragraph whole. */
  newParagraph: boolean;
  /** The `pid`s of the paragraphs it touches, in document order (null for a heading or the title). */
  paragraphs: (string | null)[];
  /** The `sid`s of the sections it touches, in document order. */
  sections: string[];
  /** Where it starts in the document. */
  from: number;
}

/**
 * Every proposal whose marks are in the document, in the order they first appear. This is the
 * text's own account; the record (proposals/record.ts) adds names, stances and the rationale.
 */
export function proposalsInText(doc: ProseMirrorNode): ProposalInText[] {
  const found = new Map<string, ProposalInText>();
  /** Per proposal and kind, the block the last words came from, to put a line break between blocks. */
  const lastBlock = new Map<string, number>();
  let sid: string | null = null;
  let paragraph: string | null = null;

  const entry = (attrs: SuggestionAttrs, pos: number): ProposalInText => {
    let proposal = found.get(attrs.id);
    if (!proposal) {
      proposal = {
        id: attrs.id,
        delegation: attrs.delegation,
        user: attrs.user,
        time: attrs.time,
        inserted: '',
        deleted: '',
        newParagraph: false,
        paragraphs: [],
        sections: [],
        from: pos,
      };
      found.set(attrs.id, proposal);
    }
    if (sid !== null && !proposal.sections.includes(sid)) proposal.sections.push(sid);
    if (!proposal.paragraphs.includes(paragraph)) proposal.paragraphs.push(paragraph);
    return proposal;
  };
  const addWords = (proposal: ProposalInText, kind: SuggestionKind, words: string, block: number) => {
    const key = `${proposal.id}:${kind}`;
    const separator = lastBlock.has(key) && lastBlock.get(key) !== block ? '\n' : '';
    lastBlock.set(key, block);
    proposal[kind === 'insertion' ? 'inserted' : 'deleted'] += separator + words;
  };

  doc.descendants((node, pos) => {
    if (node.type.name === 'section') {
      sid = node.attrs.sid;
      return true;
    }
    if (!node.isTextblock) return true;
    paragraph = node.type.name === 'paragraph' ? node.attrs.pid : null;
    if (node.type.name === 'paragraph' && node.attrs.insertion) {
      entry(node.attrs.insertion as SuggestionAttrs, pos).newParagraph = true;
    }
    node.forEach((child, offset) => {
      for (const mark of child.marks) {
        const suggestion = suggestionOf(mark);
        if (!suggestion) continue;
        const proposal = entry(suggestion.attrs, pos + 1 + offset);
        addWords(proposal, suggestion.kind, child.isText ? (child.text ?? '') : '\n', pos);
      }
    });
    return false;
  });
  return [...found.values()];
}
