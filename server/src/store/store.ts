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
  createdAt: string;
}

export type DelegationKind = 'state' | 'observer_state' | 'organisation';

export interface DelegationRecord {
  id: string;
  meetingId: string;
  name: string;
  code: string;
  kind: DelegationKind;
}

export type ParticipantRole = 'chair' | 'bureau' | 'facilitator' | 'secretariat' | 'delegation' | 'observer';

export interface ParticipantRecord {
  meetingId: string;
  userId: string;
  delegationId: string;
  role: ParticipantRole;
}

export interface DocumentRecord {
  id: string;
  meetingId: string;
  title: string;
  createdAt: string;
}

export type RevisionStateValue = 'in_preparation' | 'circulated' | 'superseded' | 'under_silence' | 'adopted';

export interface RevisionRecord {
  id: string;
  documentId: string;
  name: string;
  state: RevisionStateValue;
  createdAt: string;
}

/** What is stored of a revision's text: the last snapshot and every update appended after it. */
export interface StoredRevisionContent {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
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
  deleteSession(tokenHash: string): Promise<void>;

  createMeeting(meeting: Omit<MeetingRecord, 'createdAt'>): Promise<MeetingRecord>;
  findMeeting(id: string): Promise<MeetingRecord | undefined>;
  createDelegation(delegation: DelegationRecord): Promise<DelegationRecord>;
  listDelegations(meetingId: string): Promise<DelegationRecord[]>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  /** The user's place in each meeting they belong to. */
  listParticipations(userId: string): Promise<ParticipantRecord[]>;

  createDocument(document: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord>;
  findDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(meetingId: string): Promise<DocumentRecord[]>;
  createRevision(revision: Omit<RevisionRecord, 'createdAt'>): Promise<RevisionRecord>;
  findRevision(id: string): Promise<RevisionRecord | undefined>;
  listRevisions(documentId: string): Promise<RevisionRecord[]>;

  /**
   * Appends one Yjs update to a revision in its own committed transaction. Resolves only
   * once the update is durable: the caller applies and broadcasts it after that, never before.
   */
  appendUpdate(revisionId: string, update: Uint8Array): Promise<void>;
  loadRevisionContent(revisionId: string): Promise<StoredRevisionContent>;
  /**
   * Replaces the snapshot and the updates present when it starts with their merge, in one
   * transaction. Updates appended meanwhile stay in the log after the new snapshot.
   */
  compact(revisionId: string, merge: MergeUpdates): Promise<void>;

  close(): Promise<void>;
}
