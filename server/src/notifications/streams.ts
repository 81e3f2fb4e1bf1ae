import { MAX_STREAMS_PER_USER } from '@zerodraft/shared/api/notifications.ts';
import type { Principal } from '../auth/principal.ts';

/** One open notification stream: whom it speaks to, and how to end it. */
export interface OpenStream {
  principal: Principal;
  end(): void;
}

/**
 * The notification streams open on this instance, per user: so a user cannot hold more than
 * `MAX_STREAMS_PER_USER` (one per browser tab is the normal use), and so signing out, a revoked
 * token or the server's shutdown ends theirs.
 */
export class NotificationStreams {
  readonly #byUser = new Map<string, Set<OpenStream>>();
  readonly #max: number;

  constructor(max = MAX_STREAMS_PER_USER) {
    this.#max = max;
  }

  /** Counts the stream in; returns how to count it out, or null when its user has the most open already. */
  admit(stream: OpenStream): (() => void) | null {
    const userId = stream.principal.user.id;
    let open = this.#byUser.get(userId);
    if (!open) {
      open = new Set();
      this.#byUser.set(userId, open);
    }
    if (open.size >= this.#max) return null;
    open.add(stream);
    return () => {
      open.delete(stream);
      if (open.size === 0 && this.#byUser.get(userId) === open) this.#byUser.delete(userId);
    };
  }

  /** Ends every stream whose principal matches, e.g. those of a session signed out. */
  endWhere(matches: (principal: Principal) => boolean): void {
    for (const open of this.#byUser.values()) {
      for (const stream of open) if (matches(stream.principal)) stream.end();
    }
  }

  endAll(): void {
    this.endWhere(() => true);
  }
}
