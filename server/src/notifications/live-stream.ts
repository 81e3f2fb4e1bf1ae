import {
  NOTIFICATION_EVENT,
  type NotificationEvent,
  UNREAD_EVENT,
  type UnreadEvent,
} from '@zerodraft/shared/api/notifications.ts';
import type { SSEStreamingApi } from 'hono/streaming';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { HttpError } from '../http/errors.ts';
import type { NotificationRecord, NotificationScope, Store } from '../store/store.ts';
import type { NotificationBus, NotificationMessage } from './bus.ts';
import type { Admission, NotificationStreams } from './streams.ts';
import { MeetingsOfNotifications } from './view.ts';

export interface LiveStreamParts {
  store: Store;
  bus: NotificationBus;
  streams: NotificationStreams;
  clock: Clock;
  /**
   * How often a quiet stream gets a comment line, so that proxies and browsers keep it open. A
   * write that has not gone out within twice this ends the stream: its reader stopped reading.
   */
  keepAliveMs: number;
}

/** Most notifications sent again to a stream that reconnects; the list has the rest. */
const REPLAY_LIMIT = 200;
/** Longest a timer may wait in Node (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Most sends waiting their turn behind one that has not gone out. A reader keeping up never
 * comes near it (an act gives each user one notification); beyond it the reader has stopped.
 */
const MAX_WAITING_SENDS = 100;

/** An API token is scoped to one meeting: it sees that meeting's notifications only. */
export const scopeOf = (principal: Principal): NotificationScope =>
  principal.kind === 'token'
    ? { userId: principal.user.id, meetingId: principal.meetingId }
    : { userId: principal.user.id };

/**
 * One user's live notifications as Server-Sent Events (issue 6): what they missed since
 * `after`, then the unread count, then each notification as the bus brings it, with a comment
 * line when quiet. It ends when the user's session expires, they sign out, the server stops, the
 * client goes away, or the client stops reading (so its sends do not pile up without end).
 */
export class LiveStream {
  readonly #parts: LiveStreamParts;
  readonly #principal: Principal;
  readonly #scope: NotificationScope;
  readonly #after: number | null;
  readonly #release: () => void;
  readonly #ended: Promise<void>;
  #end!: () => void;
  /** Sends queued or under way; they go out one at a time, in the order they were asked for. */
  #waiting = 0;
  #turn: Promise<void> = Promise.resolve();
  #over = false;

