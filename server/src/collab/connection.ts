import { type CloseReason, closeReasonText } from '@zerodraft/shared/protocol.ts';
import type { WebSocket } from 'ws';
import type { Session } from '../auth/sessions.ts';
import type { UserRecord } from '../store/store.ts';

/** One client's websocket on one revision. */
export class Connection {
  readonly socket: WebSocket;
  readonly session: Session;
  /** Awareness client ids this connection has announced; removed from presence when it closes. */
  readonly awarenessClients = new Set<number>();
  #closed = false;

  constructor(socket: WebSocket, session: Session) {
    this.socket = socket;
    this.session = session;
  }

  get user(): UserRecord {
    return this.session.user;
  }

  get open(): boolean {
    return !this.#closed && this.socket.readyState === this.socket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.open) this.socket.send(message);
  }

  close({ code, reason }: CloseReason, detail?: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.socket.close(code, closeReasonText(detail ? `${reason}: ${detail}` : reason));
  }

  markClosed(): void {
    this.#closed = true;
  }
}
