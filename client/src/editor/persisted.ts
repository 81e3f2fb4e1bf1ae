import { MessageType } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/**
 * - `saved`: the server has durably stored every change made here.
 * - `saving`: connected; some changes are not confirmed stored yet.
 * - `not-saved`: some changes are not confirmed stored, and there is no connection to send them.
 */
export type SaveState = 'saved' | 'saving' | 'not-saved';

type SyncHandler = WebsocketProvider['messageHandlers'][number];

/**
 * Knows whether every local change is durably stored, through the `Persisted` exchange of
 * `shared/src/protocol.ts` (DESIGN.md §4). Local Yjs updates are numbered 1, 2, 3…; once
 * connected and synced, the client sends `[Persisted, n]` after its changes, and the server
 * echoes `[Persisted, n]` when everything the connection sent before that is committed.
 */
export class PersistedTracker {
  readonly #provider: WebsocketProvider;
  readonly #coalesceMs: number;
  readonly #answerSync: SyncHandler;
  readonly #listeners = new Set<() => void>();
  #localSeq = 0;
  #ackedSeq = 0;
  /** Highest number sent on the current connection. */
  #announcedSeq = 0;
  /**
   * Whether this connection has answered the server's sync step 1. Changes made while offline
   * reach the server in that answer, so a `Persisted` sent before it would be acknowledged
   * without them; the server may send its step 2 (our `sync` event) first.
   */
  #answeredServerState = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #state: SaveState = 'saved';

  constructor(provider: WebsocketProvider, { coalesceMs = 100 }: { coalesceMs?: number } = {}) {
    this.#provider = provider;
    this.#coalesceMs = coalesceMs;
    const answerSync = provider.messageHandlers[MessageType.Sync];
    if (!answerSync) throw new Error('The websocket provider has no handler for sync messages.');
    this.#answerSync = answerSync;

    provider.messageHandlers[MessageType.Sync] = (encoder, decoder, ...rest) => {
      const isServerState = decoding.peekVarUint(decoder) === messageYjsSyncStep1;
      answerSync(encoder, decoder, ...rest);
      if (isServerState) {
        this.#answeredServerState = true;
        // The provider sends our answer once this handler returns.
        queueMicrotask(this.#announce);
      }
    };
    provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
      const confirmed = decoding.readVarUint(decoder);
      // A number we never sent confirms nothing.
      if (confirmed > this.#ackedSeq && confirmed <= this.#localSeq) this.#ackedSeq = confirmed;
      this.#refresh();
    };
    provider.doc.on('update', this.#onUpdate);
    provider.on('sync', this.#onSync);
    provider.on('status', this.#refresh);
    provider.on('connection-close', this.#onConnectionClose);
  }

  get state(): SaveState {
    return this.#state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  destroy(): void {
    clearTimeout(this.#timer);
    this.#provider.messageHandlers[MessageType.Sync] = this.#answerSync;
    this.#provider.doc.off('update', this.#onUpdate);
    this.#provider.off('sync', this.#onSync);
    this.#provider.off('status', this.#refresh);
    this.#provider.off('connection-close', this.#onConnectionClose);
    this.#listeners.clear();
  }

  #onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.#provider) return;
    this.#localSeq += 1;
    // One confirmation per burst of typing, not one per keystroke.
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#announce();
    }, this.#coalesceMs);
    this.#refresh();
  };

  #onSync = (synced: boolean) => {
    if (synced) this.#announce();
    this.#refresh();
  };

  #onConnectionClose = () => {
    this.#answeredServerState = false;
    this.#announcedSeq = 0;
    this.#refresh();
  };

  #announce = () => {
    const ws = this.#provider.ws;
    if (!ws || !this.#provider.wsconnected || !this.#provider.synced || !this.#answeredServerState) return;
    if (this.#localSeq === this.#ackedSeq || this.#localSeq === this.#announcedSeq) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Persisted);
    encoding.writeVarUint(encoder, this.#localSeq);
    ws.send(encoding.toUint8Array(encoder));
    this.#announcedSeq = this.#localSeq;
  };

  #refresh = () => {
    const next: SaveState =
      this.#ackedSeq === this.#localSeq ? 'saved' : this.#provider.wsconnected ? 'saving' : 'not-saved';
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  };
}
