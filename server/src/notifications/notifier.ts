import type { NotificationKind } from '@zerodraft/shared/api/notifications.ts';
import type { ProposalActResult } from '@zerodraft/shared/api/proposals.ts';
import { deadlineClock, type SilenceActor } from '@zerodraft/shared/lifecycle/silence.ts';
import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import type { RevisionStanding } from '../authz/standing.ts';
import type { Clock } from '../clock.ts';
import type { Rooms } from '../collab/rooms.ts';
import { proposalRecords } from '../proposals/records.ts';
import type {
  MeetingRecord,
  NewNotification,
  ParticipantRecord,
  RevisionRecord,
  SilenceRecord,
  Store,
} from '../store/store.ts';
import type { NotificationBus } from './bus.ts';
import type { CirculationNotices, ProposalNotices, SilenceNotices } from './notices.ts';
import { readersOf } from './recipients.ts';
import {
  type ActorNamed,
  type ClosedProposal,
  circulatedWords,
  proposalsWords,
  type RevisionNamed,
  silenceKind,
  silenceWords,
  type Words,
} from './words.ts';

export interface NotifierParts {
  store: Store;
  bus: NotificationBus;
  /** The rooms hold the proposals' records, closed with their words, once a decision is taken. */
  rooms: Pick<Rooms, 'open' | 'released'>;
  clock: Clock;
}

/** What a revision's state becomes with a procedure in this status: whoever may read that is told. */
const stateAfter = {
  running: 'under_silence',
  broken: 'circulated',
  withdrawn: 'circulated',
  adopted: 'adopted',
} as const;

const actorOf = (s: RevisionStanding): ActorNamed => ({
  name: s.principal.user.name,
  delegation: s.delegation.name,
  role: s.standing.role,
});

const named = (s: RevisionStanding): RevisionNamed => ({
  revisionName: s.revision.name,
  documentTitle: s.document.title,
});

/**
 * Tells the participants of a meeting what was just done (issue 6): stores one notification per
 * recipient in one transaction, then hands them to the bus for their open streams. Called after
 * each act has committed; whatever goes wrong here is logged and never undoes or fails the act.
 */
export class Notifier implements CirculationNotices, SilenceNotices, ProposalNotices {
  readonly #parts: NotifierParts;

  constructor(parts: NotifierParts) {
    this.#parts = parts;
  }

