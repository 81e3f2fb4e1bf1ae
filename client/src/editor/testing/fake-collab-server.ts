import { MessageType, type RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * An in-memory stand-in for the collaboration server, speaking y-websocket's protocol and
 * `Persisted` to a real `WebsocketProvider` through a fake WebSocket. Messages travel as
 * separate tasks, as over a network. The test decides when received changes are stored
 * (`commit()`) and in which order the server sends its sync messages.
 */
export class FakeCollabServer {
  readonly doc = new Y.Doc();
  /** Every `Persisted` number received, with the server's text at that moment. */
  readonly persistedRequests: { seq: number; text: string }[] = [];
  /** Send sync step 2 before step 1, as a server that answers first may. */
  answerBeforeAsking = false;
  /** While false, every connection attempt fails, as when the network is down. */
  reachable = true;
  /** Sent first on every connection, as the real server does; null sends none. */
  access: RevisionAccessMessage | null = null;
  #socket: FakeSocket | null = null;
  #uncommitted: number[] = [];
  #askAfterAnswer: Uint8Array | null = null;

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.#socket || !this.#socket) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.#socket.deliver(encoding.toUint8Array(encoder));
    });
  }

  /** A provider for revision `rev-1` that connects to this server; destroyed after the test by the caller. */
  provider(doc: Y.Doc): WebsocketProvider {
    const server = this;
    class Socket extends FakeSocket {
      constructor() {
        super(server);
      }
    }
    return new WebsocketProvider('ws://zerodraft.test/collab', 'rev-1', doc, {
      WebSocketPolyfill: Socket as unknown as typeof WebSocket,
      disableBc: true,
      connect: false,
      maxBackoffTime: 50,
    });
  }

  /** Stores what was received and confirms every `Persisted` that was waiting for it. */
  commit(): void {
    for (const seq of this.#uncommitted.splice(0)) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Persisted);
      encoding.writeVarUint(encoder, seq);
      this.#socket?.deliver(encoding.toUint8Array(encoder));
    }
  }

  /** Sends a `Persisted` the client never asked for. */
  confirm(seq: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Persisted);
    encoding.writeVarUint(encoder, seq);
    this.#socket?.deliver(encoding.toUint8Array(encoder));
  }

  /** Tells the connected client what it may now do, as after a role change; a string is sent as is. */
  sendAccess(access: RevisionAccessMessage | string): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Access);
    encoding.writeVarString(encoder, typeof access === 'string' ? access : JSON.stringify(access));
    this.#socket?.deliver(encoding.toUint8Array(encoder));
  }

  /** Closes the connection from the server side, as a restart or a refusal does. */
  close(code: number, reason: string): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#uncommitted = [];
    socket?.closeFromServer(code, reason);
  }

  accept(socket: FakeSocket): void {
    if (!this.reachable) {
      socket.closeFromServer(1006, '');
      return;
    }
    this.#socket = socket;
    setTimeout(() => {
      socket.open();
      if (this.access) this.sendAccess(this.access);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      if (!this.answerBeforeAsking) socket.deliver(encoding.toUint8Array(encoder));
      else this.#askAfterAnswer = encoding.toUint8Array(encoder);
    });
  }

  receive(socket: FakeSocket, message: Uint8Array): void {
    if (socket !== this.#socket) return;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Persisted) {
      const seq = decoding.readVarUint(decoder);
      this.persistedRequests.push({ seq, text: this.doc.getText('text').toString() });
      this.#uncommitted.push(seq);
    } else if (type === MessageType.Sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.Sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, socket);
      if (encoding.length(reply) > 1) socket.deliver(encoding.toUint8Array(reply));
      if (this.#askAfterAnswer) {
        socket.deliver(this.#askAfterAnswer);
        this.#askAfterAnswer = null;
      }
    }
  }
}

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly OPEN = 1;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly #server: FakeCollabServer;

  constructor(server: FakeCollabServer) {
    this.#server = server;
    server.accept(this);
  }

  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }

  send(message: Uint8Array): void {
    const copy = message.slice();
    setTimeout(() => this.#server.receive(this, copy));
  }

  deliver(message: Uint8Array): void {
    setTimeout(() => {
      if (this.readyState === FakeSocket.OPEN) this.onmessage?.({ data: message.slice().buffer });
    });
  }

  close(): void {
    this.readyState = FakeSocket.CLOSED;
  }

  closeFromServer(code: number, reason: string): void {
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code, reason }));
  }
}
