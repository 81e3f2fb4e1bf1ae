import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import type { Connection } from './connection.ts';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

function decodeEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
      throw new Error('state is not an object');
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return entries;
}

export function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The awareness update a connection sent, made truthful (DESIGN.md §3: nobody can appear as
 * someone else): every state it publishes carries the server's `user` for that connection, and
 * it may speak only for awareness client ids that are not another person's.
 *
 * A client id belongs to the first connection that mentions it while the room has never seen
 * it: a provider announces its id the moment it connects, before anyone else can learn it.
 * An id another connection of the same user holds passes (a reconnecting tab). Stock
 * y-websocket clients echo the states they receive; those are dropped or, being no newer,
 * ignored by the awareness. Throws on an update that cannot be decoded.
 */
export function truthfulPresence(
  update: Uint8Array,
  sender: Connection,
  others: Iterable<Connection>,
  awareness: Awareness,
): { update: Uint8Array | null; claims: number[] } {
  const claimedBy = new Map<number, Connection>();
  for (const other of others) {
    if (other === sender) continue;
    for (const id of other.awarenessClients) claimedBy.set(id, other);
  }
  const kept: AwarenessEntry[] = [];
  const claims: number[] = [];
  for (const entry of decodeEntries(update)) {
    if (entry.clientId === awareness.clientID) continue;
    const holder = claimedBy.get(entry.clientId);
    if (holder && holder.user.id !== sender.user.id) continue;
    if (!holder && !awareness.meta.has(entry.clientId)) claims.push(entry.clientId);
    kept.push({ ...entry, state: entry.state && { ...entry.state, user: sender.presence } });
  }
  return { update: kept.length > 0 ? encodeEntries(kept) : null, claims };
}
