import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementResultingChanges, type StatementSync } from 'node:sqlite';
import { DEFAULT_SILENCE_NOTICE_HOURS } from '@zerodraft/shared/lifecycle/silence.ts';
import { type Migration, sqliteMigrations } from './migrations/sqlite.ts';
import type {
  AcknowledgementRecord,
  ApiTokenRecord,
  AuditEntry,
  AuditInput,
  AuditQuery,
  CirculateOutcome,
  CirculationRecord,
  DelegationRecord,
  DocumentRecord,
  FacilitatorAppointmentRecord,
  InvitationRecord,
  MeetingRecord,
  MergeUpdates,
  NewNotification,
  NewRevision,
  NotificationRecord,
  NotificationScope,
  ParticipantRecord,
  RevisionRecord,
  SessionRecord,
  SilenceRecord,
  Store,
  StoredRevisionContent,
  UserRecord,
} from './store.ts';
import { AlreadyParticipantError, LastAdministratorError } from './store.ts';

type Row = Record<string, SQLInputValue>;

export interface SqliteStoreOptions {
  /** Path of the database file; created with its folder if missing. */
  path: string;
  /**
   * `FULL` fsyncs every commit and survives power loss; `NORMAL` survives a crash of the
   * process (kill -9) but not of the machine. Default FULL: negotiators' words come first.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

const now = () => new Date().toISOString();

/** The embedded store: one SQLite file through Node's built-in `node:sqlite`, in WAL mode. */
export class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.path), { recursive: true });
    this.#db = new DatabaseSync(options.path);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = ${options.synchronous ?? 'FULL'};
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
    `);
    migrate(this.#db, sqliteMigrations);
  }

  async createUser(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord> {
    const record = { ...user, createdAt: now() };
    this.#run('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
      record.id,
      record.email,
      record.name,
      record.passwordHash,
      record.createdAt,
    ]);
    return record;
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return this.#one('SELECT * FROM users WHERE email = ?', [email], toUser);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    return this.#one('SELECT * FROM users WHERE id = ?', [id], toUser);
  }

  async countUsers(): Promise<number> {
    const row = this.#prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    return row.n;
  }

  async createSession(session: Omit<SessionRecord, 'createdAt'>): Promise<void> {
    this.#run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      session.tokenHash,
      session.userId,
      now(),
      session.expiresAt,
    ]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.#one('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash], toSession);
  }

  async listSessions(userId: string): Promise<SessionRecord[]> {
    return this.#all('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at, token_hash', [userId], toSession);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.#run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  async createMeeting(
    meeting: Omit<MeetingRecord, 'createdAt' | 'silenceNoticeHours'> & { silenceNoticeHours?: number },
    founder?: { delegation: DelegationRecord; participant: ParticipantRecord },
  ): Promise<MeetingRecord> {
    const record = {
      ...meeting,
      silenceNoticeHours: meeting.silenceNoticeHours ?? DEFAULT_SILENCE_NOTICE_HOURS,
      createdAt: now(),
    };
    return this.#transaction(() => {
      this.#insertMeeting(record);
      if (founder) {
        this.#insertDelegation(founder.delegation);
        this.#insertParticipant(founder.participant);
      }
      return record;
    });
  }

  #insertMeeting(record: MeetingRecord): void {
    this.#run(
      `INSERT INTO meetings (id, title, symbol, venue, time_zone, starts_on, ends_on, silence_notice_hours, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.title,
        record.symbol,
        record.venue,
        record.timeZone,
        record.startsOn,
        record.endsOn,
        record.silenceNoticeHours,
        record.createdAt,
      ],
    );
  }

  async findMeeting(id: string): Promise<MeetingRecord | undefined> {
    return this.#one('SELECT * FROM meetings WHERE id = ?', [id], toMeeting);
  }

  async updateMeeting(id: string, changes: Partial<Omit<MeetingRecord, 'id' | 'createdAt'>>): Promise<MeetingRecord> {
    return this.#transaction(() => {
      const current = this.#one('SELECT * FROM meetings WHERE id = ?', [id], toMeeting);
      if (!current) throw new Error(`No meeting ${id}`);
      const next = { ...current, ...definedOnly(changes) };
      this.#run(
        `UPDATE meetings SET title = ?, symbol = ?, venue = ?, time_zone = ?, starts_on = ?, ends_on = ?,
           silence_notice_hours = ? WHERE id = ?`,
        [next.title, next.symbol, next.venue, next.timeZone, next.startsOn, next.endsOn, next.silenceNoticeHours, id],
      );
      return next;
    });
  }

  async createDelegation(delegation: DelegationRecord): Promise<DelegationRecord> {
    this.#insertDelegation(delegation);
    return delegation;
  }

  #insertDelegation(delegation: DelegationRecord): void {
    this.#run('INSERT INTO delegations (id, meeting_id, name, code, kind) VALUES (?, ?, ?, ?, ?)', [
      delegation.id,
      delegation.meetingId,
      delegation.name,
      delegation.code,
      delegation.kind,
    ]);
  }

  async findDelegation(id: string): Promise<DelegationRecord | undefined> {
    return this.#one('SELECT * FROM delegations WHERE id = ?', [id], toDelegation);
  }

  async listDelegations(meetingId: string): Promise<DelegationRecord[]> {
    return this.#all('SELECT * FROM delegations WHERE meeting_id = ? ORDER BY name', [meetingId], toDelegation);
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.#insertParticipant(participant);
  }

  #insertParticipant(participant: ParticipantRecord): void {
    this.#transaction(() => {
      this.#run('INSERT INTO participants (meeting_id, user_id, delegation_id, role, has_pen) VALUES (?, ?, ?, ?, ?)', [
        participant.meetingId,
        participant.userId,
        participant.delegationId,
        participant.role,
        Number(participant.hasPen),
      ]);
      this.#replaceSections(participant.meetingId, participant.userId, participant.sections);
    });
  }

  async findParticipant(meetingId: string, userId: string): Promise<ParticipantRecord | undefined> {
    return this.#findParticipant(meetingId, userId);
  }

  async listParticipants(meetingId: string): Promise<ParticipantRecord[]> {
    return this.#all(`${SELECT_PARTICIPANTS} WHERE p.meeting_id = ? ORDER BY p.rowid`, [meetingId], toParticipant);
  }

  async updateParticipant(
    meetingId: string,
    userId: string,
    changes: Partial<Pick<ParticipantRecord, 'delegationId' | 'role' | 'hasPen' | 'sections'>>,
  ): Promise<ParticipantRecord> {
    return this.#transaction(() => {
      const current = this.#findParticipant(meetingId, userId);
      if (!current) throw new Error(`No participant ${userId} in meeting ${meetingId}`);
      const next = { ...current, ...definedOnly(changes) };
      this.#run(
        'UPDATE participants SET delegation_id = ?, role = ?, has_pen = ? WHERE meeting_id = ? AND user_id = ?',
        [next.delegationId, next.role, Number(next.hasPen), meetingId, userId],
      );
      if (changes.sections) this.#replaceSections(meetingId, userId, changes.sections);
      this.#keepAnAdministrator(meetingId);
      return next;
    });
  }

  async removeParticipant(meetingId: string, userId: string): Promise<void> {
    this.#transaction(() => {
      this.#run('DELETE FROM participants WHERE meeting_id = ? AND user_id = ?', [meetingId, userId]);
      this.#keepAnAdministrator(meetingId);
    });
  }

  /** Called inside a change's transaction: throwing rolls the change back. */
  #keepAnAdministrator(meetingId: string): void {
    const row = this.#prepare(
      `SELECT count(*) AS n FROM participants WHERE meeting_id = ? AND role IN ('chair', 'secretariat')`,
    ).get(meetingId) as { n: number };
    if (row.n === 0) throw new LastAdministratorError();
  }

  async listParticipations(userId: string): Promise<ParticipantRecord[]> {
    return this.#all(`${SELECT_PARTICIPANTS} WHERE p.user_id = ? ORDER BY p.meeting_id`, [userId], toParticipant);
  }

  async createInvitation(
    invitation: Omit<InvitationRecord, 'createdAt' | 'acceptedAt' | 'acceptedBy'>,
  ): Promise<InvitationRecord> {
    const record: InvitationRecord = { ...invitation, createdAt: now(), acceptedAt: null, acceptedBy: null };
    this.#run(
      `INSERT INTO invitations (id, token_hash, meeting_id, delegation_id, email, role, has_pen, sections, invited_by,
         created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.tokenHash,
        record.meetingId,
        record.delegationId,
        record.email,
        record.role,
        Number(record.hasPen),
        JSON.stringify(record.sections),
        record.invitedBy,
        record.createdAt,
        record.expiresAt,
      ],
    );
    return record;
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.#one('SELECT * FROM invitations WHERE token_hash = ?', [tokenHash], toInvitation);
  }

  async listInvitations(meetingId: string): Promise<InvitationRecord[]> {
    return this.#all(
      'SELECT * FROM invitations WHERE meeting_id = ? ORDER BY created_at, id',
      [meetingId],
      toInvitation,
    );
  }

  async acceptInvitation(id: string, userId: string, now: string): Promise<boolean> {
    // The conditional UPDATE is the claim: of two acceptances racing, only one changes a row.
    return this.#transaction(() => {
      const invitation = this.#one('SELECT * FROM invitations WHERE id = ?', [id], toInvitation);
      if (!invitation || invitation.acceptedAt !== null || invitation.expiresAt <= now) return false;
      if (this.#findParticipant(invitation.meetingId, userId)) throw new AlreadyParticipantError();
      const claimed = this.#run(
        `UPDATE invitations SET accepted_at = ?, accepted_by = ?
         WHERE id = ? AND accepted_at IS NULL AND expires_at > ?`,
        [now, userId, id, now],
      );
      if (claimed.changes !== 1) return false;
      this.#run('INSERT INTO participants (meeting_id, user_id, delegation_id, role, has_pen) VALUES (?, ?, ?, ?, ?)', [
        invitation.meetingId,
        userId,
        invitation.delegationId,
        invitation.role,
        Number(invitation.hasPen),
      ]);
      this.#replaceSections(invitation.meetingId, userId, invitation.sections);
      return true;
    });
  }

  async createApiToken(token: Omit<ApiTokenRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    const record: ApiTokenRecord = { ...token, createdAt: now(), lastUsedAt: null, revokedAt: null };
    this.#run(
      'INSERT INTO api_tokens (id, token_hash, user_id, meeting_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [record.id, record.tokenHash, record.userId, record.meetingId, record.name, record.createdAt],
    );
    return record;
  }

  async findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    return this.#one('SELECT * FROM api_tokens WHERE token_hash = ?', [tokenHash], toApiToken);
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    return this.#all('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at, id', [userId], toApiToken);
  }

  async revokeApiToken(id: string, userId: string): Promise<boolean> {
    const result = this.#run(
      'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
      [now(), id, userId],
    );
    return result.changes === 1;
  }

  async touchApiToken(id: string, at: string): Promise<void> {
    this.#run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
  }

  async appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<AuditEntry> {
    return this.#insertAudit(entry);
  }

  #insertAudit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): AuditEntry {
    const at = entry.at ?? now();
    const result = this.#run(
      `INSERT INTO audit_log (meeting_id, at, actor_user_id, actor_name, actor_delegation, action, target, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.meetingId,
        at,
        entry.actorUserId,
        entry.actorName,
        entry.actorDelegation,
        entry.action,
        entry.target,
        JSON.stringify(entry.detail),
      ],
    );
    return { ...entry, id: Number(result.lastInsertRowid), at };
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    const conditions = ['meeting_id = ?'];
    const params: SQLInputValue[] = [query.meetingId];
    const filter = (condition: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(condition);
      params.push(value);
    };
    filter('action = ?', query.action);
    filter('actor_user_id = ?', query.actorUserId);
    filter('at >= ?', query.since);
    filter('at < ?', query.until);
    params.push(query.limit ?? -1);
    // Dynamic SQL is not cached: the statement cache holds only fixed texts.
    const sql = `SELECT * FROM audit_log WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ?`;
    return (this.#db.prepare(sql).all(...params) as Row[]).map(toAuditEntry);
  }

  async createDocument(document: Omit<DocumentRecord, 'createdAt'>): Promise<DocumentRecord> {
    const record = { ...document, createdAt: now() };
    this.#run('INSERT INTO documents (id, meeting_id, title, created_at) VALUES (?, ?, ?, ?)', [
      record.id,
      record.meetingId,
      record.title,
      record.createdAt,
    ]);
    return record;
  }

  async createDocumentWithDraft(
    document: Omit<DocumentRecord, 'createdAt'>,
    revision: Pick<RevisionRecord, 'id' | 'name'>,
    content: Uint8Array,
    audit: AuditInput,
  ): Promise<{ document: DocumentRecord; revision: RevisionRecord } | null> {
    const createdAt = now();
    const title = document.title.toLocaleLowerCase();
    return this.#transaction(() => {
      // The index folds ASCII only; "ÉTAT" and "état" are one title too. The transaction is
      // IMMEDIATE, so this read and the insert are one step for every instance.
      const titles = this.#all('SELECT title FROM documents WHERE meeting_id = ?', [document.meetingId], (r) =>
        String(r.title).toLocaleLowerCase(),
      );
      if (titles.includes(title)) return null;
      const inserted = this.#run(
        `INSERT INTO documents (id, meeting_id, title, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, lower(title)) DO NOTHING`,
        [document.id, document.meetingId, document.title, createdAt],
      );
      if (inserted.changes !== 1) return null;
      this.#run(
        "INSERT INTO revisions (id, document_id, name, state, created_at) VALUES (?, ?, ?, 'in_preparation', ?)",
        [revision.id, document.id, revision.name, createdAt],
      );
      this.#run('INSERT INTO revision_updates (revision_id, data, created_at) VALUES (?, ?, ?)', [
        revision.id,
        content,
        createdAt,
      ]);
      this.#insertAudit(audit);
      return {
        document: { ...document, createdAt },
        revision: {
          id: revision.id,
          documentId: document.id,
          name: revision.name,
          state: 'in_preparation',
          createdAt,
          basedOn: null,
          carriedForward: null,
          circulation: null,
        },
      };
    });
  }

  async findDocument(id: string): Promise<DocumentRecord | undefined> {
    return this.#one('SELECT * FROM documents WHERE id = ?', [id], toDocument);
  }

  async listDocuments(meetingId: string): Promise<DocumentRecord[]> {
    return this.#all('SELECT * FROM documents WHERE meeting_id = ? ORDER BY created_at, id', [meetingId], toDocument);
  }

  async createRevision(revision: NewRevision): Promise<RevisionRecord> {
    const record: RevisionRecord = {
      ...revision,
      createdAt: now(),
      basedOn: null,
      carriedForward: null,
      circulation: null,
    };
    this.#run('INSERT INTO revisions (id, document_id, name, state, created_at) VALUES (?, ?, ?, ?, ?)', [
      record.id,
      record.documentId,
      record.name,
      record.state,
      record.createdAt,
    ]);
    return record;
  }

  async findRevision(id: string): Promise<RevisionRecord | undefined> {
    return this.#findRevision(id);
  }

  #findRevision(id: string): RevisionRecord | undefined {
    return this.#one(`${SELECT_REVISIONS} WHERE id = ?`, [id], toRevision);
  }

  async listRevisions(documentId: string): Promise<RevisionRecord[]> {
    return this.#listRevisions(documentId);
  }

  #listRevisions(documentId: string): RevisionRecord[] {
    return this.#all(`${SELECT_REVISIONS} WHERE document_id = ? ORDER BY created_at, rowid`, [documentId], toRevision);
  }

  async startRevision(
    revision: Omit<NewRevision, 'state'> & { basedOn: string; carriedForward: boolean },
    content: Uint8Array,
    audit: AuditInput,
  ): Promise<RevisionRecord | null> {
    const record: RevisionRecord = { ...revision, state: 'in_preparation', createdAt: now(), circulation: null };
    return this.#transaction(() => {
      // The partial unique index is the claim: of two starts racing, only one inserts a row.
      const inserted = this.#run(
        `INSERT INTO revisions (id, document_id, name, state, created_at, based_on, carried_forward)
         VALUES (?, ?, ?, 'in_preparation', ?, ?, ?)
         ON CONFLICT (document_id) WHERE state = 'in_preparation' DO NOTHING`,
        [
          record.id,
          record.documentId,
          record.name,
          record.createdAt,
          revision.basedOn,
          Number(revision.carriedForward),
        ],
      );
      if (inserted.changes !== 1) return null;
      this.#run('INSERT INTO revision_updates (revision_id, data, created_at) VALUES (?, ?, ?)', [
        record.id,
        content,
        record.createdAt,
      ]);
      this.#insertAudit(audit);
      return record;
    });
  }

  async circulateRevision(
    revisionId: string,
    name: string,
    circulation: CirculationRecord,
    merge: MergeUpdates,
    audit: (superseded: RevisionRecord[]) => AuditInput,
    notifications: readonly NewNotification[] = [],
  ): Promise<CirculateOutcome> {
    return this.#transaction((): CirculateOutcome => {
      const revision = this.#findRevision(revisionId);
      if (revision?.state !== 'in_preparation') return { ok: false, refusal: 'not_in_preparation' };
      const others = this.#listRevisions(revision.documentId).filter((r) => r.id !== revisionId);
      const settled = others.find((r) => r.state === 'under_silence' || r.state === 'adopted');
      if (settled) return { ok: false, refusal: 'document_settled', by: settled };
      const wanted = name.trim().toLowerCase();
      if (others.some((r) => r.name.trim().toLowerCase() === wanted)) return { ok: false, refusal: 'name_taken' };
      const superseded = others.filter((r) => r.state === 'circulated');
      this.#run("UPDATE revisions SET state = 'superseded' WHERE document_id = ? AND state = 'circulated'", [
        revision.documentId,
      ]);
      const { snapshot, updates } = this.#readContent(revisionId);
      const asCirculated = merge(snapshot ? [snapshot, ...updates] : updates);
      const moved = this.#run(
        `UPDATE revisions SET state = 'circulated', name = ?, dated = ?, circulated_at = ?, circulated_by = ?,
           cover_note = ?, circulated_content = ?
         WHERE id = ? AND state = 'in_preparation'`,
        [
          name,
          circulation.dated,
          circulation.circulatedAt,
          JSON.stringify(circulation.circulatedBy),
          circulation.coverNote,
          asCirculated,
          revisionId,
        ],
      );
      if (moved.changes !== 1) throw new Error(`Revision ${revisionId} was not in preparation`);
      const supersededNow = superseded.map((r) => ({ ...r, state: 'superseded' as const }));
      this.#insertAudit(audit(supersededNow));
      return {
        ok: true,
        revision: { ...revision, name, state: 'circulated', circulation },
        superseded: supersededNow,
        notifications: this.#insertNotifications(notifications),
      };
    });
  }

  async loadCirculatedContent(revisionId: string): Promise<Uint8Array | null> {
    const row = this.#prepare('SELECT circulated_content FROM revisions WHERE id = ?').get(revisionId) as
      | { circulated_content: Uint8Array | null }
      | undefined;
    return row?.circulated_content ?? null;
  }

  async acknowledge(
    acknowledgement: AcknowledgementRecord,
    audit: AuditInput,
  ): Promise<{ acknowledgement: AcknowledgementRecord; created: boolean }> {
    return this.#transaction(() => {
      const inserted = this.#run(
        `INSERT INTO revision_acknowledgements (revision_id, delegation_id, user_id, user_name, at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (revision_id, delegation_id) DO NOTHING`,
        [
          acknowledgement.revisionId,
          acknowledgement.delegationId,
          acknowledgement.userId,
          acknowledgement.userName,
          acknowledgement.at,
        ],
      );
      if (inserted.changes === 1) {
        this.#insertAudit(audit);
        return { acknowledgement, created: true };
      }
      const first = this.#one(
        'SELECT * FROM revision_acknowledgements WHERE revision_id = ? AND delegation_id = ?',
        [acknowledgement.revisionId, acknowledgement.delegationId],
        toAcknowledgement,
      );
      if (!first) throw new Error(`No acknowledgement of revision ${acknowledgement.revisionId} was stored`);
      return { acknowledgement: first, created: false };
    });
  }

  async listAcknowledgements(revisionId: string): Promise<AcknowledgementRecord[]> {
    return this.#all(
      'SELECT * FROM revision_acknowledgements WHERE revision_id = ? ORDER BY at, rowid',
      [revisionId],
      toAcknowledgement,
    );
  }

  async appendUpdate(revisionId: string, update: Uint8Array): Promise<void> {
    // Autocommit: the statement's own transaction is committed (and, with synchronous=FULL,
    // fsynced) before run() returns.
    this.#run('INSERT INTO revision_updates (revision_id, data, created_at) VALUES (?, ?, ?)', [
      revisionId,
      update,
      now(),
    ]);
  }

  async appendUpdateWithAudit(
    revisionId: string,
    update: Uint8Array | null,
    entries: readonly (Omit<AuditEntry, 'id' | 'at'> & { at?: string })[],
    notifications: readonly NewNotification[] = [],
  ): Promise<NotificationRecord[]> {
    return this.#transaction(() => {
      if (update) {
        this.#run('INSERT INTO revision_updates (revision_id, data, created_at) VALUES (?, ?, ?)', [
          revisionId,
          update,
          now(),
        ]);
      }
      for (const entry of entries) this.#insertAudit(entry);
      return this.#insertNotifications(notifications);
    });
  }

  async startSilence(
    procedure: SilenceRecord,
    audit: Omit<AuditEntry, 'id' | 'at'> & { at?: string },
    notifications: readonly NewNotification[] = [],
  ): Promise<NotificationRecord[] | null> {
    return this.#transaction(() => {
      const claimed = this.#run("UPDATE revisions SET state = 'under_silence' WHERE id = ? AND state = 'circulated'", [
        procedure.revisionId,
      ]);
      if (claimed.changes !== 1) return null;
      this.#run(
        `INSERT INTO silence_procedures (id, revision_id, meeting_id, status, deadline, time_zone, started_at, started_by)
         VALUES (?, ?, ?, 'running', ?, ?, ?, ?)`,
        [
          procedure.id,
          procedure.revisionId,
          procedure.meetingId,
          procedure.deadline,
          procedure.timeZone,
          procedure.startedAt,
          JSON.stringify(procedure.startedBy),
        ],
      );
      this.#insertAudit(audit);
      return this.#insertNotifications(notifications);
    });
  }

  async endSilence(
    ended: SilenceRecord,
    at: string,
    audit: Omit<AuditEntry, 'id' | 'at'> & { at?: string },
    notifications: readonly NewNotification[] = [],
  ): Promise<NotificationRecord[] | null> {
    if (ended.status === 'running') throw new Error('A silence procedure ends as broken, withdrawn or adopted');
    const adopted = ended.status === 'adopted';
    return this.#transaction(() => {
      // The conditions are the claim: of a break and an adoption racing, only one changes a row.
      const claimed = this.#run(
        `UPDATE silence_procedures SET status = ?, ended_at = ?, ended_by = ?, objection = ?
         WHERE id = ? AND status = 'running' AND ${adopted ? 'deadline <= ?' : 'deadline > ?'}`,
        [
          ended.status,
          ended.endedAt,
          ended.endedBy ? JSON.stringify(ended.endedBy) : null,
          ended.objection,
          ended.id,
          at,
        ],
      );
      if (claimed.changes !== 1) return null;
      const moved = this.#run("UPDATE revisions SET state = ? WHERE id = ? AND state = 'under_silence'", [
        adopted ? 'adopted' : 'circulated',
        ended.revisionId,
      ]);
      if (moved.changes !== 1) throw new Error(`Revision ${ended.revisionId} was not under silence`);
      this.#insertAudit(audit);
      return this.#insertNotifications(notifications);
    });
  }

  async findRunningSilence(revisionId: string): Promise<SilenceRecord | undefined> {
    return this.#one(
      "SELECT * FROM silence_procedures WHERE revision_id = ? AND status = 'running'",
      [revisionId],
      toSilence,
    );
  }

  async listSilences(revisionId: string): Promise<SilenceRecord[]> {
    return this.#all(
      'SELECT * FROM silence_procedures WHERE revision_id = ? ORDER BY started_at DESC, rowid DESC',
      [revisionId],
      toSilence,
    );
  }

  async listDueSilences(at: string): Promise<SilenceRecord[]> {
    return this.#all(
      "SELECT * FROM silence_procedures WHERE status = 'running' AND deadline <= ? ORDER BY deadline",
      [at],
      toSilence,
    );
  }

  async appointFacilitator(
    appointment: FacilitatorAppointmentRecord,
    audit: AuditInput,
  ): Promise<{ appointment: FacilitatorAppointmentRecord; created: boolean }> {
    return this.#transaction(() => {
      const inserted = this.#run(
        `INSERT INTO facilitator_appointments (document_id, meeting_id, user_id, appointed_by, appointed_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id, user_id) DO NOTHING`,
        [
          appointment.documentId,
          appointment.meetingId,
          appointment.userId,
          JSON.stringify(appointment.appointedBy),
          appointment.appointedAt,
        ],
      );
      if (inserted.changes === 1) {
        this.#insertAudit(audit);
        return { appointment, created: true };
      }
      const standing = this.#one(
        'SELECT * FROM facilitator_appointments WHERE document_id = ? AND user_id = ?',
        [appointment.documentId, appointment.userId],
        toAppointment,
      );
      if (!standing) throw new Error(`No appointment of ${appointment.userId} was stored`);
      return { appointment: standing, created: false };
    });
  }

  async removeFacilitatorAppointment(documentId: string, userId: string, audit: AuditInput): Promise<boolean> {
    return this.#transaction(() => {
      const removed = this.#run('DELETE FROM facilitator_appointments WHERE document_id = ? AND user_id = ?', [
        documentId,
        userId,
      ]);
      if (removed.changes !== 1) return false;
      this.#insertAudit(audit);
      return true;
    });
  }

  async findFacilitatorAppointment(
    documentId: string,
    userId: string,
  ): Promise<FacilitatorAppointmentRecord | undefined> {
    return this.#one(
      'SELECT * FROM facilitator_appointments WHERE document_id = ? AND user_id = ?',
      [documentId, userId],
      toAppointment,
    );
  }

  async listFacilitatorAppointments(documentId: string): Promise<FacilitatorAppointmentRecord[]> {
    return this.#all(
      'SELECT * FROM facilitator_appointments WHERE document_id = ? ORDER BY appointed_at, rowid',
      [documentId],
      toAppointment,
    );
  }

  async loadRevisionContent(revisionId: string): Promise<StoredRevisionContent> {
    return this.#transaction(() => this.#readContent(revisionId));
  }

  async compact(revisionId: string, merge: MergeUpdates): Promise<void> {
    this.#transaction(() => {
      const content = this.#readContent(revisionId);
      if (content.updates.length === 0) return;
      const parts = content.snapshot ? [content.snapshot, ...content.updates] : content.updates;
      const merged = merge(parts);
      this.#run(
        `INSERT INTO revision_snapshots (revision_id, data, through_update, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (revision_id) DO UPDATE SET data = excluded.data, through_update = excluded.through_update,
           created_at = excluded.created_at`,
        [revisionId, merged, content.lastUpdateId, now()],
      );
      this.#run('DELETE FROM revision_updates WHERE revision_id = ? AND id <= ?', [revisionId, content.lastUpdateId]);
    });
  }

  async addNotifications(notifications: readonly NewNotification[]): Promise<NotificationRecord[]> {
    return this.#transaction(() => this.#insertNotifications(notifications));
  }

  /**
   * Called inside an act's transaction: a notification that cannot be stored rolls the act back.
   * The recipients were chosen before it; one removed from the meeting since is not told.
   */
  #insertNotifications(notifications: readonly NewNotification[]): NotificationRecord[] {
    return notifications.flatMap((n) => {
      const result = this.#run(
        `INSERT INTO notifications (user_id, meeting_id, kind, document_id, revision_id, revision_name, headline,
           message, detail, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         WHERE EXISTS (SELECT 1 FROM participants WHERE meeting_id = ? AND user_id = ?)`,
        [
          n.userId,
          n.meetingId,
          n.kind,
          n.documentId,
          n.revisionId,
          n.revisionName,
          n.headline,
          n.message,
          JSON.stringify(n.detail),
          n.createdAt,
          n.meetingId,
          n.userId,
        ],
      );
      return result.changes === 1 ? [{ ...n, id: Number(result.lastInsertRowid), readAt: null }] : [];
    });
  }

  async listNotifications(
    scope: NotificationScope,
    page: { before?: number; limit: number },
  ): Promise<{ notifications: NotificationRecord[]; unread: number }> {
    // One read transaction: the count and the page agree.
    return this.#transaction(() => ({
      notifications: this.#all(
        `SELECT * FROM notifications WHERE user_id = ? AND (? IS NULL OR meeting_id = ?) AND id < ?
         ORDER BY id DESC LIMIT ?`,
        [
          scope.userId,
          scope.meetingId ?? null,
          scope.meetingId ?? null,
          page.before ?? Number.MAX_SAFE_INTEGER,
          page.limit,
        ],
        toNotification,
      ),
      unread: this.#countUnread(scope),
    }));
  }

  async listNotificationsAfter(
    scope: NotificationScope,
    afterId: number,
    limit: number,
  ): Promise<NotificationRecord[]> {
    return this.#all(
      `SELECT * FROM notifications WHERE user_id = ? AND (? IS NULL OR meeting_id = ?) AND id > ?
       ORDER BY id LIMIT ?`,
      [scope.userId, scope.meetingId ?? null, scope.meetingId ?? null, afterId, limit],
      toNotification,
    );
  }

  async countUnreadNotifications(scope: NotificationScope): Promise<number> {
    return this.#countUnread(scope);
  }

  #countUnread(scope: NotificationScope): number {
    const row = this.#prepare(
      `SELECT count(*) AS n FROM notifications
       WHERE user_id = ? AND read_at IS NULL AND (? IS NULL OR meeting_id = ?)`,
    ).get(scope.userId, scope.meetingId ?? null, scope.meetingId ?? null) as { n: number };
    return row.n;
  }

  async markNotificationsRead(
    scope: NotificationScope,
    which: { ids: number[] } | { upTo: number },
    at: string,
  ): Promise<number> {
    const inScope = 'user_id = ? AND read_at IS NULL AND (? IS NULL OR meeting_id = ?)';
    const params = [at, scope.userId, scope.meetingId ?? null, scope.meetingId ?? null];
    if ('upTo' in which) {
      const sql = `UPDATE notifications SET read_at = ? WHERE ${inScope} AND id <= ?`;
      return Number(this.#run(sql, [...params, which.upTo]).changes);
    }
    // Dynamic SQL is not cached: the statement cache holds only fixed texts.
    const placeholders = which.ids.map(() => '?').join(', ');
    const sql = `UPDATE notifications SET read_at = ? WHERE ${inScope} AND id IN (${placeholders})`;
    return Number(this.#db.prepare(sql).run(...params, ...which.ids).changes);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  #readContent(revisionId: string): StoredRevisionContent & { lastUpdateId: number } {
    const snapshotRow = this.#prepare('SELECT data, through_update FROM revision_snapshots WHERE revision_id = ?').get(
      revisionId,
    ) as { data: Uint8Array; through_update: number } | undefined;
    const after = snapshotRow?.through_update ?? 0;
    const rows = this.#prepare(
      'SELECT id, data FROM revision_updates WHERE revision_id = ? AND id > ? ORDER BY id',
    ).all(revisionId, after) as { id: number; data: Uint8Array }[];
    return {
      snapshot: snapshotRow?.data ?? null,
      updates: rows.map((r) => r.data),
      lastUpdateId: rows.at(-1)?.id ?? after,
    };
  }

  #findParticipant(meetingId: string, userId: string): ParticipantRecord | undefined {
    return this.#one(
      `${SELECT_PARTICIPANTS} WHERE p.meeting_id = ? AND p.user_id = ?`,
      [meetingId, userId],
      toParticipant,
    );
  }

  #replaceSections(meetingId: string, userId: string, sections: readonly string[]): void {
    this.#run('DELETE FROM participant_sections WHERE meeting_id = ? AND user_id = ?', [meetingId, userId]);
    for (const sectionId of sections) {
      this.#run('INSERT OR IGNORE INTO participant_sections (meeting_id, user_id, section_id) VALUES (?, ?, ?)', [
        meetingId,
        userId,
        sectionId,
      ]);
    }
  }

  #transaction<T>(work: () => T): T {
    // Nested calls join the transaction already open, so composite writes stay one unit.
    if (this.#db.isTransaction) return work();
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run(sql: string, params: SQLInputValue[]): StatementResultingChanges {
    return this.#prepare(sql).run(...params);
  }

  #one<T>(sql: string, params: SQLInputValue[], map: (row: Row) => T): T | undefined {
    const row = this.#prepare(sql).get(...params) as Row | undefined;
    return row ? map(row) : undefined;
  }

  #all<T>(sql: string, params: SQLInputValue[], map: (row: Row) => T): T[] {
    return (this.#prepare(sql).all(...params) as Row[]).map(map);
  }
}

function migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Leaves out keys given as `undefined`, so a partial update keeps the current value. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const nullableString = (value: SQLInputValue | undefined) => (value == null ? null : String(value));

/** Participants with their sections, in the order they were assigned. */
const SELECT_PARTICIPANTS = `
  SELECT p.*, (
    SELECT json_group_array(section_id) FROM (
      SELECT section_id FROM participant_sections s
      WHERE s.meeting_id = p.meeting_id AND s.user_id = p.user_id ORDER BY s.rowid)
  ) AS sections
  FROM participants p`;

const toUser = (r: Row): UserRecord => ({
  id: String(r.id),
  email: String(r.email),
  name: String(r.name),
  passwordHash: String(r.password_hash),
  createdAt: String(r.created_at),
});

const toMeeting = (r: Row): MeetingRecord => ({
  id: String(r.id),
  title: String(r.title),
  symbol: String(r.symbol),
  venue: String(r.venue),
  timeZone: String(r.time_zone),
  startsOn: nullableString(r.starts_on),
  endsOn: nullableString(r.ends_on),
  silenceNoticeHours: Number(r.silence_notice_hours),
  createdAt: String(r.created_at),
});

const toSilence = (r: Row): SilenceRecord => ({
  id: String(r.id),
  revisionId: String(r.revision_id),
  meetingId: String(r.meeting_id),
  status: String(r.status) as SilenceRecord['status'],
  deadline: String(r.deadline),
  timeZone: String(r.time_zone),
  startedAt: String(r.started_at),
  startedBy: JSON.parse(String(r.started_by)) as SilenceRecord['startedBy'],
  endedAt: nullableString(r.ended_at),
  endedBy: r.ended_by == null ? null : (JSON.parse(String(r.ended_by)) as SilenceRecord['startedBy']),
  objection: nullableString(r.objection),
});

