import { MAX_STREAMS_PER_USER } from '@zerodraft/shared/api/notifications.ts';
import type { Principal } from '../auth/principal.ts';

/** One open notification stream: whom it speaks to, and how to end it. */
export interface OpenStream {
  principal: Principal;
  end(): void;
}

/** A stream counted in, with how to count it out; or why not: its user, or this instance, has `most` open. */
export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; full: 'user' | 'instance'; most: number };

/**
 * The notification streams open on this instance, per user: so a user cannot hold more than
 * `MAX_STREAMS_PER_USER` (one per browser tab is the normal use), nor everyone together more
 * than `maxOpen` (each costs a socket, a subscription and timers: beyond it a new one waits
 * rather than making every other slower), and so signing out, a revoked token or the server's
 * shutdown ends theirs.
 */
export class NotificationStreams {
  readonly #byUser = new Map<string, Set<OpenStream>>();
  readonly #maxPerUser: number;
  readonly #maxOpen: number;
  #open = 0;

  constructor({ maxOpen, maxPerUser = MAX_STREAMS_PER_USER }: { maxOpen: number; maxPerUser?: number }) {
    this.#maxPerUser = maxPerUser;
    this.#maxOpen = maxOpen;
  }

  /** How many streams are open on this instance. */
  get size(): number {
    return this.#open;
  }

  admit(stream: OpenStream): Admission {
    const userId = stream.principal.user.id;
    const theirs = this.#byUser.get(userId) ?? new Set<OpenStream>();
    if (theirs.size >= this.#maxPerUser) return { admitted: false, full: 'user', most: this.#maxPerUser };
    if (this.#open >= this.#maxOpen) return { admitted: false, full: 'instance', most: this.#maxOpen };
    theirs.add(stream);
    this.#byUser.set(userId, theirs);
    this.#open += 1;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.#open -= 1;
        theirs.delete(stream);
        if (theirs.size === 0 && this.#byUser.get(userId) === theirs) this.#byUser.delete(userId);
      },
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
