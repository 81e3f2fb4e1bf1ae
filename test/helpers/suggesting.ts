import { prosemirrorJSONToYXmlFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { type ProposalInText, proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { PROPOSALS_FIELD, type ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { SuggestionAttrs, SuggestionKind } from '@zerodraft/shared/schema/suggestions.ts';
import * as Y from 'yjs';
import type { CollabClient } from './collab-client.ts';
import { paragraphs, plainText } from './document-text.ts';

/**
 * Proposals written into a client's Y.Doc as the editor's suggest mode writes them through
 * its Yjs binding: words carrying a Y.Text attribute `insertion--<hash>` or `deletion--<hash>`
 * whose value is the proposal's `SuggestionAttrs`, and a paragraph proposed whole carrying
 * them as its `insertion` attribute. Each call is one transaction, one update on the wire.
 */

/**
 * Shows the client present, as the editor does once it mounts (its cursor). The provider's
 * first presence is its empty initial state at clock 0, which a server that already counts
 * that client as new does not take as news; a change of it announces the client's Yjs id,
 * the only id its updates may be written under.
 */
export function announceEditor(client: CollabClient): void {
  client.provider.awareness.setLocalStateField('cursor', null);
}

/** The attribute the binding stores a suggestion mark under: read back from a one-word text it wrote. */
export function suggestionAttribute(kind: SuggestionKind, attrs: SuggestionAttrs): string {
  const scratch = new Y.Doc();
  const fragment = scratch.getXmlFragment(DOCUMENT_FIELD);
  prosemirrorJSONToYXmlFragment(
    documentSchema,
    {
      type: 'doc',
      content: [{ type: 'title', content: [{ type: 'text', text: 'x', marks: [{ type: kind, attrs }] }] }],
    },
    fragment,
  );
  const [op] = ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta() as {
    attributes?: Record<string, unknown>;
  }[];
  scratch.destroy();
  const name = Object.keys(op?.attributes ?? {})[0];
  if (!name) throw new Error(`The binding stored no attribute for a ${kind} mark`);
  return name;
}

function paragraphWithPid(doc: Y.Doc, pid: string): Y.XmlElement {
  const paragraph = paragraphs(doc).find((p) => p.getAttribute('pid') === pid);
  if (!paragraph) throw new Error(`No paragraph ${pid}`);
  return paragraph;
}

/** The paragraph's text and where `words` start in it. */
function wordsIn(doc: Y.Doc, pid: string, words: string): { text: Y.XmlText; index: number } {
  const text = paragraphWithPid(doc, pid).get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`Paragraph ${pid} starts with no text`);
  const index = plainText(text).indexOf(words);
  if (index < 0) throw new Error(`Paragraph ${pid} does not say "${words}"`);
  return { text, index };
}

/** Proposes `addition` right after the first `after` in paragraph `pid`. */
export function proposeInsertion(doc: Y.Doc, pid: string, after: string, addition: string, by: SuggestionAttrs): void {
  const { text, index } = wordsIn(doc, pid, after);
  text.insert(index + after.length, addition, { [suggestionAttribute('insertion', by)]: by });
}

/** Proposes deleting the first `words` of paragraph `pid`: they stay, marked. */
export function proposeDeletion(doc: Y.Doc, pid: string, words: string, by: SuggestionAttrs): void {
  const { text, index } = wordsIn(doc, pid, words);
  text.format(index, words.length, { [suggestionAttribute('deletion', by)]: by });
}

/** Proposes `replacement` for the first `words` of paragraph `pid`: one proposal, a deletion and an insertion. */
export function proposeReplacement(
  doc: Y.Doc,
  pid: string,
  words: string,
  replacement: string,
  by: SuggestionAttrs,
): void {
  doc.transact(() => {
    const { text, index } = wordsIn(doc, pid, words);
    text.format(index, words.length, { [suggestionAttribute('deletion', by)]: by });
    text.insert(index + words.length, replacement, { [suggestionAttribute('insertion', by)]: by });
  });
}

/** Proposes a new operative paragraph `pid` reading `words` right after paragraph `afterPid`. */
export function proposeParagraph(doc: Y.Doc, afterPid: string, pid: string, words: string, by: SuggestionAttrs): void {
  doc.transact(() => {
    const after = paragraphWithPid(doc, afterPid);
    const section = after.parent as Y.XmlElement;
    const paragraph = new Y.XmlElement('paragraph');
    // The attributes the binding writes for a new paragraph of the schema.
    paragraph.setAttribute('pid', pid);
    paragraph.setAttribute('kind', 'operative');
    paragraph.setAttribute('status', 'open');
    paragraph.setAttribute('insertion', by as unknown as string);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    section.insert(section.toArray().indexOf(after) + 1, [paragraph]);
    text.insert(0, words, { [suggestionAttribute('insertion', by)]: by });
  });
}

/** The pending proposals the text shows, as the proposals panel lists them. */
export function proposalsIn(doc: Y.Doc): ProposalInText[] {
  return proposalsInText(documentSchema.nodeFromJSON(yDocToProsemirrorJSON(doc, DOCUMENT_FIELD)));
}

/**
 * The server's records of the revision's proposals, by id in id order: a Y.Map's own order
 * depends on how the document was loaded, so two copies of one revision may list it differently.
 */
export function recordsIn(doc: Y.Doc): Record<string, ProposalRecord> {
  const records = [...doc.getMap<ProposalRecord>(PROPOSALS_FIELD).entries()];
  return Object.fromEntries(records.sort(([a], [b]) => a.localeCompare(b)));
}
