import type { NotificationKind } from '@zerodraft/shared/api/notifications.ts';
import type { SilenceProcedure } from '@zerodraft/shared/lifecycle/silence.ts';
import type { Role } from '@zerodraft/shared/roles/permissions.ts';

/**
 * Everything the server keeps, behind one interface (DESIGN.md §2, §4). The SQLite file is
 * the embedded default; other implementations must pass the same contract tests.
 * Methods are async so that a networked database fits the same shape.
 */

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface MeetingRecord {
  id: string;
  title: string;
  symbol: string;
  venue: string;
  timeZone: string;
  /** First and last day, `YYYY-MM-DD` in the venue's time zone, when known. */
  startsOn: string | null;
  endsOn: string | null;
  /** How many hours before its deadline a silence procedure must start. */
  silenceNoticeHours: number;
  createdAt: string;
}

/** A Member State, an Observer State, an intergovernmental or a non-governmental organisation. */
export type DelegationKind = 'state' | 'observer_state' | 'igo' | 'ngo';

export interface DelegationRecord {
  id: string;
  meetingId: string;
  name: string;
  code: string;
  kind: DelegationKind;
}

export type ParticipantRole = Role;

export interface ParticipantRecord {
  meetingId: string;
  userId: string;
  delegationId: string;
  role: ParticipantRole;
  /** Bureau only: holds the pen. */
  hasPen: boolean;
  /** Facilitator only: the section ids (`sid`) assigned. */
  sections: string[];
}

