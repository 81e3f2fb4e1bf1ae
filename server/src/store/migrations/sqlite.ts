/**
 * The SQLite schema, as an ordered list of migrations. A migration is never edited once
 * released: change the schema by appending the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, meetings, documents and revision content',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        symbol TEXT NOT NULL,
        venue TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE delegations (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('state', 'observer_state', 'igo', 'ngo')),
        UNIQUE (meeting_id, code)
      );
      CREATE TABLE participants (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        delegation_id TEXT NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('chair', 'bureau', 'facilitator', 'secretariat', 'delegation', 'observer')),
        PRIMARY KEY (meeting_id, user_id)
      );
      CREATE INDEX participants_by_user ON participants(user_id);
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE revisions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_preparation', 'circulated', 'superseded', 'under_silence', 'adopted')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE revision_snapshots (
        revision_id TEXT PRIMARY KEY REFERENCES revisions(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        through_update INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE revision_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX revision_updates_in_order ON revision_updates(revision_id, id);
    `,
  },
];
