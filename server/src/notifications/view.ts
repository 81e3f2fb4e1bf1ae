import type { Notification } from '@zerodraft/shared/api/notifications.ts';
import type { MeetingRecord, NotificationRecord, Store } from '../store/store.ts';

/**
 * The meetings notifications belong to, looked up once each for one page of the list or one
 * batch a stream sends, which name the few meetings of their user again and again. Kept no
 * longer than that: a meeting's venue or time zone corrected meanwhile shows in the next.
 */
export class MeetingsOfNotifications {
  readonly #store: Store;
  readonly #known = new Map<string, Promise<MeetingRecord | undefined>>();

  constructor(store: Store) {
    this.#store = store;
  }

  async view(record: NotificationRecord): Promise<Notification> {
    let meeting = this.#known.get(record.meetingId);
    if (!meeting) {
      meeting = this.#store.findMeeting(record.meetingId);
      this.#known.set(record.meetingId, meeting);
    }
    // A meeting's notifications go with it (ON DELETE CASCADE).
    const found = await meeting;
    if (!found) throw new Error(`Notification ${record.id} names meeting ${record.meetingId}, which does not exist`);
    return {
      id: record.id,
      kind: record.kind,
      meeting: { id: found.id, title: found.title, venue: found.venue, timeZone: found.timeZone },
      documentId: record.documentId,
      revisionId: record.revisionId,
      revisionName: record.revisionName,
      headline: record.headline,
      message: record.message,
      createdAt: record.createdAt,
      readAt: record.readAt,
    };
  }
}
