import * as Y from 'yjs';
import type { Rooms } from '../collab/rooms.ts';
import type { Store } from '../store/store.ts';

/** A Y.Doc holding these stored updates; one that cannot be applied is skipped, as when a room loads. */
export function docFromUpdates(revisionId: string, updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        // One unreadable update must not make the whole revision unreadable.
        console.error(`Revision ${revisionId}: skipped a stored update that cannot be applied`, error);
      }
    }
  });
  return doc;
}

/** A Y.Doc of the revision's text as stored now, for the caller to destroy. */
export async function storedText(store: Store, revisionId: string): Promise<Y.Doc> {
  const { snapshot, updates } = await store.loadRevisionContent(revisionId);
  return docFromUpdates(revisionId, snapshot ? [snapshot, ...updates] : updates);
}

/**
 * Calls `read` with the revision's current Y.Doc: the open room's, else one loaded from the
 * store for this call. `read` runs synchronously, so it sees one state of the text.
 */
export async function withCurrentText<T>(
  { store, rooms }: { store: Store; rooms: Pick<Rooms, 'openRevisionIds' | 'open' | 'released'> },
  revisionId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  if (rooms.openRevisionIds.includes(revisionId)) {
    const room = await rooms.open(revisionId);
    try {
      return read(room.doc);
    } finally {
      // As a connection that leaves: the room unloads after its idle delay if nobody is in it.
      rooms.released(room);
    }
  }
  const doc = await storedText(store, revisionId);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
