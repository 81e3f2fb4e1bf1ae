import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { ComparedRevision } from '@zerodraft/shared/api/comparison.ts';
import { comparableParagraphs } from '@zerodraft/shared/comparison/comparable-paragraphs.ts';
import type { ComparableParagraph } from '@zerodraft/shared/comparison/compare-paragraphs.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type * as Y from 'yjs';
import type { Rooms } from '../collab/rooms.ts';
import { docFromUpdates, withCurrentText } from '../revisions/current-text.ts';
import type { RevisionRecord, Store } from '../store/store.ts';

export interface ComparedText {
  text: ComparedRevision['text'];
  paragraphs: ComparableParagraph[];
}

const paragraphsOf = (doc: Y.Doc): ComparableParagraph[] =>
  comparableParagraphs(documentSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD))));

/**
 * The text of a revision that a comparison reads: as circulated once it has been (its live
 * text goes on taking proposals and decisions until it is superseded, but what the delegations
 * received is the frozen copy); as adopted, or as placed under silence, since that text is the
 * one the meeting agrees on and it can no longer change; as it stands while in preparation. A
 * revision loaded as circulated, whose text Zerodraft did not keep then, is read as it stands,
 * and says so.
 */
export async function comparedText(
  { store, rooms }: { store: Store; rooms: Pick<Rooms, 'openRevisionIds' | 'open' | 'released'> },
  revision: RevisionRecord,
): Promise<ComparedText> {
  if (revision.state === 'adopted' || revision.state === 'under_silence') {
    const paragraphs = await withCurrentText({ store, rooms }, revision.id, paragraphsOf);
    return { text: revision.state === 'adopted' ? 'as_adopted' : 'as_under_silence', paragraphs };
  }
  if (revision.state !== 'in_preparation') {
    const asCirculated = await store.loadCirculatedContent(revision.id);
    if (asCirculated) {
      const doc = docFromUpdates(revision.id, [asCirculated]);
      try {
        return { text: 'as_circulated', paragraphs: paragraphsOf(doc) };
      } finally {
        doc.destroy();
      }
    }
  }
  return { text: 'current', paragraphs: await withCurrentText({ store, rooms }, revision.id, paragraphsOf) };
}
