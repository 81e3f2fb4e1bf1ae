import { CloseCode, MessageType } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AuditEntry, NewNotification, NotificationRecord, Store } from '../store/store.ts';
import type { Connection } from './connection.ts';
import { awarenessClientIds, unannouncedWriters } from './policy/client-binding.ts';
import { checkUpdate, type Verdict } from './policy/suggestion-policy.ts';
import { encodeEntries, truthfulPresence } from './presence.ts';
import { ProtocolError } from './protocol-error.ts';
import { ShadowDoc } from './shadow.ts';

const SyncStep1 = 0;
const SyncStep2 = 1;
const SyncUpdate = 2;

export interface RoomOptions {
  revisionId: string;
  store: Store;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /**
   * Check each update of a client against the suggestion policy (DESIGN.md §3, step 2); on
   * unless false. Off only to measure the check's cost: write access and the client-id
   * binding are still checked, and new proposals get no record.
   */
  enforceSuggestions?: boolean;
  /**
   * Called once an update that adds marks or paragraphs of the sender's proposals is stored and
   * applied, with the ids of those proposals (some may be known already), e.g. to create their records.
   */
  onProposalsAdded?: (room: Room, connection: Connection, proposalIds: ReadonlySet<string>) => void;
  /**
   * Called once a server change that gives notifications is committed, with them as stored, to
   * hand them to their recipients' open streams; resolves without rejecting.
   */
  onNotificationsStored?: (notifications: NotificationRecord[]) => Promise<void>;
}

/** Folds stored updates into one, garbage-collecting deleted content on the way. */
export function mergeUpdates(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part);
    } catch (error) {
      // As on load: one unreadable part must not stop the log from ever being compacted.
      console.error('Compaction skipped a stored update that cannot be applied', error);
    }
  }
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/** What an update passes as when the policy is switched off: accepted, adding no proposal anyone records. */
const UNCHECKED: Verdict = { accepted: true, proposalIds: new Set() };

/** An update with no structs and no deletions: what a client with nothing new sends as sync step 2. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

const message = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/**
 * One open revision: its authoritative Y.Doc, its presence, and the connections editing it.
 * Every incoming message goes through one queue per room, so the order in which updates are
 * stored is the order in which they are applied, and an update is durable before anyone sees it.
 */
export class Room {
  readonly revisionId: string;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  readonly #store: Store;
  readonly #compactAfterUpdates: number;
  readonly #compactAfterBytes: number;
  readonly #onProposalsAdded: RoomOptions['onProposalsAdded'];
  readonly #onNotificationsStored: RoomOptions['onNotificationsStored'];
  readonly #enforceSuggestions: boolean;
  #queue: Promise<void> = Promise.resolve();
  /** Set once loaded; see `ShadowDoc`. */
  #shadow!: ShadowDoc;
  /** Which user each awareness client id belongs to, for the room's lifetime; see `truthfulPresence`. */
  readonly #presenceOwners = new Map<number, string>();
  #updatesSinceCompaction = 0;
  #bytesSinceCompaction = 0;

  private constructor(options: RoomOptions) {
    this.revisionId = options.revisionId;
    this.#store = options.store;
    this.#compactAfterUpdates = options.compactAfterUpdates;
    this.#compactAfterBytes = options.compactAfterBytes;
    this.#onProposalsAdded = options.onProposalsAdded;
    this.#onNotificationsStored = options.onNotificationsStored;
    this.#enforceSuggestions = options.enforceSuggestions ?? true;
    this.awareness.setLocalState(null);
  }

  static async load(options: RoomOptions): Promise<Room> {
    const room = new Room(options);
    const content = await options.store.loadRevisionContent(options.revisionId);
    Y.transact(room.doc, () => {
      for (const update of content.snapshot ? [content.snapshot, ...content.updates] : content.updates) {
        try {
          Y.applyUpdate(room.doc, update);
        } catch (error) {
          // One unreadable update must not make the whole revision unreadable.
          console.error(`Revision ${options.revisionId}: skipped a stored update that cannot be applied`, error);
        }
      }
    });
    room.#shadow = new ShadowDoc(room.doc);
    room.#updatesSinceCompaction = content.updates.length;
    room.#bytesSinceCompaction = content.updates.reduce((n, u) => n + u.length, 0);
    room.doc.on('update', (update: Uint8Array, origin: unknown) => room.#broadcastUpdate(update, origin));
    room.awareness.on('update', (changes: AwarenessChanges, origin: unknown) =>
      room.#broadcastAwareness(changes, origin),
    );
    return room;
  }

  /** Greets a new connection as y-websocket expects: our sync step 1 first, then who is present. */
  join(connection: Connection): void {
    this.connections.add(connection);
    // What the participant may do comes first, so the client sets up the editor in the right mode.
    connection.sendAccess();
    connection.send(
      message((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        encoding.writeVarUint(e, SyncStep1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
      }),
    );
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(this.#awarenessMessage(present));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
  }

  /** Queues one message from a connection; a protocol or storage failure closes that connection only. */
  receive(connection: Connection, data: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      if (connection.refused) return;
      try {
        await this.#handle(connection, data);
      } catch (error) {
        if (error instanceof ProtocolError) {
          connection.refuse(error.close, error.detail);
        } else {
          console.error(`Revision ${this.revisionId}: could not handle a message`, error);
          connection.refuse(CloseCode.InternalError);
        }
      }
    });
  }

  /** Runs work after everything queued before it, even if that failed. */
  enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.then(
      () => undefined,
      (error) => console.error(`Revision ${this.revisionId}:`, error),
    );
    return run;
  }

