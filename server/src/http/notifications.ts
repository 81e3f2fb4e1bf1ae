import {
  DEFAULT_NOTIFICATIONS_PAGE,
  LastEventId,
  MAX_STREAMS_PER_USER,
  type MarkedRead,
  MarkReadRequest,
  NOTIFICATION_EVENT,
  type NotificationEvent,
  type NotificationList,
  NotificationsQuery,
  UNREAD_EVENT,
  type UnreadEvent,
} from '@zerodraft/shared/api/notifications.ts';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import type { NotificationBus } from '../notifications/bus.ts';
import type { NotificationStreams } from '../notifications/streams.ts';
import { MeetingsOfNotifications } from '../notifications/view.ts';
import type { NotificationRecord, NotificationScope, Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notSignedIn, parseJson } from './errors.ts';

export interface NotificationRouteParts {
  store: Store;
  bus: NotificationBus;
  streams: NotificationStreams;
  clock: Clock;
  /** How often a quiet stream gets a comment line, so that proxies and browsers keep it open. */
  keepAliveMs?: number;
}

const KEEP_ALIVE_MS = 25_000;
/** Most notifications sent again to a stream that reconnects; the list has the rest. */
const REPLAY_LIMIT = 200;
/** Longest a timer may wait in Node (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  return principal;
}

/** An API token is scoped to one meeting: it sees that meeting's notifications only. */
const scopeOf = (principal: Principal): NotificationScope =>
  principal.kind === 'token'
    ? { userId: principal.user.id, meetingId: principal.meetingId }
    : { userId: principal.user.id };

/** Where a stream resumes: `Last-Event-ID`, as an `EventSource` sends it on reconnecting, or `?lastEventId=`. */
function resumeFrom(c: Context<AppEnv>): number | null {
  const given = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (given === undefined || given === '') return null;
  const parsed = LastEventId.safeParse(given);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_last_event_id', parsed.error.issues[0]?.message ?? 'Last-Event-ID is not valid.');
  }
  return parsed.data;
}

/**
 * The caller's notifications (issue 6): the list, marking them read, and the live stream of
 * Server-Sent Events that brings each one as it is made.
 */
export function notificationRoutes({
  store,
  bus,
  streams,
  clock,
  keepAliveMs = KEEP_ALIVE_MS,
}: NotificationRouteParts) {
  return new Hono<AppEnv>()
    .get('/notifications', async (c) => {
      const scope = scopeOf(principalOf(c));
      const query = NotificationsQuery.parse(c.req.query());
      const limit = query.limit ?? DEFAULT_NOTIFICATIONS_PAGE;
      // One more than asked, to know whether an older page follows.
      const { notifications, unread } = await store.listNotifications(scope, {
        before: query.before,
        limit: limit + 1,
      });
      const page = notifications.slice(0, limit);
      const meetings = new MeetingsOfNotifications(store);
      return c.json({
        notifications: await Promise.all(page.map((n) => meetings.view(n))),
        unread,
        nextBefore: notifications.length > limit ? (page.at(-1)?.id ?? null) : null,
      } satisfies NotificationList);
    })
    .post('/notifications/read', async (c) => {
      const principal = principalOf(c);
      const scope = scopeOf(principal);
      const which = await parseJson(c, MarkReadRequest);
      const marked = await store.markNotificationsRead(scope, which, clock.now().toISOString());
      const unread = await store.countUnreadNotifications(scope);
      // The user's other pages update their count.
      if (marked > 0) await bus.publish([{ type: 'read', userId: principal.user.id }]);
      return c.json({ marked, unread } satisfies MarkedRead);
    })
    .get('/notifications/stream', async (c) => {
      const principal = principalOf(c);
      const scope = scopeOf(principal);
      const after = resumeFrom(c);
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      const release = streams.admit({ principal, end: () => end() });
      if (!release) {
        throw new HttpError(
          429,
          'too_many_streams',
          `You have ${MAX_STREAMS_PER_USER} pages of Zerodraft open that receive notifications, the most allowed. Close one of them, then reload this page.`,
          { 'Retry-After': '60' },
        );
      }
      // Proxies that buffer responses (nginx) would hold the events back.
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        const meetings = new MeetingsOfNotifications(store);
        const replayed = new Set<number>();
        // Writes go out one at a time, in the order they were asked for.
        let turn = Promise.resolve();
        const inTurn = (write: () => Promise<unknown>) => {
          turn = turn.then(write).then(
            () => {},
            (error: unknown) => {
              console.error('A notification stream failed and was closed', error);
              end();
            },
          );
        };
        const sendUnread = (unread: number) =>
          stream.writeSSE({ event: UNREAD_EVENT, data: JSON.stringify({ unread } satisfies UnreadEvent) });
        const send = async (record: NotificationRecord, unread: number) => {
          const event: NotificationEvent = { notification: await meetings.view(record), unread };
          await stream.writeSSE({ event: NOTIFICATION_EVENT, id: String(record.id), data: JSON.stringify(event) });
        };

        // What was missed first; subscribing in the same tick, before the replay reads the store,
        // loses nothing in between, and what arrives meanwhile waits its turn behind the replay.
        inTurn(async () => {
          const unread = await store.countUnreadNotifications(scope);
          if (after !== null) {
            for (const record of await store.listNotificationsAfter(scope, after, REPLAY_LIMIT)) {
              replayed.add(record.id);
              await send(record, unread);
            }
          }
          await sendUnread(unread);
        });
        const unsubscribe = bus.subscribe(principal.user.id, (message) =>
          inTurn(async () => {
            const unread = await store.countUnreadNotifications(scope);
            if (message.type === 'read') return sendUnread(unread);
            const record = message.notification;
            if (replayed.has(record.id) || (scope.meetingId && record.meetingId !== scope.meetingId)) return;
            await send(record, unread);
          }),
        );
        const keepAlive = setInterval(() => inTurn(() => stream.write(': keep-alive\n\n')), keepAliveMs);
        const expiry =
          principal.kind === 'session'
            ? setTimeout(() => end(), Math.min(Math.max(principal.expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS))
            : undefined;
        stream.onAbort(() => end());
        try {
          await ended;
        } finally {
          clearInterval(keepAlive);
          clearTimeout(expiry);
          unsubscribe();
          release();
        }
      });
    });
}
