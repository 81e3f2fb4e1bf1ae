import { randomUUID } from 'node:crypto';
import type { AuditAction } from '@zerodraft/shared/api/audit.ts';
import type { RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import type {
  Acknowledgements,
  CirculateRequest,
  Circulation,
  DelegationReceipt,
  DocumentHistory,
  DocumentStarted,
  NewDocumentRequest,
  RevisionCirculated,
  RevisionStarted,
  StartRevisionRequest,
} from '@zerodraft/shared/api/revisions.ts';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import {
  acknowledgementRefusal,
  mayAcknowledge,
  mayCirculate,
  maySeeAllAcknowledgements,
  nextRevisionName,
  revisionNameTaken,
  ZERO_DRAFT_NAME,
} from '@zerodraft/shared/lifecycle/circulation.ts';
import { revisionTransition } from '@zerodraft/shared/lifecycle/revision-states.ts';
import type { ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import { revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import * as Y from 'yjs';
import type { MeetingStanding, RevisionStanding } from '../authz/standing.ts';
import { type Clock, systemClock } from '../clock.ts';
import { mergeUpdates } from '../collab/room.ts';
import type { Rooms } from '../collab/rooms.ts';
import { HttpError } from '../http/errors.ts';
import { meetingView } from '../http/meeting-view.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type {
  AcknowledgementRecord,
  AuditInput,
  CirculationRecord,
  DelegationRecord,
  DocumentRecord,
  RevisionRecord,
  Store,
} from '../store/store.ts';
import { blankDraftContent } from './blank-draft.ts';
import { storedText, withCurrentText } from './current-text.ts';
import { proposalOutcomes, proposalStatuses } from './history.ts';
import { nextRevisionContent } from './next-content.ts';

export interface CirculationParts {
  store: Store;
  rooms: Pick<Rooms, 'openRevisionIds' | 'open' | 'released' | 'revisionStateChanging'>;
  clock?: Clock;
  /** Makes the notifications each circulation stores with itself, and publishes them once committed. */
  notifier?: Notifier;
}

export const revisionSummary = (r: RevisionRecord): RevisionSummary => ({
  id: r.id,
  documentId: r.documentId,
  name: r.name,
  state: r.state,
  createdAt: r.createdAt,
});

const circulationView = (c: CirculationRecord): Circulation => ({
  dated: c.dated,
  circulatedAt: c.circulatedAt,
  circulatedBy: { name: c.circulatedBy.userName, delegation: c.circulatedBy.delegationName },
  coverNote: c.coverNote,
});

const receiptOf = (delegation: DelegationRecord, ack: AcknowledgementRecord | undefined): DelegationReceipt => ({
  delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
  receivedAt: ack?.at ?? null,
  receivedBy: ack?.userName ?? null,
});

const onlyTheChair = () =>
  new HttpError(403, 'forbidden', 'Only the Chair starts the next revision of a document and circulates it.');

/** Why the next revision cannot start from `from`, in words; null when it can. */
function startRefusal(from: RevisionRecord): string | null {
  // The next revision, once circulated, supersedes the one it starts from.
  if (revisionTransition(from.state, 'supersede').ok) return null;
  switch (from.state) {
    case 'in_preparation':
      return `${from.name} is still in preparation: circulate it first.`;
    case 'superseded':
      return `${from.name} has been superseded by a later revision: start from the current one.`;
    case 'under_silence':
      return `${from.name} is under silence procedure: the next revision can start once the procedure has ended.`;
    default:
      return `${from.name} has been adopted: the document is final.`;
  }
}

/**
 * The life of a document's revisions up to their circulation (DESIGN.md §1): the Chair starts
 * the next revision from the current one, prepares it with the pen and circulates it with a
 * cover note, superseding the one before; delegations confirm receipt. Every act is audited in
 * the transaction that makes it.
 */
export class RevisionCirculation {
  readonly #store: Store;
  readonly #rooms: CirculationParts['rooms'];
  readonly #clock: Clock;
  readonly #notifier: Notifier | undefined;

  constructor({ store, rooms, clock = systemClock, notifier }: CirculationParts) {
    this.#store = store;
    this.#rooms = rooms;
    this.#clock = clock;
    this.#notifier = notifier;
  }

  /**
   * Starts a new document with its zero draft in preparation, for the pen to write and the
   * Chair to circulate: the first step of an outcome document's life.
   */
  async startDocument(s: MeetingStanding, request: NewDocumentRequest): Promise<DocumentStarted> {
    if (!mayCirculate(s.standing)) {
      throw new HttpError(403, 'forbidden', 'Only the Chair starts a new document and writes its zero draft.');
    }
    const started = await this.#store.createDocumentWithDraft(
      { id: randomUUID(), meetingId: s.meeting.id, title: request.title },
      { id: randomUUID(), name: ZERO_DRAFT_NAME },
      blankDraftContent(request.title),
      this.#audit(s, 'document.create', request.title, { revision: ZERO_DRAFT_NAME }),
    );
    if (!started) {
      throw new HttpError(409, 'document_exists', `This meeting already has a document called ${request.title}.`);
    }
    const { document, revision } = started;
    return {
      document: { id: document.id, meetingId: document.meetingId, title: document.title },
      revision: revisionSummary(revision),
    };
  }

  /**
   * Starts the next revision, in preparation, from the current text of `request.from` (live:
   * with every proposal and decision taken so far), its pending proposals carried forward or
   * left behind as the Chair chose.
   */
  async start(s: MeetingStanding, document: DocumentRecord, request: StartRevisionRequest): Promise<RevisionStarted> {
    if (!mayCirculate(s.standing)) throw onlyTheChair();
    const from = await this.#store.findRevision(request.from);
    if (!from || from.documentId !== document.id) {
      throw new HttpError(404, 'not_found', 'The revision to start from is not a revision of this document.');
    }
    const revisions = await this.#store.listRevisions(document.id);
    const preparing = revisions.find((r) => r.state === 'in_preparation');
    if (preparing) throw inPreparation(preparing);
    const refusal = startRefusal(from);
    if (refusal) throw new HttpError(409, 'revision_refused', refusal);
    const name = request.name ?? nextRevisionName(revisions.map((r) => r.name));
    if (
      revisionNameTaken(
        name,
        revisions.map((r) => r.name),
      )
    )
      throw nameTaken(name);

    const next = await withCurrentText({ store: this.#store, rooms: this.#rooms }, from.id, (doc) => {
      const content = nextRevisionContent(doc, request.carryForward);
      const update = Y.encodeStateAsUpdate(content.doc);
      content.doc.destroy();
      return { update, carried: content.carried, leftBehind: content.leftBehind };
    });
    const revision = await this.#store.startRevision(
      { id: randomUUID(), documentId: document.id, name, basedOn: from.id, carriedForward: request.carryForward },
      next.update,
      this.#audit(s, 'revision.start', name, {
        from: from.name,
        carryForward: request.carryForward,
        proposalsCarried: next.carried.length,
        proposalsLeftBehind: next.leftBehind.length,
      }),
    );
    if (!revision) {
      const raced = (await this.#store.listRevisions(document.id)).find((r) => r.state === 'in_preparation');
      throw inPreparation(raced ?? { name: 'Another revision' });
    }
    return {
      revision: revisionSummary(revision),
      basedOn: from.id,
      carryForward: request.carryForward,
      carried: next.carried,
      leftBehind: next.leftBehind,
    };
  }

  /**
   * Circulates a revision in preparation: named, dated, with its cover note; its text as it
   * stands is kept as circulated, and the revision it follows is superseded, in one store
   * transaction with its audit entry and the notifications of everyone it goes out to. Run in the rooms of both, so their open editors learn of it at once (the
   * superseded text turns read-only with its reason).
   */
  async circulate(s: RevisionStanding, request: CirculateRequest): Promise<RevisionCirculated> {
    if (!mayCirculate(s.standing)) throw onlyTheChair();
    const transition = revisionTransition(s.revision.state, 'circulate');
    if (!transition.ok) throw new HttpError(409, 'revision_refused', transition.reason);
    const circulation: CirculationRecord = {
      dated: request.date,
      circulatedAt: this.#clock.now().toISOString(),
      circulatedBy: {
        userId: s.principal.user.id,
        userName: s.principal.user.name,
        delegationId: s.delegation.id,
        delegationName: s.delegation.name,
      },
      coverNote: request.coverNote,
    };
    const current = (await this.#store.listRevisions(s.document.id)).filter((r) => r.state === 'circulated');
    const notifications = (await this.#notifier?.ofCirculation(s, request.name, circulation)) ?? [];
    const store = () =>
      this.#store.circulateRevision(
        s.revision.id,
        request.name,
        circulation,
        mergeUpdates,
        (superseded) =>
          this.#audit(
            s,
            'revision.circulate',
            request.name,
            {
              dated: request.date,
              superseded: superseded.map((r) => r.name),
            },
            circulation.circulatedAt,
          ),
        notifications,
      );
    // Each room's queue is held while the store changes, so no update slips in between.
    const inRooms = [s.revision.id, ...current.map((r) => r.id)].reduceRight<typeof store>(
      (inner, revisionId) => () => this.#rooms.revisionStateChanging(revisionId, inner),
      store,
    );
    const outcome = await inRooms();
    if (!outcome.ok) {
      if (outcome.refusal === 'name_taken') throw nameTaken(request.name);
      if (outcome.refusal === 'document_settled') {
        const reason =
          outcome.by.state === 'adopted'
            ? `${outcome.by.name} has been adopted: the document is final and takes no further revision.`
            : `${outcome.by.name} is under silence procedure: circulate the next revision once the procedure has ended.`;
        throw new HttpError(409, 'revision_refused', reason);
      }
      throw new HttpError(409, 'revision_refused', 'This revision is no longer in preparation; reload it.');
    }
    await this.#notifier?.published(outcome.notifications);
    return {
      revision: revisionSummary(outcome.revision),
      circulation: circulationView(circulation),
      superseded: outcome.superseded.map(revisionSummary),
    };
  }

  /** Confirms receipt for the caller's delegation; a second confirmation returns the first. */
  async acknowledge(s: RevisionStanding): Promise<{ receipt: DelegationReceipt; created: boolean }> {
    if (!mayAcknowledge(s.standing)) {
      throw new HttpError(
        403,
        'forbidden',
        'The Chair and the Secretariat send revisions; the delegations confirm they received them.',
      );
    }
    const refusal = acknowledgementRefusal(s.revision.state);
    if (refusal) throw new HttpError(409, 'acknowledgement_refused', refusal);
    const at = this.#clock.now().toISOString();
    const { acknowledgement, created } = await this.#store.acknowledge(
      {
        revisionId: s.revision.id,
        delegationId: s.delegation.id,
        userId: s.principal.user.id,
        userName: s.principal.user.name,
        at,
      },
      this.#audit(s, 'revision.acknowledge', s.revision.name, {}, at),
    );
    return { receipt: receiptOf(s.delegation, acknowledgement), created };
  }

  /**
   * How the revision was circulated, and which delegations have confirmed receipt: every
   * delegation expected to, for the Chair and the Secretariat; the caller's own otherwise.
   */
  async acknowledgements(s: RevisionStanding): Promise<Acknowledgements> {
    const received = new Map(
      (await this.#store.listAcknowledgements(s.revision.id)).map((a) => [a.delegationId, a] as const),
    );
    const all = maySeeAllAcknowledgements(s.standing);
    let delegations: DelegationReceipt[] = [];
    if (all) {
      const expected = new Set(
        (await this.#store.listParticipants(s.meeting.id))
          .filter((p) => mayAcknowledge({ role: p.role }))
          .map((p) => p.delegationId),
      );
      delegations = (await this.#store.listDelegations(s.meeting.id))
        .filter((d) => expected.has(d.id) || received.has(d.id))
        .map((d) => receiptOf(d, received.get(d.id)));
    } else if (mayAcknowledge(s.standing)) {
      delegations = [receiptOf(s.delegation, received.get(s.delegation.id))];
    }
    return {
      revisionId: s.revision.id,
      circulation: s.revision.circulation && circulationView(s.revision.circulation),
      scope: all ? 'all' : 'own',
      mayAcknowledge:
        mayAcknowledge(s.standing) &&
        acknowledgementRefusal(s.revision.state) === null &&
        !received.has(s.delegation.id),
      delegations,
    };
  }

  /**
   * Every revision of the document the caller may read, oldest first, with how it was
   * circulated and what became of its proposals. Read from the store: every update is stored
   * before any room applies it, so it is the text as it stands.
   */
  async history(s: MeetingStanding, document: DocumentRecord, participation: Participation): Promise<DocumentHistory> {
    const revisions = await this.#store.listRevisions(document.id);
    const statuses = new Map<string, Map<string, ProposalStatus>>();
    for (const revision of revisions) {
      const doc = await storedText(this.#store, revision.id);
      statuses.set(revision.id, proposalStatuses(doc));
      doc.destroy();
    }
    // A pending proposal is carried forward or left behind once the next revision has gone out.
    const circulatedNext = new Map(
      revisions
        .filter((r) => r.basedOn !== null && r.state !== 'in_preparation')
        .map((r) => [r.basedOn as string, r] as const),
    );
    const entries = revisions
      .filter((r) => revisionAccess(s.standing, r.state).read)
      .map((r) => {
        const next = circulatedNext.get(r.id);
        const own = statuses.get(r.id) ?? new Map();
        return {
          revision: revisionSummary(r),
          basedOn: r.basedOn,
          carryForward: r.carriedForward,
          circulation: r.circulation && circulationView(r.circulation),
          proposals: proposalOutcomes(own, next ? { statuses: statuses.get(next.id) ?? new Map() } : null),
        };
      });
    const { meeting } = s;
    return {
      meeting: meetingView(meeting),
      document: { id: document.id, meetingId: document.meetingId, title: document.title },
      participation,
      revisions: entries,
    };
  }

  #audit(
    s: MeetingStanding,
    action: AuditAction,
    target: string,
    detail: Record<string, unknown>,
    at = this.#clock.now().toISOString(),
  ): AuditInput {
    return {
      at,
      meetingId: s.meeting.id,
      actorUserId: s.principal.user.id,
      actorName: s.principal.user.name,
      actorDelegation: s.delegation.name,
      action,
      target,
      detail,
    };
  }
}

const inPreparation = (preparing: Pick<RevisionRecord, 'name'>) =>
  new HttpError(
    409,
    'revision_in_preparation',
    `${preparing.name} is already in preparation: circulate it before starting another revision.`,
  );

const nameTaken = (name: string) =>
  new HttpError(409, 'name_taken', `This document already has a revision named ${name}: choose another name.`);
