import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Update-to-client binding (issue 5): a connection writes only under the Yjs client ids it
 * announced itself with. Yjs keeps the first struct it receives at a given client id and
 * clock and drops any later one, so a client writing under someone else's id would silently
 * swallow that person's next keystrokes; and the id is how an update is traced to its writer.
 */

/**
 * The client ids under which the update brings structs the document does not have yet,
 * that `announced` does not hold. Deletions are not bound to a client id and are not counted.
 *
 * A struct of no length at a client's next clock adds nothing, yet counts: Yjs, seeing its own
 * id in someone else's update, gives its document another id, one its connection never
 * announced, and everything that client writes from then on would be refused.
 */
export function unannouncedWriters(update: Uint8Array, doc: Y.Doc, announced: ReadonlySet<number>): number[] {
  const writers = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip || announced.has(client)) continue;
    const state = Y.getState(doc.store, client);
    if (clock >= state || clock + struct.length > state) writers.add(client);
  }
  return [...writers];
}

/**
 * The client ids an awareness update speaks for. Every id of an update the server let through
 * for a connection (`truthfulPresence`: no other person's) is one that connection announced.
 */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const ids: number[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}
