import type { NotificationKind } from '@zerodraft/shared/api/notifications.ts';
import { deadlineClock } from '@zerodraft/shared/lifecycle/silence.ts';
import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import type { RevisionStanding } from '../authz/standing.ts';
import type {
  CirculationRecord,
  DocumentRecord,
  MeetingRecord,
  NewNotification,
  ParticipantRecord,
  RevisionRecord,
  SilenceRecord,
} from '../store/store.ts';
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

/*
 * The notifications each act gives, one per participant to tell (issue 6). They are made before
 * the act commits, from the participants and the revision's state after the act, and stored in
 * the act's own transaction: an act is told exactly once, or not made at all.
 */

/** Who acted, as the words name them. */
export const actorNamed = (s: RevisionStanding): ActorNamed => ({
  name: s.principal.user.name,
  delegation: s.delegation.name,
  role: s.standing.role,
});

/** What one notification says of which revision, the same for each of its recipients. */
interface Notice {
  kind: NotificationKind;
  meetingId: string;
  documentId: string;
  revision: Pick<RevisionRecord, 'id' | 'name'>;
  words: Words;
  detail: Record<string, unknown>;
}

const toEach = (recipients: readonly ParticipantRecord[], notice: Notice, at: string): NewNotification[] =>
  recipients.map((p) => ({
    userId: p.userId,
    meetingId: notice.meetingId,
    kind: notice.kind,
    documentId: notice.documentId,
    revisionId: notice.revision.id,
    revisionName: notice.revision.name,
    headline: notice.words.headline,
    message: notice.words.message,
    detail: notice.detail,
    createdAt: at,
  }));

/** The Chair circulates `revision` under its new name: everyone but the Chair is told. */
export function circulationNotices(
  s: RevisionStanding,
  revision: Pick<RevisionRecord, 'id' | 'name'>,
  circulation: CirculationRecord,
  participants: readonly ParticipantRecord[],
): NewNotification[] {
  const words = circulatedWords(
    { revisionName: revision.name, documentTitle: s.document.title },
    actorNamed(s),
    circulation,
  );
  const readers = readersOf(participants, 'circulated', { except: s.principal.user.id });
  const notice: Notice = {
    kind: 'revision_circulated',
    meetingId: s.meeting.id,
    documentId: s.document.id,
    revision,
    words,
    detail: { dated: circulation.dated },
  };
  return toEach(readers, notice, circulation.circulatedAt);
}

/** What a revision's state becomes with a procedure in this status: whoever may read that is told. */
const stateAfter = {
  running: 'under_silence',
  broken: 'circulated',
  withdrawn: 'circulated',
  adopted: 'adopted',
} as const;

/** Where a silence procedure runs, as its notifications name it. */
export interface SilenceScene {
  meeting: MeetingRecord;
  document: Pick<DocumentRecord, 'id' | 'title'>;
  revision: Pick<RevisionRecord, 'id' | 'name'>;
}

/**
 * A procedure starts, is broken or withdrawn, or ends in adoption, as its status says; `by` is
 * who acted (null for an adoption, which nobody makes), left out of those told.
 */
export function silenceNotices(
  procedure: SilenceRecord,
  scene: SilenceScene,
  by: { userId: string; named: ActorNamed } | null,
  participants: readonly ParticipantRecord[],
  at: string,
): NewNotification[] {
  const revisionNamed: RevisionNamed = { revisionName: scene.revision.name, documentTitle: scene.document.title };
  const words = silenceWords(
    revisionNamed,
    procedure,
    by?.named ?? null,
    deadlineClock(procedure.timeZone, scene.meeting),
  );
  const readers = readersOf(participants, stateAfter[procedure.status], { except: by?.userId ?? null });
  const notice: Notice = {
    kind: silenceKind[procedure.status],
    meetingId: scene.meeting.id,
    documentId: scene.document.id,
    revision: scene.revision,
    words,
    detail: {
      procedure: procedure.id,
      deadline: procedure.deadline,
      timeZone: procedure.timeZone,
      ...(procedure.status === 'broken' && { delegation: by?.named.delegation, objection: procedure.objection }),
    },
  };
  return toEach(readers, notice, at);
}

/** A proposal an act closed, as its record now says, and whether it lapsed with the act. */
export interface ClosedByAct {
  record: ProposalRecord;
  lapsed: boolean;
}

/**
 * The Chair's decision on proposals, told to the people of each delegation whose proposals it
 * accepted or rejected (lapsed ones included): one notification per delegation and outcome,
 * however many proposals the act closed. A withdrawal is the proposer's own act: nobody needs
 * telling of it.
 */
export function proposalNotices(
  s: RevisionStanding,
  closed: readonly ClosedByAct[],
  participants: readonly ParticipantRecord[],
  at: string,
): NewNotification[] {
  const groups = new Map<
    string,
    { record: ProposalRecord; proposals: ClosedProposal[]; ids: string[]; lapsed: string[] }
  >();
  for (const { record, lapsed } of closed) {
    if (record.status !== 'accepted' && record.status !== 'rejected') continue;
    const key = `${record.delegationId} ${record.status}`;
    const group = groups.get(key) ?? { record, proposals: [], ids: [], lapsed: [] };
    group.proposals.push({ inserted: record.inserted, deleted: record.deleted, lapsed });
    group.ids.push(record.id);
    if (lapsed) group.lapsed.push(record.id);
    groups.set(key, group);
  }
  const revisionNamed: RevisionNamed = { revisionName: s.revision.name, documentTitle: s.document.title };
  return [...groups.values()].flatMap(({ record, proposals, ids, lapsed }) => {
    const decision = record.status === 'accepted' ? 'accepted' : 'rejected';
    const notice: Notice = {
      kind: decision === 'accepted' ? 'proposals_accepted' : 'proposals_rejected',
      meetingId: s.meeting.id,
      documentId: s.document.id,
      revision: s.revision,
      words: proposalsWords(revisionNamed, record.delegationName, decision, proposals, actorNamed(s)),
      detail: { delegation: record.delegationName, proposals: ids, lapsed },
    };
    const readers = readersOf(participants, s.revision.state, {
      delegationId: record.delegationId,
      except: s.principal.user.id,
    });
    return toEach(readers, notice, at);
  });
}
