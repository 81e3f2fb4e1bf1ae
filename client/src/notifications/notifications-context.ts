import type { Notification } from '@zerodraft/shared/api/notifications.ts';
import { createContext, useContext } from 'react';

/** What every signed-in page knows of the user's notifications, kept live by the stream. */
export interface NotificationsState {
  /** How many are unread, as the server last said; null until it has. */
  unread: number | null;
  /** Those that arrived live since the app opened, newest first. */
  arrived: readonly Notification[];
  /** The count after an act of this page, such as marking read, before the stream says so. */
  setUnread(unread: number): void;
}

export const NotificationsContext = createContext<NotificationsState>({
  unread: null,
  arrived: [],
  setUnread: () => {},
});

export function useNotifications(): NotificationsState {
  return useContext(NotificationsContext);
}
