import { COLLAB_PATH, MessageType, type RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor, within } from './wait-for.ts';

/** A close the client observed: what the server (or the network) said when the socket ended. */
export interface CloseRecord {
  code: number;
  reason: string;
}

/**
 * The WebSocket class handed to `WebsocketProvider` in Node: `ws`'s, with the session cookie
 * on the upgrade request, as a browser sends it on the same origin.
 */
export function cookieWebSocket(cookie: string | undefined): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  // ws implements the browser WebSocket API the provider uses; its types are its own.
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** `http://127.0.0.1:1234` → `ws://127.0.0.1:1234/collab`, the `serverUrl` of the provider. */
export const collabServerUrl = (url: string) => `${url.replace(/^http/, 'ws')}${COLLAB_PATH}`;

/** `[Persisted, n]`: "tell me once everything I sent before this is stored". */
export function persistedMessage(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Persisted);
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

/** One editor's view of a revision: a Y.Doc kept in sync by the stock y-websocket provider. */
export class CollabClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every close of this client's socket, in order. */
  readonly closes: CloseRecord[] = [];
  /** The `n` of every `[Persisted, n]` the server answered, in order of arrival. */
  readonly persistedReplies: number[] = [];
  /** Every `Access` message the server sent, latest last: what this connection may do. */
  readonly accessMessages: RevisionAccessMessage[] = [];
  readonly #persistedListeners: ((n: number) => void)[] = [];
  #destroyed = false;

  constructor(doc: Y.Doc, provider: WebsocketProvider) {
    this.doc = doc;
    this.provider = provider;
    provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
    provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
      this.accessMessages.push(JSON.parse(decoding.readVarString(decoder)) as RevisionAccessMessage);
    };
    provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
      const n = decoding.readVarUint(decoder);
      this.persistedReplies.push(n);
      for (const listener of this.#persistedListeners) listener(n);
    };
  }

  /** What the server last said this connection may do. */
  get access(): RevisionAccessMessage | undefined {
    return this.accessMessages.at(-1);
  }

  /** Calls `listener` the moment a `[Persisted, n]` answer is read, before anything else runs. */
  onPersisted(listener: (n: number) => void): void {
    this.#persistedListeners.push(listener);
  }

  /**
   * Sends `[Persisted, n]` on the current socket, behind every update this client sent before,
   * and resolves once the server answers `[Persisted, n]`.
   */
  async confirmPersisted(n: number, timeoutMs = 5_000): Promise<void> {
    const answered = new Promise<void>((resolve) => this.onPersisted((m) => m === n && resolve()));
    this.sendRaw(persistedMessage(n));
    await within(answered, timeoutMs, `the server to confirm [Persisted, ${n}]`);
  }

  /** Sends bytes (or a text frame) as is on the provider's open socket. */
  sendRaw(data: Uint8Array | string): void {
    const socket = this.provider.ws;
    if (!socket || socket.readyState !== socket.OPEN) throw new Error('The client has no open socket to send on');
    socket.send(typeof data === 'string' ? data : new Uint8Array(data));
  }

  /** Resolves with the first close of this client's socket. */
  async firstClose(timeoutMs = 5_000): Promise<CloseRecord> {
    await waitFor(() => this.closes.length > 0, { timeoutMs, what: 'the server to close the socket' });
    return this.closes[0] as CloseRecord;
  }

  /** Disconnects for good and frees the doc; calling it again does nothing. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}

export interface ConnectOptions {
  /** Resolve only once the first sync with the server completed (default true). */
  waitForSync?: boolean;
  timeoutMs?: number;
  /** State to start from, e.g. to upload a document to a fresh room. */
  initialUpdate?: Uint8Array;
}

/**
 * Opens revision `revisionId` on the server at `url` (`http://127.0.0.1:<port>`) with the stock
 * `WebsocketProvider`, signed in with `cookie` (none: the upgrade goes without a session).
 */
export async function connect(
  url: string,
  revisionId: string,
  cookie: string | undefined,
  { waitForSync = true, timeoutMs = 10_000, initialUpdate }: ConnectOptions = {},
): Promise<CollabClient> {
  const doc = new Y.Doc();
  if (initialUpdate) Y.applyUpdate(doc, initialUpdate);
  const provider = new WebsocketProvider(collabServerUrl(url), revisionId, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie),
    disableBc: true,
  });
  const client = new CollabClient(doc, provider);
  if (waitForSync) {
    try {
      await waitFor(() => provider.synced, { timeoutMs, what: `the first sync of revision ${revisionId}` });
    } catch (error) {
      const closes = client.closes.map((c) => `${c.code} ${c.reason}`).join(', ');
      client.destroy();
      throw closes ? new Error(`${(error as Error).message} (closed: ${closes})`) : error;
    }
  }
  return client;
}
