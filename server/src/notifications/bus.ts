import type { NotificationRecord } from '../store/store.ts';

/** What the server tells the open streams of one user: a notification stored for them, or some marked read. */
export type NotificationMessage =
  | { type: 'added'; notification: NotificationRecord }
  | { type: 'read'; userId: string };

const recipientOf = (message: NotificationMessage) =>
  message.type === 'added' ? message.notification.userId : message.userId;

/**
 * Carries notifications, once stored, to the open streams of their recipients. In one process it
 * is a map of listeners. With several instances (`REDIS_URL`, DESIGN.md §2, not built yet) a Redis
 * implementation publishes each message on a channel every instance subscribes to and hands what
 * arrives to its own listeners: same interface, and the store stays the record, so a stream that
 * missed a message fills the gap from it by `Last-Event-ID`.
 */
export interface NotificationBus {
  /** Resolves once the messages are handed on; a listener's failure is not the publisher's. */
  publish(messages: readonly NotificationMessage[]): Promise<void>;
  /** Calls `listener` with every message for `userId` until the returned function is called. */
  subscribe(userId: string, listener: (message: NotificationMessage) => void): () => void;
}

/** The bus of a single server instance. */
export class InProcessBus implements NotificationBus {
  readonly #listeners = new Map<string, Set<(message: NotificationMessage) => void>>();

  async publish(messages: readonly NotificationMessage[]): Promise<void> {
    for (const message of messages) {
      for (const listener of this.#listeners.get(recipientOf(message)) ?? []) {
        try {
          listener(message);
        } catch (error) {
          console.error('A notification stream could not take a message', error);
        }
      }
    }
  }

  subscribe(userId: string, listener: (message: NotificationMessage) => void): () => void {
    let listeners = this.#listeners.get(userId);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(userId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(userId) === listeners) this.#listeners.delete(userId);
    };
  }
}
