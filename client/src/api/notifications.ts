import { MarkedRead, type MarkReadRequest, NotificationList } from '@zerodraft/shared/api/notifications.ts';
import { requestJson } from './http.ts';

/** Server-Sent Events: each notification as it is made (shared/src/api/notifications.ts). */
export const NOTIFICATION_STREAM_PATH = '/api/notifications/stream';

/** The signed-in user's notifications, newest first; `before` pages back. */
export function fetchNotifications(
  { limit, before }: { limit?: number; before?: number } = {},
  signal?: AbortSignal,
): Promise<NotificationList> {
  const search = new URLSearchParams();
  if (limit !== undefined) search.set('limit', String(limit));
  if (before !== undefined) search.set('before', String(before));
  const query = search.size > 0 ? `?${search}` : '';
  return requestJson(`/api/notifications${query}`, NotificationList, signal ? { signal } : {});
}

/** Marks some notifications read, or every one up to and including `upTo`. */
export function markNotificationsRead(request: MarkReadRequest): Promise<MarkedRead> {
  return requestJson('/api/notifications/read', MarkedRead, { method: 'POST', body: request });
}
