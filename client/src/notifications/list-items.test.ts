import type { Notification } from '@zerodraft/shared/api/notifications.ts';
import { describe, expect, it } from 'vitest';
import { markedRead, merged } from './list-items.ts';
import { unreadLabel } from './unread-label.ts';

const notification = (id: number, readAt: string | null = null): Notification => ({
  id,
  kind: 'revision_circulated',
  meeting: { id: 'm1', title: 'BMS7', venue: 'New York', timeZone: 'America/New_York' },
  documentId: 'd1',
  revisionId: 'r1',
  revisionName: 'Draft 1',
  headline: `Notification ${id}`,
  message: '',
  createdAt: '2021-07-28T16:00:00.000Z',
  readAt,
});

describe('the list of notifications on the page', () => {
  it('takes in live arrivals and older pages once each, newest first', () => {
    const list = merged([notification(5), notification(3)], [notification(7), notification(5), notification(1)]);
    expect(list.map((n) => n.id)).toEqual([7, 5, 3, 1]);
  });

  it('shows read those marked, keeping the time of those read before', () => {
    const list = [notification(7), notification(5, '2021-07-27T10:00:00.000Z'), notification(3)];
    const at = '2021-07-28T17:00:00.000Z';
    expect(markedRead(list, { upTo: 5 }, at).map((n) => n.readAt)).toEqual([null, '2021-07-27T10:00:00.000Z', at]);
    expect(markedRead(list, { ids: [7] }, at).map((n) => n.readAt)).toEqual([at, '2021-07-27T10:00:00.000Z', null]);
  });

  it('names the header link with the unread count, once the server has said it', () => {
    expect(unreadLabel(null)).toBe('Notifications');
    expect(unreadLabel(0)).toBe('Notifications, none unread');
    expect(unreadLabel(2)).toBe('Notifications, 2 unread');
  });
});
