import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { docFromUpdates, documentText } from './document-text.ts';

/**
 * What the SQLite file holds of a revision right now, as text, read through a store of its own
 * (as the next server start would read it), not through the running server.
 */
export async function storedText(databasePath: string, revisionId: string): Promise<string> {
  const store = new SqliteStore({ path: databasePath });
  try {
    const { snapshot, updates } = await store.loadRevisionContent(revisionId);
    const doc = docFromUpdates(snapshot ? [snapshot, ...updates] : updates);
    const text = documentText(doc);
    doc.destroy();
    return text;
  } finally {
    await store.close();
  }
}