  /** Folds the update log into a snapshot; queued, so it never races an append of this room. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      await this.#store.compact(this.revisionId, mergeUpdates);
      this.#updatesSinceCompaction = 0;
      this.#bytesSinceCompaction = 0;
    });
  }

  /**
   * Changes the document as the server, for an act (accepting a proposal, setting a
   * paragraph's status). `work` runs on the shadow copy, after every update queued before it;
   * its change is stored together with the audit entries and the notifications it returns, and
   * only then applied and sent to every client and the notifications' recipients, so the act is
   * atomic, told exactly once and the same for everyone. `work` may throw to refuse the act;
   * nothing changes then.
   */
  async change<T>(work: (doc: Y.Doc) => ServerChange<T>): Promise<T> {
    // A refused act is the caller's to report, not an error of the room's to log.
    const outcome = await this.enqueue(() =>
      this.#change(work).then(
        (done) => ({ ok: true as const, ...done }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    );
    if (!outcome.ok) throw outcome.error;
    // Told once the room's queue has moved on: a slow bus must not hold up everyone's typing.
    if (outcome.stored.length > 0) await this.#onNotificationsStored?.(outcome.stored);
    return outcome.value;
  }

  async #change<T>(work: (doc: Y.Doc) => ServerChange<T>): Promise<{ value: T; stored: NotificationRecord[] }> {
    const { update, result } = this.#shadow.change(work, this.doc);
    const notifications = result.notifications ?? [];
    if (!update && result.audit.length === 0 && notifications.length === 0) return { value: result.value, stored: [] };
    let stored: NotificationRecord[];
    try {
      stored = await this.#store.appendUpdateWithAudit(this.revisionId, update, result.audit, notifications);
    } catch (error) {
      this.#shadow.rebuild(this.doc);
      throw error;
    }
    if (update) {
      Y.applyUpdate(this.doc, update, this);
      this.#countStored(update);
    }
    return { value: result.value, stored };
  }

