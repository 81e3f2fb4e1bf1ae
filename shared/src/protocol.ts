import type { RevisionState } from './api/meetings.ts';

/**
 * The collaboration protocol at `/collab/<revisionId>`: y-websocket's sync and awareness
 * messages, one message of Zerodraft's own, and the close codes the server uses.
 * Server and client both read this file; a close code means the same on both sides.
 */

/** Path prefix of the websocket endpoint; the revision id follows it. */
export const COLLAB_PATH = '/collab';

/** The Y.XmlFragment of a revision's Y.Doc that holds the document. */
export const DOCUMENT_FIELD = 'document';

/** Default largest message the server accepts, in bytes (2 MiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** First varUint of every message, as y-websocket numbers them, plus our own. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /**
   * Durability confirmation. The client sends `[Persisted, n]` after its local changes; the
   * server answers `[Persisted, n]` once everything that connection sent before it is stored
   * in committed transactions. The client shows "All changes saved" only then.
   */
  Persisted: 100,
  /**
   * Server to client only: `[Access, JSON string of RevisionAccessMessage]`, sent when the
   * connection opens and again whenever the participant's role or the revision's state changes
   * what they may do, so the editor switches mode without a reconnect.
   */
  Access: 101,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

/**
 * Every code the server closes a collaboration socket with. Codes 4400–4499 mean "do not
 * retry as is": y-websocket's provider stops reconnecting on them.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect shortly. */
  GoingAway: { code: 1001, reason: 'The server is restarting. Reconnecting…' },
  /** A message was larger than the configured maximum. */
  MessageTooBig: { code: 1009, reason: 'Message too big' },
  /** The server failed to store or apply a message; nothing was lost, reconnect. */
  InternalError: { code: 1011, reason: 'The server could not store your change. Reconnecting…' },
  /** A message could not be decoded as a y-websocket message. */
  MalformedMessage: { code: 4400, reason: 'Malformed message' },
  /** The session ended or expired while connected. */
  Unauthorized: { code: 4401, reason: 'Your session has ended. Sign in again.' },
  /** The message type is not one this server speaks. */
  UnsupportedMessage: { code: 4415, reason: 'Unsupported message type' },
  /** An update the sender may not make (their role, or the revision's state); it was not applied. */
  UpdateRefused: { code: 4403, reason: 'Your change was refused' },
  /** No revision with this id exists (or it is not visible to you, or no longer). */
  RevisionNotFound: { code: 4404, reason: 'This revision does not exist.' },
  /** The participant was removed from the meeting while connected. */
  AccessRevoked: { code: 4410, reason: 'You are no longer a participant in this meeting.' },
} as const satisfies Record<string, CloseReason>;
export type CloseCodeName = keyof typeof CloseCode;

/** Close reasons are limited to 123 bytes by RFC 6455; longer ones are cut there. */
export function closeReasonText(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= 123) return reason;
  return `${new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '')}…`;
}

/** Name of the session cookie set by `POST /api/session`. */
export const SESSION_COOKIE = 'zd_session';

/** The body of an `Access` message: what this connection may do with the revision's text. */
export interface RevisionAccessMessage {
  write: boolean;
  /** How writes are taken: directly with the pen, or as the delegation's proposals. */
  mode: 'pen' | 'propose' | 'read';
  /** Why the text is read-only, in words for the user; absent when writable. */
  reason?: string;
  /**
   * The revision's state: a page follows it even when what the user may do stays the same
   * (the pen writes before and after circulation, yet the header must say "circulated").
   */
  state?: RevisionState;
}
