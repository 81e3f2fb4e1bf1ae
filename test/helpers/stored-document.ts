import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { PROPOSALS_FIELD } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { docFromUpdates } from './document-text.ts';

/**
 * What the SQLite file holds of a revision right now, whole: the document with every element's
 * attributes and every mark (as Yjs writes it out), and the proposal records. Read through a
 * store of its own, as the next server start would read it.
 */
export async function storedDocument(databasePath: string, revisionId: string): Promise<string> {
  const store = new SqliteStore({ path: databasePath });
  try {
    const { snapshot, updates } = await store.loadRevisionContent(revisionId);
    const doc = docFromUpdates(snapshot ? [snapshot, ...updates] : updates);
    const content = `${doc.getXmlFragment(DOCUMENT_FIELD).toString()}\n${JSON.stringify(doc.getMap(PROPOSALS_FIELD).toJSON())}`;
    doc.destroy();
    return content;
  } finally {
    await store.close();
  }
}