  /**
   * Counts the stream in among the open ones before any response is written, so a refusal is an
   * ordinary HTTP error: 429 when its user has the most open, 503 when this instance has.
   */
  constructor(parts: LiveStreamParts, principal: Principal, after: number | null) {
    this.#parts = parts;
    this.#principal = principal;
    this.#scope = scopeOf(principal);
    this.#after = after;
    this.#ended = new Promise<void>((resolve) => {
      this.#end = resolve;
    });
    const admission = parts.streams.admit({ principal, end: () => this.#end() });
    if (!admission.admitted) throw refusal(admission);
    this.#release = admission.release;
  }

  /**
   * Runs the stream until it ends. `disconnect` drops the connection under it: the only way to
   * free a socket whose reader stopped reading, since what is buffered for it never drains.
   */
  async serve(stream: SSEStreamingApi, disconnect: () => void = () => {}): Promise<void> {
    const { bus, clock, keepAliveMs } = this.#parts;
    const stalled = () => {
      if (stream.aborted) return;
      console.warn(`A notification stream of ${this.#principal.user.id} stopped reading and was closed`);
      stream.abort();
      disconnect();
      this.#end();
    };
    const write = async (chunk: () => Promise<unknown>) => {
      const watchdog = setTimeout(stalled, 2 * keepAliveMs);
      try {
        await chunk();
      } finally {
        clearTimeout(watchdog);
      }
    };
    const inTurn = (send: () => Promise<void>) => {
      if (this.#waiting >= MAX_WAITING_SENDS) return stalled();
      this.#waiting += 1;
      this.#turn = this.#turn
        .then(() => (this.#over ? undefined : send()))
        .catch((error: unknown) => {
          console.error('A notification stream failed and was closed', error);
          this.#end();
        })
        .finally(() => {
          this.#waiting -= 1;
        });
    };

    // What was missed first; subscribing in the same tick, before the replay reads the store,
    // loses nothing in between, and what arrives meanwhile waits its turn behind the replay.
    const replayed = new Set<number>();
    inTurn(() => this.#replay(stream, write, replayed));
    const unsubscribe = bus.subscribe(this.#principal.user.id, (message) =>
      inTurn(() => this.#forward(stream, write, message, replayed)),
    );
    // Nothing to keep alive while a send is under way: it is either going out or stalled.
    const keepAlive = setInterval(() => {
      if (this.#waiting === 0) inTurn(() => write(() => stream.write(': keep-alive\n\n')));
    }, keepAliveMs);
    const principal = this.#principal;
    const expiry =
      principal.kind === 'session'
        ? setTimeout(
            () => this.#end(),
            Math.min(Math.max(principal.expiresAt.getTime() - clock.now().getTime(), 0), MAX_TIMER_MS),
          )
        : undefined;
    stream.onAbort(() => this.#end());
    try {
      await this.#ended;
    } finally {
      this.#over = true;
      clearInterval(keepAlive);
      clearTimeout(expiry);
      unsubscribe();
      this.#release();
    }
  }

  async #replay(stream: SSEStreamingApi, write: Write, replayed: Set<number>): Promise<void> {
    const { store } = this.#parts;
    const unread = await store.countUnreadNotifications(this.#scope);
    if (this.#after !== null) {
      const meetings = new MeetingsOfNotifications(store);
      for (const record of await store.listNotificationsAfter(this.#scope, this.#after, REPLAY_LIMIT)) {
        replayed.add(record.id);
        await write(() => this.#send(stream, meetings, record, unread));
      }
    }
    await write(() => sendUnread(stream, unread));
  }

  async #forward(
    stream: SSEStreamingApi,
    write: Write,
    message: NotificationMessage,
    replayed: Set<number>,
  ): Promise<void> {
    const { store } = this.#parts;
    const unread = await store.countUnreadNotifications(this.#scope);
    if (message.type === 'read') return write(() => sendUnread(stream, unread));
    const record = message.notification;
    if (replayed.has(record.id) || (this.#scope.meetingId && record.meetingId !== this.#scope.meetingId)) return;
    await write(() => this.#send(stream, new MeetingsOfNotifications(store), record, unread));
  }

  async #send(
    stream: SSEStreamingApi,
    meetings: MeetingsOfNotifications,
    record: NotificationRecord,
    unread: number,
  ): Promise<void> {
    const event: NotificationEvent = { notification: await meetings.view(record), unread };
    await stream.writeSSE({ event: NOTIFICATION_EVENT, id: String(record.id), data: JSON.stringify(event) });
  }
}

type Write = (chunk: () => Promise<unknown>) => Promise<void>;

const sendUnread = (stream: SSEStreamingApi, unread: number) =>
  stream.writeSSE({ event: UNREAD_EVENT, data: JSON.stringify({ unread } satisfies UnreadEvent) });

function refusal({ full, most }: Extract<Admission, { admitted: false }>): HttpError {
  const retryAfter = { 'Retry-After': '60' };
  if (full === 'user') {
    return new HttpError(
      429,
      'too_many_streams',
      `You have ${most} pages of Zerodraft open that receive notifications, the most allowed. Close one of them, then reload this page.`,
      retryAfter,
    );
  }
  return new HttpError(
    503,
    'too_many_streams_on_server',
    `This server has ${most.toLocaleString('en')} pages open that receive notifications, the most it takes. Your page tries again by itself; nothing you are sent meanwhile is lost.`,
    retryAfter,
  );
}