const toNotification = (r: Row): NotificationRecord => ({
  id: Number(r.id),
  userId: String(r.user_id),
  meetingId: String(r.meeting_id),
  kind: String(r.kind) as NotificationRecord['kind'],
  documentId: nullableString(r.document_id),
  revisionId: nullableString(r.revision_id),
  revisionName: nullableString(r.revision_name),
  headline: String(r.headline),
  message: String(r.message),
  detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
  createdAt: String(r.created_at),
  readAt: nullableString(r.read_at),
});

const toSession = (r: Row): SessionRecord => ({
  tokenHash: String(r.token_hash),
  userId: String(r.user_id),
  createdAt: String(r.created_at),
  expiresAt: String(r.expires_at),
});

const toParticipant = (r: Row): ParticipantRecord => ({
  meetingId: String(r.meeting_id),
  userId: String(r.user_id),
  delegationId: String(r.delegation_id),
  role: String(r.role) as ParticipantRecord['role'],
  hasPen: r.has_pen === 1,
  sections: JSON.parse(String(r.sections)) as string[],
});

const toInvitation = (r: Row): InvitationRecord => ({
  id: String(r.id),
  tokenHash: String(r.token_hash),
  meetingId: String(r.meeting_id),
  delegationId: String(r.delegation_id),
  email: String(r.email),
  role: String(r.role) as InvitationRecord['role'],
  hasPen: r.has_pen === 1,
  sections: JSON.parse(String(r.sections)) as string[],
  invitedBy: String(r.invited_by),
  createdAt: String(r.created_at),
  expiresAt: String(r.expires_at),
  acceptedAt: nullableString(r.accepted_at),
  acceptedBy: nullableString(r.accepted_by),
});

