import { deadlineClock } from '@zerodraft/shared/lifecycle/silence.ts';
import { type Action, permission, type Standing } from '@zerodraft/shared/roles/permissions.ts';
import { type RevisionAccess, revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import type {
  DelegationRecord,
  DocumentRecord,
  MeetingRecord,
  ParticipantRecord,
  RevisionRecord,
  Store,
} from '../store/store.ts';

/** A principal's place in one meeting: everything a decision about them needs. */
export interface MeetingStanding {
  principal: Principal;
  meeting: MeetingRecord;
  participant: ParticipantRecord;
  delegation: DelegationRecord;
  standing: Standing;
}

/**
 * The principal's standing in a meeting, or null when they take no part in it — or hold an
 * API token for another meeting. Callers answer null with 404: a meeting one is not part of
 * does not exist for them.
 */
export async function standingIn(
  store: Store,
  principal: Principal,
  meetingId: string,
): Promise<MeetingStanding | null> {
  if (principal.kind === 'token' && principal.meetingId !== meetingId) return null;
  const [meeting, participant] = await Promise.all([
    store.findMeeting(meetingId),
    store.findParticipant(meetingId, principal.user.id),
  ]);
  if (!meeting || !participant) return null;
  const delegation = await store.findDelegation(participant.delegationId);
  if (!delegation) return null;
  return {
    principal,
    meeting,
    participant,
    delegation,
    standing: { role: participant.role, hasPen: participant.hasPen, sections: participant.sections },
  };
}

export interface RevisionStanding extends MeetingStanding {
  revision: RevisionRecord;
  document: DocumentRecord;
  access: RevisionAccess;
}

/** The principal's standing towards one revision, or null when the revision does not exist for them. */
export async function standingOnRevision(
  store: Store,
  principal: Principal,
  revisionId: string,
): Promise<RevisionStanding | null> {
  const revision = await store.findRevision(revisionId);
  const document = revision && (await store.findDocument(revision.documentId));
  if (!revision || !document) return null;
  const inMeeting = await standingIn(store, principal, document.meetingId);
  if (!inMeeting) return null;
  const silence = revision.state === 'under_silence' ? await store.findRunningSilence(revision.id) : undefined;
  const access = revisionAccess(
    inMeeting.standing,
    revision.state,
    silence && { deadline: silence.deadline, venue: deadlineClock(silence.timeZone, inMeeting.meeting) },
  );
  // A revision in preparation does not exist for those who may not read it.
  if (!access.read) return null;
  return { ...inMeeting, revision, document, access };
}

const refusals: Partial<Record<Action, string>> = {
  manageParticipants: 'Only the Chair and the Secretariat manage participants and roles.',
  editMeeting: 'Only the Chair and the Secretariat change the meeting.',
  readRoster: 'Only the Chair and the Secretariat see the roster of people.',
  readAuditLog: 'Only the Chair and the Secretariat read the audit log.',
  appointFacilitators: 'Only the Chair appoints facilitators to run the silence procedure on a document.',
  setSilenceNotice: 'Only the Chair sets the minimum notice for a silence procedure.',
};

/**
 * Refuses with 403 and a reason unless the matrix lets this participant take the action.
 * `own`, `ownSection` and `appointed` need `scope` to say whether the object is theirs.
 */
export function authorize(
  { standing }: MeetingStanding,
  action: Action,
  scope?: { own?: boolean; sectionId?: string; appointed?: boolean },
): void {
  const granted = permission(standing, action);
  const allowed =
    granted === 'yes' ||
    (granted === 'own' && scope?.own === true) ||
    (granted === 'ownSection' && scope?.sectionId !== undefined && standing.sections.includes(scope.sectionId)) ||
    (granted === 'appointed' && scope?.appointed === true);
  if (!allowed)
    throw new HttpError(403, 'forbidden', refusals[action] ?? 'Your role in this meeting does not allow this.');
}
