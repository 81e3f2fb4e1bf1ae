import type { RevisionStanding } from '../authz/standing.ts';
import type { CirculationRecord, NewNotification, NotificationRecord, SilenceRecord, Store } from '../store/store.ts';
import type { NotificationBus } from './bus.ts';
import { actorNamed, circulationNotices, type SilenceScene, silenceNotices } from './notices.ts';

export interface NotifierParts {
  store: Store;
  bus: NotificationBus;
}

/**
 * Tells the participants of a meeting what was done (issue 6), in two steps around the act's
 * transaction: before it, reads what the notifications need and makes them (notices.ts), for the
 * act to store with itself; after it commits, hands the stored ones to the bus for the open
 * streams. So nothing is published that was not committed, and no act commits without its
 * notifications.
 */
export class Notifier {
  readonly #parts: NotifierParts;

  constructor(parts: NotifierParts) {
    this.#parts = parts;
  }

  /** The notifications of circulating the revision of `s` under `name`. */
  async ofCirculation(s: RevisionStanding, name: string, circulation: CirculationRecord): Promise<NewNotification[]> {
    const participants = await this.#parts.store.listParticipants(s.meeting.id);
    return circulationNotices(s, { id: s.revision.id, name }, circulation, participants);
  }

  /**
   * The notifications of `procedure` starting or ending as its status says, at `at`: broken or
   * withdrawn by `s`, started by `s`, or (null) adopted at its deadline.
   */
  async ofSilence(procedure: SilenceRecord, s: RevisionStanding | null, at: string): Promise<NewNotification[]> {
    const { store } = this.#parts;
    const [participants, scene] = await Promise.all([
      store.listParticipants(procedure.meetingId),
      s ? { meeting: s.meeting, document: s.document, revision: s.revision } : this.#sceneOf(procedure),
    ]);
    if (!scene) return [];
    const by = s && { userId: s.principal.user.id, named: actorNamed(s) };
    return silenceNotices(procedure, scene, by, participants, at);
  }

  /**
   * Hands notifications, once their act has committed, to the open streams of their recipients.
   * Never rejects: they are stored, and a stream that missed them gets them from the store when
   * it reconnects (`Last-Event-ID`), so a failure here is logged and the act stands.
   */
  async published(stored: readonly NotificationRecord[]): Promise<void> {
    if (stored.length === 0) return;
    try {
      await this.#parts.bus.publish(stored.map((notification) => ({ type: 'added', notification })));
    } catch (error) {
      console.error(`Could not hand ${stored.length} stored notifications to the open streams`, error);
    }
  }

  /** The procedure's meeting, document and revision; null if one is gone, and then nobody is told. */
  async #sceneOf(procedure: SilenceRecord): Promise<SilenceScene | null> {
    const { store } = this.#parts;
    const [revision, meeting] = await Promise.all([
      store.findRevision(procedure.revisionId),
      store.findMeeting(procedure.meetingId),
    ]);
    const document = revision && (await store.findDocument(revision.documentId));
    return revision && meeting && document ? { meeting, document, revision } : null;
  }
}
