import { RevisionState } from '@zerodraft/shared/api/meetings.ts';
import { MessageType, type RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

/** Said when the server's `Access` message cannot be read: the text stays read-only, as is safe. */
const UNREADABLE_ACCESS: RevisionAccessMessage = {
  write: false,
  mode: 'read',
  reason: 'Zerodraft could not tell whether you may change this text. Reload the page to try again.',
};

/**
 * The body of an `Access` message, checked field by field. Anything else reads as "read-only":
 * the server decides in any case, but an editor that accepts typing the server will refuse
 * would lose the user's words.
 */
export function parseAccess(text: string): RevisionAccessMessage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return UNREADABLE_ACCESS;
  }
  if (typeof body !== 'object' || body === null) return UNREADABLE_ACCESS;
  const { write, mode, reason, state: sent } = body as Record<string, unknown>;
  const known = RevisionState.safeParse(sent);
  const state = known.success ? { state: known.data } : {};
  if (write === true && (mode === 'pen' || mode === 'propose')) return { write: true, mode, ...state };
  if (write === false && typeof reason === 'string' && reason.trim() !== '')
    return { write: false, mode: 'read', reason, ...state };
  if (write === false)
    return { write: false, mode: 'read', reason: 'You can read this text but not change it.', ...state };
  return UNREADABLE_ACCESS;
}

/**
 * What this connection may do with the revision's text, as the server last said in an
 * `Access` message (shared/src/protocol.ts): once when the connection opens, and again
 * whenever a role change or the revision's state changes it. `null` until the first one
 * arrives; the editor stays read-only until then.
 */
export class RevisionAccessTracker {
  readonly #provider: WebsocketProvider;
  readonly #listeners = new Set<() => void>();
  #access: RevisionAccessMessage | null = null;

  constructor(provider: WebsocketProvider) {
    this.#provider = provider;
    provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
      this.#set(parseAccess(decoding.readVarString(decoder)));
    };
  }

  get access(): RevisionAccessMessage | null {
    return this.#access;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  destroy(): void {
    delete this.#provider.messageHandlers[MessageType.Access];
    this.#listeners.clear();
  }

  #set(next: RevisionAccessMessage) {
    const current = this.#access;
    if (current && JSON.stringify(current) === JSON.stringify(next)) return;
    this.#access = next;
    for (const listener of this.#listeners) listener();
  }
}
