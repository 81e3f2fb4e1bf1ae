import {
  NOTIFICATION_EVENT,
  NotificationEvent,
  UNREAD_EVENT,
  UnreadEvent,
} from '@zerodraft/shared/api/notifications.ts';
import { ApiRequestError } from '../api/http.ts';
import { fetchNotifications, NOTIFICATION_STREAM_PATH } from '../api/notifications.ts';

/** What the stream says: a notification (with the id to resume after), or the unread count. */
export type StreamMessage =
  | { type: 'notification'; event: NotificationEvent; lastEventId: string }
  | { type: 'unread'; unread: number };

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

function parsed<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
  data: string,
) {
  try {
    const result = schema.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Opens the server's notification stream and passes on what it says until the returned function
 * is called. While the connection drops and comes back, the browser's EventSource reconnects by
 * itself and sends `Last-Event-ID`, so the server sends what was missed. When the browser gives
 * up (the server was down, or refused), a new one opens after a growing pause, from the last
 * notification received; once the session has ended, it stops.
 */
export function openNotificationStream({
  after,
  deliver,
}: {
  /** The id of the last notification this page has, to resume after; '' for none. */
  after: () => string;
  deliver: (message: StreamMessage) => void;
}): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pauseMs = FIRST_RETRY_MS;
  let stopped = false;

  const open = () => {
    const lastEventId = after();
    const opened = new EventSource(
      lastEventId ? `${NOTIFICATION_STREAM_PATH}?${new URLSearchParams({ lastEventId })}` : NOTIFICATION_STREAM_PATH,
    );
    source = opened;
    opened.addEventListener(NOTIFICATION_EVENT, (message: MessageEvent<string>) => {
      const event = parsed(NotificationEvent, message.data);
      if (!event) return;
      pauseMs = FIRST_RETRY_MS;
      deliver({ type: 'notification', event, lastEventId: message.lastEventId });
    });
    opened.addEventListener(UNREAD_EVENT, (message: MessageEvent<string>) => {
      const event = parsed(UnreadEvent, message.data);
      if (!event) return;
      pauseMs = FIRST_RETRY_MS;
      deliver({ type: 'unread', unread: event.unread });
    });
    opened.addEventListener('error', () => {
      // While CONNECTING the browser is reconnecting by itself; CLOSED means it gave up.
      if (opened.readyState !== EventSource.CLOSED) return;
      opened.close();
      retry = setTimeout(reopen, pauseMs);
      pauseMs = Math.min(pauseMs * 2, LAST_RETRY_MS);
    });
  };

  const reopen = async () => {
    try {
      deliver({ type: 'unread', unread: (await fetchNotifications({ limit: 1 })).unread });
    } catch (error) {
      // Signed out or expired: the next page the user opens asks them to sign in.
      if (error instanceof ApiRequestError && error.status === 401) return;
    }
    if (!stopped) open();
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
