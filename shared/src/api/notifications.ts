import { z } from 'zod';

/**
 * What a participant is told of as it happens (issue 6): a revision circulated, a silence
 * procedure started, broken, withdrawn or ended in adoption, and the Chair's decision on
 * their delegation's proposals. Each is kept in the participant's list until they read it.
 */
export const NOTIFICATION_KINDS = [
  'revision_circulated',
  'silence_started',
  'silence_broken',
  'silence_withdrawn',
  'revision_adopted',
  'proposals_accepted',
  'proposals_rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Most notifications one `GET /api/notifications` returns. */
export const MAX_NOTIFICATIONS_PAGE = 100;
export const DEFAULT_NOTIFICATIONS_PAGE = 20;
/** Most ids one `POST /api/notifications/read` names. */
export const MAX_READ_IDS = 500;

/** Notification ids grow with time; the live stream uses them as its event ids. */
const NotificationId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A positive whole number written in a query string or a header, e.g. `before=120`. */
const IdText = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,14}$/, `${what} is a notification id: a whole number from 1.`)
    .transform(Number);

export const Notification = z.object({
  id: NotificationId,
  kind: z.enum(NOTIFICATION_KINDS),
  /** The meeting it belongs to, with the venue's clock its times are read on. */
  meeting: z.object({ id: z.string(), title: z.string(), venue: z.string(), timeZone: z.string() }),
  documentId: z.string().nullable(),
  revisionId: z.string().nullable(),
  revisionName: z.string().nullable(),
  /** One line, as a toast says it: "Draft 1 has been circulated by the Chair". */
  headline: z.string(),
  /** The whole of it, times in venue time with the place: "… until Friday 30 July 2021, 12:00 (New York)." */
  message: z.string(),
  /** ISO 8601, UTC. */
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** `GET /api/notifications?limit=&before=`: the caller's notifications, newest first. */
export const NotificationsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `limit is how many to list, from 1 to ${MAX_NOTIFICATIONS_PAGE}.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `limit is how many to list, from 1 to ${MAX_NOTIFICATIONS_PAGE}.`)
        .max(MAX_NOTIFICATIONS_PAGE, `limit is how many to list, from 1 to ${MAX_NOTIFICATIONS_PAGE}.`),
    )
    .optional(),
  /** Only those older than this notification: the `nextBefore` of the page before. */
  before: IdText('before').optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const NotificationList = z.object({
  notifications: z.array(Notification),
  /** How many of the caller's notifications are unread, in all. */
  unread: z.number().int().nonnegative(),
  /** Pass as `before` for the next, older page; null when this page reaches the first. */
  nextBefore: NotificationId.nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** `POST /api/notifications/read`: these notifications, or every one up to and including `upTo`. */
export const MarkReadRequest = z.union([
  z.strictObject({
    ids: z
      .array(NotificationId)
      .min(1, 'Name at least one notification to mark read.')
      .max(MAX_READ_IDS, `Mark at most ${MAX_READ_IDS} notifications read at once, or use upTo.`),
  }),
  z.strictObject({ upTo: NotificationId }),
]);
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

export const MarkedRead = z.object({
  /** How many were unread and are read now. */
  marked: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
export type MarkedRead = z.infer<typeof MarkedRead>;

/**
 * `GET /api/notifications/stream` (Server-Sent Events). Event `notification`, whose `id` is the
 * notification's, so a reconnecting `EventSource` sends `Last-Event-ID` and is sent what it
 * missed; event `unread` when the count changed without a new notification (on connecting, and
 * when some were marked read elsewhere). A comment line every 25 s keeps proxies from closing it.
 */
export const NOTIFICATION_EVENT = 'notification';
export const UNREAD_EVENT = 'unread';

export const NotificationEvent = z.object({ notification: Notification, unread: z.number().int().nonnegative() });
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const UnreadEvent = z.object({ unread: z.number().int().nonnegative() });
export type UnreadEvent = z.infer<typeof UnreadEvent>;

/**
 * Most open streams per user (a browser tab each); more are refused with 429. A server instance
 * also holds only so many in all (`MAX_NOTIFICATION_STREAMS`); beyond that, 503 and try again.
 */
export const MAX_STREAMS_PER_USER = 10;

/**
 * Where a stream resumes: the `Last-Event-ID` header an `EventSource` sends when it reconnects,
 * or `?lastEventId=` for a new one that wants what came after the newest it knows (0: it knows
 * none, so everything from now).
 */
export const LastEventId = z
  .string()
  .regex(
    /^(0|[1-9]\d{0,14})$/,
    'Last-Event-ID is the id of the last notification received: a whole number, 0 for none.',
  )
  .transform(Number);