export interface InvitationRecord {
  id: string;
  tokenHash: string;
  meetingId: string;
  delegationId: string;
  email: string;
  role: ParticipantRole;
  hasPen: boolean;
  sections: string[];
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

export interface ApiTokenRecord {
  id: string;
  tokenHash: string;
  userId: string;
  meetingId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One act that changed a meeting, a participant or a role; never changed or removed once written. */
export interface AuditEntry {
  id: number;
  meetingId: string;
  at: string;
  actorUserId: string | null;
  actorName: string;
  actorDelegation: string | null;
  /** e.g. `meeting.update`, `participant.role`, `invitation.accept` */
  action: string;
  /** What was acted on, in words: "Lucía Hernández (Mexico)". */
  target: string;
  /** The change itself, e.g. `{ from: 'delegation', to: 'observer' }`. */
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  meetingId: string;
  action?: string;
  actorUserId?: string;
  since?: string;
  until?: string;
  limit?: number;
}

export interface DocumentRecord {
  id: string;
  meetingId: string;
  title: string;
  createdAt: string;
}

export type RevisionStateValue = 'in_preparation' | 'circulated' | 'superseded' | 'under_silence' | 'adopted';

/** Who circulated a revision, as named when they did. */
export interface CirculatedBy {
  userId: string;
  userName: string;
  delegationId: string;
  delegationName: string;
}

/** How a revision went out; fixed at circulation (the store refuses to change it). */
export interface CirculationRecord {
  /** The date printed on it, `YYYY-MM-DD` at the venue. */
  dated: string;
  circulatedAt: string;
  circulatedBy: CirculatedBy;
  coverNote: string;
}

export interface RevisionRecord {
  id: string;
  documentId: string;
  name: string;
  state: RevisionStateValue;
  createdAt: string;
  /** The revision it was started from; null for a document's first. */
  basedOn: string | null;
  /** Whether the pending proposals of `basedOn` were carried into it; null for a document's first. */
  carriedForward: boolean | null;
  /** Null until it is circulated through Zerodraft (a first revision loaded as circulated has none). */
  circulation: CirculationRecord | null;
}

export type NewRevision = Pick<RevisionRecord, 'id' | 'documentId' | 'name' | 'state'>;

/** A delegation's confirmation that it received a circulated revision; one per delegation. */
export interface AcknowledgementRecord {
  revisionId: string;
  delegationId: string;
  userId: string;
  userName: string;
  at: string;
}

/** What circulating a revision found: done, with the revisions it superseded, or why not. */
export type CirculateOutcome =
  | { ok: true; revision: RevisionRecord; superseded: RevisionRecord[]; notifications: NotificationRecord[] }
  | { ok: false; refusal: 'not_in_preparation' | 'name_taken' }
  /** A revision of the document is under silence or adopted: nothing supersedes it. */
  | { ok: false; refusal: 'document_settled'; by: RevisionRecord };

/** A silence procedure, with the meeting it belongs to (for its audit entries). */
export interface SilenceRecord extends SilenceProcedure {
  meetingId: string;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

/**
 * A facilitator the Chair appointed to run the silence procedure on a document. It ends when
 * they stop being a Facilitator of the meeting or leave it: the store removes it with the change.
 */
export interface FacilitatorAppointmentRecord {
  documentId: string;
  meetingId: string;
  userId: string;
  /** Who appointed them, as named when they did. */
  appointedBy: { userId: string; userName: string; delegationId: string; delegationName: string };
  appointedAt: string;
}

/** What is stored of a revision's text: the last snapshot and every update appended after it. */
export interface StoredRevisionContent {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** One participant's notice of an act (shared/src/api/notifications.ts), as stored for them. */
export interface NewNotification {
  userId: string;
  meetingId: string;
  kind: NotificationKind;
  documentId: string | null;
  revisionId: string | null;
  revisionName: string | null;
  headline: string;
  message: string;
  /** What the words were made from (deadline, objection, proposal ids…), for programs. */
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface NotificationRecord extends NewNotification {
  /** Grows with every notification stored: newest first is highest first. */
  id: number;
  readAt: string | null;
}

/** Whose notifications: a user's, and only one meeting's for an API token, which is scoped to it. */
export interface NotificationScope {
  userId: string;
  meetingId?: string;
}

/**
 * A change that would leave a meeting with no Chair and no Secretariat, so nobody could manage
 * it any more. The store refuses it inside the change's own transaction, so two administrators
 * demoting each other at the same moment cannot both succeed.
 */
export class LastAdministratorError extends Error {
  constructor() {
    super('This would leave the meeting without a Chair or Secretariat to manage it.');
  }
}

/** An invitation accepted by someone who already takes part in its meeting: their place stays as it is. */
export class AlreadyParticipantError extends Error {
  constructor() {
    super('You already take part in this meeting; the Chair or the Secretariat changes your role on the roster.');
  }
}

/**
 * Folds a snapshot and the updates after it into one new snapshot. Supplied by the caller so
 * the store stays ignorant of Yjs.
 */
export type MergeUpdates = (parts: Uint8Array[]) => Uint8Array;

export interface Store {
  createUser(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  countUsers(): Promise<number>;

  createSession(session: Omit<SessionRecord, 'createdAt'>): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  listSessions(userId: string): Promise<SessionRecord[]>;
  deleteSession(tokenHash: string): Promise<void>;

  /** Creates a meeting and, in the same transaction, its founding delegation and participant. */
  createMeeting(
    meeting: Omit<MeetingRecord, 'createdAt' | 'silenceNoticeHours'> & { silenceNoticeHours?: number },
    founder?: { delegation: DelegationRecord; participant: ParticipantRecord },
  ): Promise<MeetingRecord>;
  findMeeting(id: string): Promise<MeetingRecord | undefined>;
  updateMeeting(id: string, changes: Partial<Omit<MeetingRecord, 'id' | 'createdAt'>>): Promise<MeetingRecord>;
  createDelegation(delegation: DelegationRecord): Promise<DelegationRecord>;
  findDelegation(id: string): Promise<DelegationRecord | undefined>;
  listDelegations(meetingId: string): Promise<DelegationRecord[]>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  findParticipant(meetingId: string, userId: string): Promise<ParticipantRecord | undefined>;
  listParticipants(meetingId: string): Promise<ParticipantRecord[]>;
  /** Throws `LastAdministratorError` (and changes nothing) if no Chair or Secretariat would remain. */
  updateParticipant(
    meetingId: string,
    userId: string,
    changes: Partial<Pick<ParticipantRecord, 'delegationId' | 'role' | 'hasPen' | 'sections'>>,
  ): Promise<ParticipantRecord>;
  /** Throws `LastAdministratorError` (and changes nothing) if it would remove the last Chair or Secretariat. */
  removeParticipant(meetingId: string, userId: string): Promise<void>;
  /** The user's place in each meeting they belong to. */
  listParticipations(userId: string): Promise<ParticipantRecord[]>;

  createInvitation(
    invitation: Omit<InvitationRecord, 'createdAt' | 'acceptedAt' | 'acceptedBy'>,
  ): Promise<InvitationRecord>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  listInvitations(meetingId: string): Promise<InvitationRecord[]>;
  /**
   * Marks the invitation used by `userId` and adds them as its participant, in one transaction;
   * false (and nothing changed) if it was already used or has expired by `now`. Throws
   * `AlreadyParticipantError` (and changes nothing) if they already take part in the meeting:
   * an invitation never overwrites a place set on the roster.
   */
  acceptInvitation(id: string, userId: string, now: string): Promise<boolean>;

  createApiToken(token: Omit<ApiTokenRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord>;
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  revokeApiToken(id: string, userId: string): Promise<boolean>;
  /** Records that the token was used at `at`, for its owner to see. */
  touchApiToken(id: string, at: string): Promise<void>;

  appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<AuditEntry>;
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;

  createDocument(document: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord>;
  findDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(meetingId: string): Promise<DocumentRecord[]>;
  createRevision(revision: NewRevision): Promise<RevisionRecord>;
  /**
   * Creates a document with its zero draft in preparation, the draft's first content and the
   * audit entry, in one transaction: a document never exists without its first revision. Null,
   * and nothing written, when the meeting already has a document of that title (any case).
   */
  createDocumentWithDraft(
    document: Omit<DocumentRecord, 'createdAt'>,
    revision: Pick<RevisionRecord, 'id' | 'name'>,
    content: Uint8Array,
    audit: AuditInput,
  ): Promise<{ document: DocumentRecord; revision: RevisionRecord } | null>;
  findRevision(id: string): Promise<RevisionRecord | undefined>;
  listRevisions(documentId: string): Promise<RevisionRecord[]>;
  /**
   * Creates a revision in preparation started from another, with its first content and the
   * audit entry, in one transaction; null, and nothing changed, when the document already has a
   * revision in preparation (one at a time, even for two Chairs racing).
   */
  startRevision(
    revision: Omit<NewRevision, 'state'> & { basedOn: string; carriedForward: boolean },
    content: Uint8Array,
    audit: AuditInput,
  ): Promise<RevisionRecord | null>;
  /**
   * Circulates a revision in preparation, in one transaction: it takes its name and
   * `circulation`, its text as it stands (merged by `merge`) is kept as circulated, every
   * circulated revision of the document becomes superseded, `audit` (given those) is written,
   * and so are the act's `notifications`, returned with their ids. Nothing changes when it is refused.
   */
  circulateRevision(
    revisionId: string,
    name: string,
    circulation: CirculationRecord,
    merge: MergeUpdates,
    audit: (superseded: RevisionRecord[]) => AuditInput,
    notifications?: readonly NewNotification[],
  ): Promise<CirculateOutcome>;
  /** The text as it was circulated, one Yjs update; null for a revision never circulated through Zerodraft. */
  loadCirculatedContent(revisionId: string): Promise<Uint8Array | null>;
  /**
   * Stores a delegation's receipt with its audit entry, in one transaction; when the
   * delegation has already confirmed, returns that first receipt and writes nothing.
   */
  acknowledge(
    acknowledgement: AcknowledgementRecord,
    audit: AuditInput,
  ): Promise<{ acknowledgement: AcknowledgementRecord; created: boolean }>;
  listAcknowledgements(revisionId: string): Promise<AcknowledgementRecord[]>;

  /**
   * Appends one Yjs update to a revision in its own committed transaction. Resolves only
   * once the update is durable: the caller applies and broadcasts it after that, never before.
   */
  appendUpdate(revisionId: string, update: Uint8Array): Promise<void>;
  /**
   * Appends a change the server made for an act (accepting a proposal, say) together with the
   * act's audit entries and the notifications it gives, in one committed transaction: the text
   * never changes without its record, and every recipient is told exactly once. Returns the
   * notifications with their ids, to hand to the open streams once committed.
   */
  appendUpdateWithAudit(
    revisionId: string,
    update: Uint8Array | null,
    entries: readonly (Omit<AuditEntry, 'id' | 'at'> & { at?: string })[],
    notifications?: readonly NewNotification[],
  ): Promise<NotificationRecord[]>;
  /**
   * Places a circulated revision under silence and stores the running procedure with its audit
   * entry and the act's notifications, in one transaction, returning the notifications with their
   * ids; null, and nothing changed, when the revision is not circulated (any more) — the
   * revision's state is the claim, so of two starts racing only one succeeds.
   */
  startSilence(
    procedure: SilenceRecord,
    audit: AuditInput,
    notifications?: readonly NewNotification[],
  ): Promise<NotificationRecord[] | null>;
  /**
   * Ends a running procedure as `ended` says (broken, withdrawn or adopted) and moves its
   * revision (back to circulated, or to adopted), with the audit entry and the act's
   * notifications, in one transaction, returning the notifications with their ids.
   * Conditional on the procedure still running and, as judged at `now`, its deadline not yet
   * passed for a break or a withdrawal and passed for an adoption: null, and nothing changed,
   * otherwise. So each procedure ends, and is told, exactly once, whatever instances or timers race.
   */
  endSilence(
    ended: SilenceRecord,
    now: string,
    audit: AuditInput,
    notifications?: readonly NewNotification[],
  ): Promise<NotificationRecord[] | null>;
  findRunningSilence(revisionId: string): Promise<SilenceRecord | undefined>;
  /** Every procedure of the revision, newest first. */
  listSilences(revisionId: string): Promise<SilenceRecord[]>;
  /** Running procedures whose deadline is at or before `now`. */
  listDueSilences(now: string): Promise<SilenceRecord[]>;

  /**
   * Stores the appointment with its audit entry, in one transaction; when the facilitator is
   * already appointed for the document, returns that appointment and writes nothing.
   */
  appointFacilitator(
    appointment: FacilitatorAppointmentRecord,
    audit: AuditInput,
  ): Promise<{ appointment: FacilitatorAppointmentRecord; created: boolean }>;
  /** Ends the appointment with its audit entry, in one transaction; false, and nothing written, when there was none. */
  removeFacilitatorAppointment(documentId: string, userId: string, audit: AuditInput): Promise<boolean>;
  findFacilitatorAppointment(documentId: string, userId: string): Promise<FacilitatorAppointmentRecord | undefined>;
  /** The document's appointments, oldest first. */
  listFacilitatorAppointments(documentId: string): Promise<FacilitatorAppointmentRecord[]>;

  loadRevisionContent(revisionId: string): Promise<StoredRevisionContent>;
  /**
   * Replaces the snapshot and the updates present when it starts with their merge, in one
   * transaction. Updates appended meanwhile stay in the log after the new snapshot.
   */
  compact(revisionId: string, merge: MergeUpdates): Promise<void>;

  /**
   * Stores notifications, for any number of recipients, in one transaction; returns them with
   * their ids, in order. An act's own notifications go with the act's method instead, in its transaction.
   */
  addNotifications(notifications: readonly NewNotification[]): Promise<NotificationRecord[]>;
  /** Newest first, older than `before` when given, at most `limit`; with how many of the scope's are unread. */
  listNotifications(
    scope: NotificationScope,
    page: { before?: number; limit: number },
  ): Promise<{ notifications: NotificationRecord[]; unread: number }>;
  /** Those after `afterId`, oldest first, at most `limit`: what a reconnecting stream missed. */
  listNotificationsAfter(scope: NotificationScope, afterId: number, limit: number): Promise<NotificationRecord[]>;
  countUnreadNotifications(scope: NotificationScope): Promise<number>;
  /**
   * Marks read, at `at`, the scope's unread notifications among `ids`, or every one up to and
   * including `upTo`; others' ids are passed over. Returns how many it marked.
   */
  markNotificationsRead(
    scope: NotificationScope,
    which: { ids: number[] } | { upTo: number },
    at: string,
  ): Promise<number>;

  close(): Promise<void>;
}
