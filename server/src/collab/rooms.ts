import { CloseCode, type CloseReason } from '@zerodraft/shared/protocol.ts';
import type { AccessChanges } from '../authz/access-changes.ts';
import { standingOnRevision } from '../authz/standing.ts';
import type { Store } from '../store/store.ts';
import type { Connection } from './connection.ts';
import { Room, type RoomOptions } from './room.ts';

export interface RoomsOptions {
  store: Store;
  idleMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  enforceSuggestions?: RoomOptions['enforceSuggestions'];
  onProposalsAdded?: RoomOptions['onProposalsAdded'];
  onNotificationsStored?: RoomOptions['onNotificationsStored'];
}

interface Entry {
  room: Promise<Room>;
  idleTimer?: NodeJS.Timeout;
}

/**
 * The open revisions of this server: loaded from the store on first connect, unloaded (and
 * compacted) after their last client left and an idle delay.
 */
export class Rooms implements AccessChanges {
  readonly #options: RoomsOptions;
  readonly #entries = new Map<string, Entry>();
  /** Unloads in progress; a revision reopened meanwhile waits for its unload to finish. */
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #loaded = new Set<Room>();

  constructor(options: RoomsOptions) {
    this.#options = options;
  }

  get openRevisionIds(): string[] {
    return [...this.#entries.keys()];
  }

  async open(revisionId: string): Promise<Room> {
    const existing = this.#entries.get(revisionId);
    if (existing) {
      clearTimeout(existing.idleTimer);
      existing.idleTimer = undefined;
      return existing.room;
    }
    const entry: Entry = {
      room: (async () => {
        await this.#unloading.get(revisionId);
        const room = await Room.load({ revisionId, ...this.#options });
        this.#loaded.add(room);
        return room;
      })(),
    };
    this.#entries.set(revisionId, entry);
    entry.room.catch(() => this.#entries.delete(revisionId));
    return entry.room;
  }

  /** Call when a connection left; starts the idle countdown once the room is empty. */
  released(room: Room): void {
    const entry = this.#entries.get(room.revisionId);
    // An unloaded room's last leaver must not start the countdown of its successor.
    if (!entry || !this.#loaded.has(room) || room.connections.size > 0) return;
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      if (room.connections.size === 0) void this.#unload(room);
    }, this.#options.idleMs);
  }

  /** Closes the connections, in every open revision, that `which` picks. */
  closeConnections(which: (connection: Connection) => boolean, reason: CloseReason): void {
    for (const room of this.#loaded) {
      for (const connection of room.connections) if (which(connection)) connection.close(reason);
    }
  }

  participantChanged(meetingId: string, userId: string): void {
    for (const room of this.#loaded) {
      for (const connection of room.connections) {
        if (connection.meetingId === meetingId && connection.user.id === userId) void this.reassess(room, connection);
      }
    }
  }

  /**
   * Applies a participant's current standing to one open connection: new mode, or closed with
   * the reason. Also called right after a connection joins, for a change or a sign-out that
   * happened while its revision was still loading, when it was in no room to be found.
   */
  async reassess(room: Room, connection: Connection): Promise<void> {
    try {
      const { principal } = connection;
      const signedIn =
        principal.kind === 'session'
          ? (await this.#options.store.findSession(principal.tokenHash)) !== undefined
          : (await this.#options.store.listApiTokens(principal.user.id)).some(
              (t) => t.id === principal.tokenId && t.revokedAt === null,
            );
      if (!signedIn) {
        connection.close(CloseCode.Unauthorized);
        return;
      }
      const standing = await standingOnRevision(this.#options.store, principal, room.revisionId);
      if (standing) {
        connection.standing = standing;
        room.refreshPresence(connection);
      } else if (await this.#options.store.findParticipant(connection.meetingId, connection.user.id)) {
        connection.close(CloseCode.RevisionNotFound, 'it is no longer visible to you');
      } else {
        connection.close(CloseCode.AccessRevoked);
      }
    } catch (error) {
      console.error(`Revision ${room.revisionId}: could not apply a change of access`, error);
      connection.close(CloseCode.InternalError);
    }
  }

  /**
   * Runs a change of the revision's state (`work`, which stores it) in its room's queue when the
   * revision is open here, then gives every connection its new access at once (read-only with
   * the reason under silence, writable again once it ends). In the queue, no update can be
   * taken between the change and its editors learning of it.
   */
  async revisionStateChanging<T>(revisionId: string, work: () => Promise<T>): Promise<T> {
    const entry = this.#entries.get(revisionId);
    const room = entry ? await entry.room.catch(() => null) : null;
    if (!room) return work();
    // A refused change is the caller's to report, not an error of the room's to log.
    const outcome = await room.enqueue(async () => {
      try {
        const value = await work();
        await Promise.all([...room.connections].map((connection) => this.reassess(room, connection)));
        return { ok: true as const, value };
      } catch (error) {
        return { ok: false as const, error };
      }
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Closes every connection with the given reason, then stores and unloads every room. */
  async closeAll(reason: CloseReason): Promise<void> {
    const rooms = await Promise.all([...this.#entries.values()].map((e) => e.room.catch(() => null)));
    await Promise.all(
      rooms.map(async (room) => {
        if (!room) return;
        for (const connection of room.connections) connection.close(reason);
        await this.#unload(room);
      }),
    );
    // Unloads already under way (idle rooms) finish storing before the store is closed.
    await Promise.all(this.#unloading.values());
  }

  async #unload(room: Room): Promise<void> {
    const entry = this.#entries.get(room.revisionId);
    if (entry) clearTimeout(entry.idleTimer);
    this.#entries.delete(room.revisionId);
    const unloading = room
      .compact()
      .catch((error) => console.error(`Revision ${room.revisionId}: compaction on unload failed`, error))
      .finally(() => {
        room.destroy();
        this.#loaded.delete(room);
        this.#unloading.delete(room.revisionId);
      });
    this.#unloading.set(room.revisionId, unloading);
    await unloading;
  }
}