const toApiToken = (r: Row): ApiTokenRecord => ({
  id: String(r.id),
  tokenHash: String(r.token_hash),
  userId: String(r.user_id),
  meetingId: String(r.meeting_id),
  name: String(r.name),
  createdAt: String(r.created_at),
  lastUsedAt: nullableString(r.last_used_at),
  revokedAt: nullableString(r.revoked_at),
});

const toAuditEntry = (r: Row): AuditEntry => ({
  id: Number(r.id),
  meetingId: String(r.meeting_id),
  at: String(r.at),
  actorUserId: nullableString(r.actor_user_id),
  actorName: String(r.actor_name),
  actorDelegation: nullableString(r.actor_delegation),
  action: String(r.action),
  target: String(r.target),
  detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
});

const toDelegation = (r: Row): DelegationRecord => ({
  id: String(r.id),
  meetingId: String(r.meeting_id),
  name: String(r.name),
  code: String(r.code),
  kind: String(r.kind) as DelegationRecord['kind'],
});

const toDocument = (r: Row): DocumentRecord => ({
  id: String(r.id),
  meetingId: String(r.meeting_id),
  title: String(r.title),
  createdAt: String(r.created_at),
});

/** Every column but the text as circulated, which only `loadCirculatedContent` reads. */
const SELECT_REVISIONS = `
  SELECT id, document_id, name, state, created_at, based_on, carried_forward, dated, circulated_at, circulated_by,
    cover_note
  FROM revisions`;

const toRevision = (r: Row): RevisionRecord => ({
  id: String(r.id),
  documentId: String(r.document_id),
  name: String(r.name),
  state: String(r.state) as RevisionRecord['state'],
  createdAt: String(r.created_at),
  basedOn: nullableString(r.based_on),
  carriedForward: r.carried_forward == null ? null : r.carried_forward === 1,
  circulation:
    r.circulated_at == null
      ? null
      : {
          dated: String(r.dated),
          circulatedAt: String(r.circulated_at),
          circulatedBy: JSON.parse(String(r.circulated_by)) as CirculationRecord['circulatedBy'],
          coverNote: String(r.cover_note),
        },
});

const toAppointment = (r: Row): FacilitatorAppointmentRecord => ({
  documentId: String(r.document_id),
  meetingId: String(r.meeting_id),
  userId: String(r.user_id),
  appointedBy: JSON.parse(String(r.appointed_by)) as FacilitatorAppointmentRecord['appointedBy'],
  appointedAt: String(r.appointed_at),
});

const toAcknowledgement = (r: Row): AcknowledgementRecord => ({
  revisionId: String(r.revision_id),
  delegationId: String(r.delegation_id),
  userId: String(r.user_id),
  userName: String(r.user_name),
  at: String(r.at),
});
