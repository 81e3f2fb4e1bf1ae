import { type CloseReason, closeReasonText } from '@zerodraft/shared/protocol.ts';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import type { UserRecord } from '../store/store.ts';

/** One client's websocket on one revision. */
export class Connection {
  readonly socket: WebSocket;
  readonly principal: Principal;
  /** Awareness client ids this connection has announced; removed from presence when it closes. */
  readonly awarenessClients = new Set<number>();
  #closed = false;
  #refused = false;

  constructor(socket: WebSocket, principal: Principal) {
    this.socket = socket;
    this.principal = principal;
  }

  get user(): UserRecord {
    return this.principal.user;
  }

  get open(): boolean {
    return !this.#closed && this.socket.readyState === this.socket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.open) this.socket.send(message);
  }

  /**
   * Whether the server closed this connection for something it sent. Its messages still
   * queued are then dropped; those of a connection that merely went away are still stored,
   * since they arrived whole.
   */
  get refused(): boolean {
    return this.#refused;
  }

  /** Closes the connection for a message it sent; see `refused`. */
  refuse(close: CloseReason, detail?: string): void {
    this.#refused = true;
    this.close(close, detail);
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
