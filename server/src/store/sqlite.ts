import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { type Migration, sqliteMigrations } from './migrations/sqlite.ts';
import type {
  DelegationRecord,
  DocumentRecord,
  MeetingRecord,
  MergeUpdates,
  ParticipantRecord,
  RevisionRecord,
  SessionRecord,
  Store,
  StoredRevisionContent,
  UserRecord,
} from './store.ts';

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
    return this.#one('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash], (r) => ({
      tokenHash: String(r.token_hash),
      userId: String(r.user_id),
      createdAt: String(r.created_at),
      expiresAt: String(r.expires_at),
    }));
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.#run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  async createMeeting(meeting: Omit<MeetingRecord, 'createdAt'>): Promise<MeetingRecord> {
    const record = { ...meeting, createdAt: now() };
    this.#run('INSERT INTO meetings (id, title, symbol, venue, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      record.id,
      record.title,
      record.symbol,
      record.venue,
      record.timeZone,
      record.createdAt,
    ]);
    return record;
  }

  async findMeeting(id: string): Promise<MeetingRecord | undefined> {
    return this.#one('SELECT * FROM meetings WHERE id = ?', [id], toMeeting);
  }

  async createDelegation(delegation: DelegationRecord): Promise<DelegationRecord> {
    this.#run('INSERT INTO delegations (id, meeting_id, name, code, kind) VALUES (?, ?, ?, ?, ?)', [
      delegation.id,
      delegation.meetingId,
      delegation.name,
      delegation.code,
      delegation.kind,
    ]);
    return delegation;
  }

  async listDelegations(meetingId: string): Promise<DelegationRecord[]> {
    return this.#all('SELECT * FROM delegations WHERE meeting_id = ? ORDER BY name', [meetingId], toDelegation);
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.#run('INSERT INTO participants (meeting_id, user_id, delegation_id, role) VALUES (?, ?, ?, ?)', [
      participant.meetingId,
      participant.userId,
      participant.delegationId,
      participant.role,
    ]);
  }

  async listParticipations(userId: string): Promise<ParticipantRecord[]> {
    return this.#all('SELECT * FROM participants WHERE user_id = ? ORDER BY meeting_id', [userId], (r) => ({
      meetingId: String(r.meeting_id),
      userId: String(r.user_id),
      delegationId: String(r.delegation_id),
      role: String(r.role) as ParticipantRecord['role'],
    }));
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

  async findDocument(id: string): Promise<DocumentRecord | undefined> {
    return this.#one('SELECT * FROM documents WHERE id = ?', [id], toDocument);
  }

  async listDocuments(meetingId: string): Promise<DocumentRecord[]> {
    return this.#all('SELECT * FROM documents WHERE meeting_id = ? ORDER BY created_at, id', [meetingId], toDocument);
  }

  async createRevision(revision: Omit<RevisionRecord, 'createdAt'>): Promise<RevisionRecord> {
    const record = { ...revision, createdAt: now() };
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
    return this.#one('SELECT * FROM revisions WHERE id = ?', [id], toRevision);
  }

  async listRevisions(documentId: string): Promise<RevisionRecord[]> {
    return this.#all('SELECT * FROM revisions WHERE document_id = ? ORDER BY created_at, id', [documentId], toRevision);
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

  #transaction<T>(work: () => T): T {
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

  #run(sql: string, params: SQLInputValue[]): void {
    this.#prepare(sql).run(...params);
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
  createdAt: String(r.created_at),
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

const toRevision = (r: Row): RevisionRecord => ({
  id: String(r.id),
  documentId: String(r.document_id),
  name: String(r.name),
  state: String(r.state) as RevisionRecord['state'],
  createdAt: String(r.created_at),
});
