import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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
 * it may speak only for awareness client ids that are its user's.
 *
 * An id belongs, for the room's lifetime, to the user whose connection first mentions it: a
 * provider announces its id the moment it connects, before anyone else can learn it, and keeps
 * it across reconnects. Stock y-websocket clients echo the states they receive; echoes of
 * another user's ids are dropped, echoes of one's own are no newer and ignored by the awareness.
 * `owners` is updated with the ids claimed. Throws on an update that cannot be decoded.
 */
export function truthfulPresence(
  update: Uint8Array,
  sender: Connection,
  owners: Map<number, string>,
  serverClientId: number,
): Uint8Array | null {
  const kept: AwarenessEntry[] = [];
  for (const entry of decodeEntries(update)) {
    if (entry.clientId === serverClientId) continue;
    const owner = owners.get(entry.clientId);
    if (owner !== undefined && owner !== sender.user.id) continue;
    kept.push({ ...entry, state: entry.state && { ...entry.state, user: sender.presence } });
  }
  for (const { clientId } of kept) owners.set(clientId, sender.user.id);
  return kept.length > 0 ? encodeEntries(kept) : null;
}
