import type { NotificationEvent } from '@zerodraft/shared/api/notifications.ts';
import { useEffect, useRef } from 'react';
import { fetchNotifications } from '../api/notifications.ts';
import { openNotificationStream, type StreamMessage } from './notification-stream.ts';

export interface StreamHandlers {
  onNotification(event: NotificationEvent): void;
  onUnread(unread: number): void;
}

/** The pages of one browser share one stream: this lock names the page holding it. */
const STREAM_LOCK = 'zerodraft-notification-stream';
/** …and this channel carries what it says to the others. */
const RELAY_CHANNEL = 'zerodraft-notifications';

const isStreamMessage = (data: unknown): data is StreamMessage =>
  typeof data === 'object' &&
  data !== null &&
  'type' in data &&
  (data.type === 'notification' || data.type === 'unread');

/**
 * Tells the component of the user's notifications as they come, for as long as it is mounted.
 * Browsers hold at most six connections to a server over HTTP/1.1, and a stream holds one for
 * good: so only one page of the browser holds the stream (the Web Locks API picks it; when it
 * closes, another takes over from the last notification seen) and relays it to the others on a
 * BroadcastChannel. Without those APIs each page holds its own.
 */
export function useNotificationStream(handlers: StreamHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let lastEventId = '';
    const receive = (message: StreamMessage) => {
      if (message.type === 'unread') return latest.current.onUnread(message.unread);
      lastEventId = message.lastEventId;
      latest.current.onNotification(message.event);
    };
    const relay = typeof BroadcastChannel === 'function' ? new BroadcastChannel(RELAY_CHANNEL) : null;
    relay?.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (isStreamMessage(message.data)) receive(message.data);
    });
    const unmounted = new AbortController();
    const holdStream = () =>
      new Promise<void>((released) => {
        const close = openNotificationStream({
          after: () => lastEventId,
          deliver: (message) => {
            receive(message);
            relay?.postMessage(message);
          },
        });
        unmounted.signal.addEventListener('abort', () => {
          close();
          released();
        });
      });
    const takeTurn = () => {
      if (unmounted.signal.aborted) return;
      if (relay && 'locks' in navigator) {
        // Rejects with an AbortError when the page goes while it waits its turn: nothing to do then.
        navigator.locks.request(STREAM_LOCK, { signal: unmounted.signal }, holdStream).catch(() => {});
      } else {
        void holdStream();
      }
    };
    // The count now, and the newest notification known: a stream opened after it sends whatever
    // came since, so nothing made while it connects is missed.
    fetchNotifications({ limit: 1 })
      .then(
        (list) => {
          lastEventId ||= String(list.notifications[0]?.id ?? 0);
          latest.current.onUnread(list.unread);
        },
        () => {},
      )
      .finally(takeTurn);
    return () => {
      unmounted.abort();
      relay?.close();
    };
  }, []);
}