  /** Republishes a connection's presence after its user or delegation changed. */
  refreshPresence(connection: Connection): void {
    const entries = [...connection.awarenessClients].flatMap((clientId) => {
      const state = this.awareness.getStates().get(clientId);
      const clock = this.awareness.meta.get(clientId)?.clock;
      return state && clock !== undefined
        ? [{ clientId, clock: clock + 1, state: { ...state, user: connection.presence } }]
        : [];
    });
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(entries), null);
  }

  destroy(): void {
    this.#shadow.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  async #handle(connection: Connection, data: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(data);
    const type = decode(() => decoding.readVarUint(decoder));
    switch (type) {
      case MessageType.Sync:
        return this.#handleSync(connection, decoder);
      case MessageType.Awareness: {
        const update = decode(() => decoding.readVarUint8Array(decoder));
        // Presence of someone who already left would linger until it times out.
        if (!this.connections.has(connection)) return;
        let truthful: Uint8Array | null;
        try {
          truthful = truthfulPresence(update, connection, this.#presenceOwners, this.awareness.clientID);
        } catch {
          throw new ProtocolError(CloseCode.MalformedMessage, 'invalid awareness update');
        }
        if (!truthful) return;
        // Taken for this connection whether or not the state is news (a provider's first state has clock 0).
        for (const id of awarenessClientIds(truthful)) connection.announcedClients.add(id);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, connection);
        return;
      }
      case MessageType.QueryAwareness:
        connection.send(this.#awarenessMessage([...this.awareness.getStates().keys()]));
        return;
      case MessageType.Persisted: {
        // Queued behind every earlier message of this connection, so all of them are stored.
        const sequence = decode(() => decoding.readVarUint(decoder));
        connection.send(
          message((e) => {
            encoding.writeVarUint(e, MessageType.Persisted);
            encoding.writeVarUint(e, sequence);
          }),
        );
        return;
      }
      default:
        throw new ProtocolError(CloseCode.UnsupportedMessage, `type ${type}`);
    }
  }

  async #handleSync(connection: Connection, decoder: decoding.Decoder): Promise<void> {
    const step = decode(() => decoding.readVarUint(decoder));
    const payload = decode(() => decoding.readVarUint8Array(decoder));
    switch (step) {
      case SyncStep1: {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.doc, payload);
        } catch {
          throw new ProtocolError(CloseCode.MalformedMessage, 'invalid state vector');
        }
        connection.send(
          message((e) => {
            encoding.writeVarUint(e, MessageType.Sync);
            encoding.writeVarUint(e, SyncStep2);
            encoding.writeVarUint8Array(e, diff);
          }),
        );
        return;
      }
      case SyncStep2:
      case SyncUpdate:
        return this.#applyFromClient(connection, payload);
      default:
        throw new ProtocolError(CloseCode.MalformedMessage, `unknown sync step ${step}`);
    }
  }

  async #applyFromClient(connection: Connection, update: Uint8Array): Promise<void> {
    if (isEmptyUpdate(update)) return;
    // DESIGN.md §3: tried on the shadow first; refused updates are not applied, stored or relayed.
    const trial = this.#shadow.try(update, this.doc);
    if (trial === 'invalid') throw new ProtocolError(CloseCode.MalformedMessage, 'not a valid Yjs update');
    if (trial === 'incomplete') {
      throw new ProtocolError(CloseCode.MalformedMessage, 'the update depends on changes the server does not have');
    }
    if (trial === 'no-op') return;
    const { access } = connection.standing;
    if (!access.write) this.#refuseUpdate(access.reason);
    if (unannouncedWriters(update, this.doc, connection.announcedClients).length > 0) {
      this.#refuseUpdate("it claims to come from another editor's connection");
    }
    const verdict = this.#enforceSuggestions ? this.#checkPolicy(connection, access.mode) : UNCHECKED;
    if (!verdict.accepted) this.#refuseUpdate(verdict.reason);
    // DESIGN.md §4: durable before anyone else can see it.
    try {
      await this.#store.appendUpdate(this.revisionId, update);
    } catch (error) {
      this.#shadow.rebuild(this.doc);
      throw error;
    }
    Y.applyUpdate(this.doc, update, connection);
    this.#countStored(update);
    if (verdict.proposalIds.size > 0) this.#proposalsAdded(connection, verdict.proposalIds);
  }

  /** The change is stored and sent by now: a failing hook must not close the sender's connection. */
  #proposalsAdded(connection: Connection, proposalIds: ReadonlySet<string>): void {
    try {
      this.#onProposalsAdded?.(this, connection, proposalIds);
    } catch (error) {
      console.error(
        `Revision ${this.revisionId}: could not take note of proposals ${[...proposalIds].join(', ')}`,
        error,
      );
    }
  }

  /** DESIGN.md §3, step 2, on the update just tried on the shadow copy. */
  #checkPolicy(connection: Connection, mode: 'pen' | 'propose'): Verdict {
    const tried = this.#shadow.lastChange;
    const { delegation, principal } = connection.standing;
    const sender = { mode, delegationId: delegation.id, delegationName: delegation.name, userId: principal.user.id };
    try {
      if (!tried) throw new Error('The shadow copy kept no account of the update it tried');
      return checkUpdate(this.doc, tried, sender);
    } catch (error) {
      this.#shadow.rebuild(this.doc);
      throw error;
    }
  }

  /** Refuses the update just tried: the shadow copy goes back to the room's document. */
  #refuseUpdate(reason: string): never {
    this.#shadow.rebuild(this.doc);
    throw new ProtocolError(CloseCode.UpdateRefused, reason);
  }

  /** Compacts once enough has been appended since the last time. */
  #countStored(update: Uint8Array): void {
    this.#updatesSinceCompaction += 1;
    this.#bytesSinceCompaction += update.length;
    if (
      this.#updatesSinceCompaction >= this.#compactAfterUpdates ||
      this.#bytesSinceCompaction >= this.#compactAfterBytes
    ) {
      this.#updatesSinceCompaction = 0;
      this.#bytesSinceCompaction = 0;
      void this.compact();
    }
  }

  #broadcastUpdate(update: Uint8Array, origin: unknown): void {
    const payload = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, SyncUpdate);
      encoding.writeVarUint8Array(e, update);
    });
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(payload);
    }
  }

  #broadcastAwareness({ added, updated, removed }: AwarenessChanges, origin: unknown): void {
    const sender = this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
    if (sender) {
      // Only a state the awareness took (newer than what it had) moves the id to its sender.
      for (const id of [...added, ...updated]) {
        for (const other of this.connections) other.awarenessClients.delete(id);
        sender.awarenessClients.add(id);
      }
      for (const id of removed) sender.awarenessClients.delete(id);
    }
    const payload = this.#awarenessMessage([...added, ...updated, ...removed]);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(payload);
    }
  }

  #awarenessMessage(clients: number[]): Uint8Array {
    return message((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    });
  }
}

/** What a server change returns: its value, and the audit entries and notifications stored with its update. */
export interface ServerChange<T> {
  value: T;
  audit: (Omit<AuditEntry, 'id' | 'at'> & { at?: string })[];
  /** One per participant to tell of the act, made from what the change did. */
  notifications?: NewNotification[];
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Runs one lib0 read; running off the end of the message means it was malformed. */
function decode<T>(read: () => T): T {
  try {
    return read();
  } catch {
    throw new ProtocolError(CloseCode.MalformedMessage, 'truncated message');
  }
}
