import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * For the policy's tests: Yjs updates written struct by struct, as a client that does not use
 * Yjs's own types could write them, with content and placements no Y type ever produces.
 */

/** What an item holds: Yjs exports each kind of content, though not their common type. */
export type ItemContent = Y.Item['content'];

/** One struct: where it goes (after `origin`, or into `parent` when it has no origins) and what it holds. */
export interface HandBuiltItem {
  client: number;
  clock: number;
  /** The item it is inserted after. */
  origin?: Y.ID | null;
  /** The item it is inserted before. */
  rightOrigin?: Y.ID | null;
  /** Used only without origins: the id of the type's item, or the name of a root type. */
  parent?: Y.ID | string | null;
  /** The attribute (map key) it sets, instead of a place in a list. */
  parentSub?: string | null;
  content: ItemContent;
}

/** A stretch of structs of one client, deleted. */
export interface HandBuiltDeletion {
  client: number;
  clock: number;
  length: number;
}

/** Encodes the items, each client's in the order given from the first one's clock, then the deletions. */
export function handBuiltUpdate(
  items: readonly HandBuiltItem[],
  deletions: readonly HandBuiltDeletion[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = groupBy(items, (item) => item.client);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, structs] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, structs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, structs[0]?.clock ?? 0);
    for (const s of structs) {
      const id = Y.createID(s.client, s.clock);
      // Item.write reads the parent as an ID, a root name, or a type: the first two are all an update holds.
      const parent = (s.parent ?? null) as unknown as Y.AbstractType<unknown>;
      new Y.Item(id, null, s.origin ?? null, null, s.rightOrigin ?? null, parent, s.parentSub ?? null, s.content).write(
        encoder,
        0,
      );
    }
  }
  const deleted = groupBy(deletions, (deletion) => deletion.client);
  encoding.writeVarUint(encoder.restEncoder, deleted.size);
  for (const [client, stretches] of deleted) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, stretches.length);
    for (const { clock, length } of stretches) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(length);
    }
  }
  return encoder.toUint8Array();
}

function groupBy<T>(values: readonly T[], key: (value: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}
