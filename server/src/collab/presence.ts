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
 * How many awareness client ids one connection may speak for. A stock provider announces one,
 * its Y.Doc's (the others it echoes are other connections'); every id taken is relayed to
 * everyone, kept for the room's lifetime, and may be written under by that connection
 * (client-binding.ts): a connection naming thousands in one message would flood every client
 * with presences and claim ids nobody uses yet.
 */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/**
 * The awareness update a connection sent, made truthful (DESIGN.md §3: nobody can appear as
 * someone else): every state it publishes carries the server's `user` for that connection, and
 * it may speak only for awareness client ids that are its user's.
 *
 * An id belongs, for the room's lifetime, to the user whose connection first mentions it: a
 * provider announces its id the moment it connects, before anyone else can learn it, and keeps
 * it across reconnects. Stock y-websocket clients echo the states they receive; echoes of
 * another user's ids are dropped, echoes of one's own are no newer and ignored by the awareness.
 * `owners` is updated with the ids claimed. Ids beyond `MAX_CLIENT_IDS_PER_CONNECTION` that the
 * connection has not announced yet are dropped. Throws on an update that cannot be decoded.
 */
export function truthfulPresence(
  update: Uint8Array,
  sender: Connection,
  owners: Map<number, string>,
  serverClientId: number,
): Uint8Array | null {
  const kept: AwarenessEntry[] = [];
  const speaksFor = new Set(sender.announcedClients);
  for (const entry of decodeEntries(update)) {
    if (entry.clientId === serverClientId) continue;
    const owner = owners.get(entry.clientId);
    if (owner !== undefined && owner !== sender.user.id) continue;
    if (!speaksFor.has(entry.clientId)) {
      if (speaksFor.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      speaksFor.add(entry.clientId);
    }
    kept.push({ ...entry, state: entry.state && { ...entry.state, user: sender.presence } });
  }
  for (const { clientId } of kept) owners.set(clientId, sender.user.id);
  return kept.length > 0 ? encodeEntries(kept) : null;
}
