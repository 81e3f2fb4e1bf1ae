import type { Connection } from '../collab/connection.ts';
import type { Room } from '../collab/room.ts';
import { NameBook } from './names.ts';
import { ensureRecords } from './records.ts';

/**
 * Gives the proposals that a client's accepted update added to the text a pending record, at
 * server time, named after the delegation and person the connection speaks for: the policy
 * lets a participant mark words only in their own name (DESIGN.md §3). A proposal in anyone
 * else's name is left without a record; an act on it makes one from the store's names.
 *
 * It is a change of the room, queued behind the update: call it after the update was
 * applied, and never await it from inside the room's queue, which would wait on itself.
 * Resolves with the ids it made records for.
 */
export function recordNewProposals(
  room: Room,
  connection: Pick<Connection, 'standing'>,
  ids: Iterable<string>,
  now: () => Date = () => new Date(),
): Promise<string[]> {
  const { delegation, principal } = connection.standing;
  const names = new NameBook()
    .knowDelegation(delegation.id, delegation)
    .knowUser(principal.user.id, principal.user.name);
  return room.change((doc) => ({ value: ensureRecords(doc, ids, names, now().toISOString()).created, audit: [] }));
}
