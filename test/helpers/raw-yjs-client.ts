import { MessageType } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type CloseRecord, collabServerUrl } from './collab-client.ts';
import { within } from './wait-for.ts';

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/**
 * A client that speaks y-websocket's protocol by hand over raw `ws` frames, with no editor and
 * no provider: it syncs a Y.Doc of its own, announces its Yjs client id as a provider does, then
 * sends whatever update it is told to, legal or not. Closed at the end of the test.
 */
export class RawYjsClient {
  readonly doc = new Y.Doc();
  readonly socket: WebSocket;
  /** Resolves with the close of the socket, whoever closed it. */
  readonly closed: Promise<CloseRecord>;
  readonly #awareness = new awarenessProtocol.Awareness(this.doc);
  #synced = false;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on('message', (data: Buffer) => this.#receive(new Uint8Array(data)));
  }

  /** Connects with the session `cookie`, syncs, and announces its client id; resolves once synced. */
  static async open(url: string, revisionId: string, cookie: string): Promise<RawYjsClient> {
    const client = new RawYjsClient(new WebSocket(`${collabServerUrl(url)}/${revisionId}`, { headers: { cookie } }));
    onTestFinished(() => client.close());
    await within(
      new Promise<void>((resolve, reject) => {
        client.socket.once('open', () => resolve());
        client.socket.once('error', reject);
      }),
      5_000,
      'the raw socket to open',
    );
    client.send(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        syncProtocol.writeSyncStep1(e, client.doc);
      }),
    );
    client.#awareness.setLocalState({ raw: true });
    client.send(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Awareness);
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(client.#awareness, [client.doc.clientID]),
        );
      }),
    );
    await within(
      new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (client.#synced) resolve();
          else if (client.socket.readyState !== client.socket.OPEN)
            reject(new Error('The raw socket closed before it synced'));
          else return;
          clearInterval(check);
        }, 5);
      }),
      5_000,
      'the raw client to sync',
    );
    return client;
  }

  /** Makes a change on its copy of the document and sends the update, as one sync update message. */
  change(edit: (doc: Y.Doc) => void): void {
    const before = Y.encodeStateVector(this.doc);
    this.doc.transact(() => edit(this.doc));
    this.sendUpdate(Y.encodeStateAsUpdate(this.doc, before));
  }

  /** Sends an update as it is, e.g. one built struct by struct, as one sync update message. */
  sendUpdate(update: Uint8Array): void {
    this.send(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        syncProtocol.writeUpdate(e, update);
      }),
    );
  }

  send(message: Uint8Array): void {
    this.socket.send(message);
  }

  close(): void {
    this.#awareness.destroy();
    if (this.socket.readyState === this.socket.OPEN) this.socket.close();
    this.doc.destroy();
  }

  #receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.Sync);
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (step === syncProtocol.messageYjsSyncStep2) this.#synced = true;
    // The server's sync step 1 asks for what this client has: nothing yet, as a provider would answer.
    if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
  }
}
