import type { Notification } from '@zerodraft/shared/api/notifications.ts';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NotificationsContext, type NotificationsState } from './notifications-context.ts';
import { Toasts } from './Toasts.tsx';
import { useNotificationStream } from './use-notification-stream.ts';
import './notifications.css';

/** How long a card stays up; the notification stays in the list. */
const TOAST_MS = 12_000;
/** Most cards at once; older ones give way. */
const MAX_TOASTS = 3;
/** Most live arrivals kept in memory for the list page; it loads older ones itself. */
const MAX_ARRIVED = 100;

/**
 * Keeps every signed-in page told of the user's notifications: the unread count for the header,
 * the live arrivals for the list page, and a card for each as it comes.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState<number | null>(null);
  const [arrived, setArrived] = useState<readonly Notification[]>([]);
  const [toasts, setToasts] = useState<readonly Notification[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((shown) => shown.filter((n) => n.id !== id));
  }, []);

  useNotificationStream({
    onNotification: ({ notification, unread: count }) => {
      setUnread(count);
      setArrived((known) =>
        known.some((n) => n.id === notification.id) ? known : [notification, ...known].slice(0, MAX_ARRIVED),
      );
      setToasts((shown) => [notification, ...shown.filter((n) => n.id !== notification.id)].slice(0, MAX_TOASTS));
      setAnnouncement(notification.headline);
      clearTimeout(timers.current.get(notification.id));
      timers.current.set(
        notification.id,
        setTimeout(() => dismiss(notification.id), TOAST_MS),
      );
    },
    onUnread: setUnread,
  });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const state = useMemo<NotificationsState>(() => ({ unread, arrived, setUnread }), [unread, arrived]);
  return (
    <NotificationsContext value={state}>
      {children}
      <Toasts toasts={toasts} announcement={announcement} onDismiss={dismiss} />
    </NotificationsContext>
  );
}
