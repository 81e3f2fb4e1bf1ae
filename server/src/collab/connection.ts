import { delegationColour, type PresenceUser } from '@zerodraft/shared/presence.ts';
import {
  type CloseReason,
  closeReasonText,
  MessageType,
  type RevisionAccessMessage,
} from '@zerodraft/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import type { RevisionStanding } from '../authz/standing.ts';
import type { UserRecord } from '../store/store.ts';

/** One participant's websocket on one revision, with what they may do there right now. */
export class Connection {
  readonly socket: WebSocket;
  readonly principal: Principal;
  /** Awareness client ids this connection has announced; removed from presence when it closes. */
  readonly awarenessClients = new Set<number>();
  /**
   * Every awareness client id this connection ever announced, kept after its presence is
   * gone: the Yjs client ids its updates may write under (see policy/client-binding.ts).
   */
  readonly announcedClients = new Set<number>();
  #standing: RevisionStanding;
  #closed = false;
  #refused = false;

  constructor(socket: WebSocket, standing: RevisionStanding) {
    this.socket = socket;
    this.principal = standing.principal;
    this.#standing = standing;
  }

  get user(): UserRecord {
    return this.principal.user;
  }

  get meetingId(): string {
    return this.#standing.meeting.id;
  }

  get standing(): RevisionStanding {
    return this.#standing;
  }

  /** Replaces what the participant may do, e.g. after a role change, and tells their client if that changed. */
  set standing(standing: RevisionStanding) {
    const changed =
      JSON.stringify(standing.access) !== JSON.stringify(this.#standing.access) ||
      standing.revision.state !== this.#standing.revision.state;
    this.#standing = standing;
    if (changed) this.sendAccess();
  }

  /** Who this connection is, as every other client will see it: set by the server, never by the client. */
  get presence(): PresenceUser {
    const { delegation } = this.#standing;
    return { name: this.user.name, delegation: delegation.name, colour: delegationColour(delegation.code) };
  }

  get open(): boolean {
    return !this.#closed && this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Whether the server closed this connection for something it sent. Its messages still
   * queued are then dropped; those of a connection that merely went away are still stored,
   * since they arrived whole.
   */
  get refused(): boolean {
    return this.#refused;
  }

  send(message: Uint8Array): void {
    if (this.open) this.socket.send(message);
  }

  sendAccess(): void {
    const { access, revision } = this.#standing;
    const body: RevisionAccessMessage = access.write
      ? { write: true, mode: access.mode, state: revision.state }
      : { write: false, mode: 'read', reason: access.reason, state: revision.state };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Access);
    encoding.writeVarString(encoder, JSON.stringify(body));
    this.send(encoding.toUint8Array(encoder));
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