  revisionCirculated(s: RevisionStanding, revision: RevisionRecord): Promise<void> {
    return this.#safely(`the circulation of ${revision.name}`, async () => {
      const circulation = revision.circulation;
      if (!circulation) return;
      const words = circulatedWords({ ...named(s), revisionName: revision.name }, actorOf(s), circulation);
      const readers = await readersOf(this.#parts.store, s.meeting.id, 'circulated', { except: s.principal.user.id });
      await this.#deliver(
        readers.map((p) =>
          this.#notification(p, 'revision_circulated', revision, s.document.id, words, { dated: circulation.dated }),
        ),
      );
    });
  }

  silenceChanged(procedure: SilenceRecord): Promise<void> {
    return this.#safely(`the silence procedure ${procedure.id} (${procedure.status})`, async () => {
      const { store } = this.#parts;
      const [revision, meeting] = await Promise.all([
        store.findRevision(procedure.revisionId),
        store.findMeeting(procedure.meetingId),
      ]);
      const document = revision && (await store.findDocument(revision.documentId));
      if (!revision || !meeting || !document) return;
      const actor = procedure.status === 'running' ? procedure.startedBy : procedure.endedBy;
      const words = silenceWords(
        { revisionName: revision.name, documentTitle: document.title },
        procedure,
        actor && (await this.#actorNamed(meeting, actor)),
        deadlineClock(procedure.timeZone, meeting),
      );
      const readers = await readersOf(store, meeting.id, stateAfter[procedure.status], {
        except: actor?.userId ?? null,
      });
      const detail = {
        procedure: procedure.id,
        deadline: procedure.deadline,
        timeZone: procedure.timeZone,
        ...(procedure.status === 'broken' && { delegation: actor?.delegationName, objection: procedure.objection }),
      };
      await this.#deliver(
        readers.map((p) => this.#notification(p, silenceKind[procedure.status], revision, document.id, words, detail)),
      );
    });
  }

  proposalsClosed(s: RevisionStanding, result: ProposalActResult): Promise<void> {
    return this.#safely(
      `the decision on ${result.proposalIds.length + result.lapsed.length} proposals in ${s.revision.name}`,
      async () => {
        const closed = await this.#closedRecords(s.revision.id, [...result.proposalIds, ...result.lapsed]);
        const lapsed = new Set(result.lapsed);
        // One notification per delegation and outcome of the act, however many proposals it closed.
        const groups = new Map<string, { record: ProposalRecord; proposals: ClosedProposal[]; ids: string[] }>();
        for (const record of closed) {
          // A withdrawal is the proposer's own act: nobody needs telling.
          if (record.status !== 'accepted' && record.status !== 'rejected') continue;
          const key = `${record.delegationId} ${record.status}`;
          const group = groups.get(key) ?? { record, proposals: [], ids: [] };
          group.proposals.push({ inserted: record.inserted, deleted: record.deleted, lapsed: lapsed.has(record.id) });
          group.ids.push(record.id);
          groups.set(key, group);
        }
        const notifications: NewNotification[] = [];
        for (const { record, proposals, ids } of groups.values()) {
          const decision = record.status === 'accepted' ? 'accepted' : 'rejected';
          const words = proposalsWords(named(s), record.delegationName, decision, proposals, actorOf(s));
          const readers = await readersOf(this.#parts.store, s.meeting.id, s.revision.state, {
            delegationId: record.delegationId,
            except: s.principal.user.id,
          });
          const kind = decision === 'accepted' ? 'proposals_accepted' : 'proposals_rejected';
          const detail = {
            delegation: record.delegationName,
            proposals: ids,
            lapsed: ids.filter((id) => lapsed.has(id)),
          };
          for (const p of readers)
            notifications.push(this.#notification(p, kind, s.revision, s.document.id, words, detail));
        }
        await this.#deliver(notifications);
      },
    );
  }

  /** The records of `ids`, as the act closed them; read from the revision's room, where the act was made. */
  async #closedRecords(revisionId: string, ids: string[]): Promise<ProposalRecord[]> {
    if (ids.length === 0) return [];
    const { rooms } = this.#parts;
    const room = await rooms.open(revisionId);
    try {
      const records = proposalRecords(room.doc);
      return ids.flatMap((id) => records.get(id) ?? []);
    } finally {
      rooms.released(room);
    }
  }

  async #actorNamed(meeting: MeetingRecord, actor: SilenceActor): Promise<ActorNamed> {
    const participant = await this.#parts.store.findParticipant(meeting.id, actor.userId);
    return { name: actor.userName, delegation: actor.delegationName, role: participant?.role ?? 'delegation' };
  }

  #notification(
    recipient: ParticipantRecord,
    kind: NotificationKind,
    revision: RevisionRecord,
    documentId: string,
    words: Words,
    detail: Record<string, unknown>,
  ): NewNotification {
    return {
      userId: recipient.userId,
      meetingId: recipient.meetingId,
      kind,
      documentId,
      revisionId: revision.id,
      revisionName: revision.name,
      headline: words.headline,
      message: words.message,
      detail,
      createdAt: this.#parts.clock.now().toISOString(),
    };
  }

  async #deliver(notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    const stored = await this.#parts.store.addNotifications(notifications);
    await this.#parts.bus.publish(stored.map((notification) => ({ type: 'added', notification })));
  }

  async #safely(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      console.error(`Could not notify the participants of ${what}; the act itself stands`, error);
    }
  }
}
