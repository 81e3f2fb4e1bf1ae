import type { HttpBindings } from '@hono/node-server';
import {
  DEFAULT_NOTIFICATIONS_PAGE,
  LastEventId,
  type MarkedRead,
  MarkReadRequest,
  type NotificationList,
  NotificationsQuery,
} from '@zerodraft/shared/api/notifications.ts';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import type { NotificationBus } from '../notifications/bus.ts';
import { LiveStream, scopeOf } from '../notifications/live-stream.ts';
import type { NotificationStreams } from '../notifications/streams.ts';
import { MeetingsOfNotifications } from '../notifications/view.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notSignedIn, parseJson } from './errors.ts';

export interface NotificationRouteParts {
  store: Store;
  bus: NotificationBus;
  streams: NotificationStreams;
  clock: Clock;
  /** How often a quiet stream gets a comment line (`Config.notificationKeepAliveMs`). */
  keepAliveMs: number;
}

function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  return principal;
}

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

/** Drops the connection under a response, where Node serves it (not in `app.request()`). */
const disconnectOf = (c: Context<AppEnv>) => () => (c.env as Partial<HttpBindings> | undefined)?.outgoing?.destroy();

/**
 * The caller's notifications (issue 6): the list, marking them read, and the live stream of
 * Server-Sent Events that brings each one as it is made (notifications/live-stream.ts).
 */
export function notificationRoutes({ store, bus, streams, clock, keepAliveMs }: NotificationRouteParts) {
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
    .get('/notifications/stream', (c) => {
      const live = new LiveStream({ store, bus, streams, clock, keepAliveMs }, principalOf(c), resumeFrom(c));
      // Proxies that buffer responses (nginx) would hold the events back.
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, (stream) => live.serve(stream, disconnectOf(c)));
    });
}
