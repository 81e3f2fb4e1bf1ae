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
  {
    version: 2,
    name: 'meeting dates, pens and sections, invitations, API tokens and the audit log',
    sql: `
      ALTER TABLE meetings ADD COLUMN starts_on TEXT;
      ALTER TABLE meetings ADD COLUMN ends_on TEXT;
      ALTER TABLE participants ADD COLUMN has_pen INTEGER NOT NULL DEFAULT 0 CHECK (has_pen IN (0, 1));
      CREATE TABLE participant_sections (
        meeting_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        PRIMARY KEY (meeting_id, user_id, section_id),
        FOREIGN KEY (meeting_id, user_id) REFERENCES participants(meeting_id, user_id) ON DELETE CASCADE
      );
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        delegation_id TEXT NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('chair', 'bureau', 'facilitator', 'secretariat', 'delegation', 'observer')),
        has_pen INTEGER NOT NULL DEFAULT 0 CHECK (has_pen IN (0, 1)),
        sections TEXT NOT NULL DEFAULT '[]',
        invited_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT REFERENCES users(id)
      );
      CREATE INDEX invitations_by_meeting ON invitations(meeting_id, created_at);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_tokens_by_user ON api_tokens(user_id, created_at);
      -- No foreign keys: an entry outlives whatever it names (DESIGN.md §4).
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_user_id TEXT,
        actor_name TEXT NOT NULL,
        actor_delegation TEXT,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_meeting ON audit_log(meeting_id, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'silence procedures, and revisions that no longer change',
    sql: `
      ALTER TABLE meetings ADD COLUMN silence_notice_hours INTEGER NOT NULL DEFAULT 24 CHECK (silence_notice_hours >= 0);
      CREATE TABLE silence_procedures (
        id TEXT PRIMARY KEY,
        revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'broken', 'withdrawn', 'adopted')),
        -- ISO 8601 UTC, always as toISOString() writes it, so text order is time order.
        deadline TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        ended_at TEXT,
        ended_by TEXT,
        objection TEXT
      );
      CREATE UNIQUE INDEX silence_one_running ON silence_procedures(revision_id) WHERE status = 'running';
      CREATE INDEX silence_running_by_deadline ON silence_procedures(deadline) WHERE status = 'running';
      CREATE INDEX silence_by_revision ON silence_procedures(revision_id, started_at);
      CREATE TRIGGER silence_ended_is_final BEFORE UPDATE ON silence_procedures WHEN OLD.status <> 'running'
        BEGIN SELECT RAISE(ABORT, 'a silence procedure that has ended does not change'); END;
      -- DESIGN.md §3, §4: whatever instance or code path writes, a frozen revision takes no update.
      CREATE TRIGGER revision_updates_frozen BEFORE INSERT ON revision_updates
        WHEN (SELECT state FROM revisions WHERE id = NEW.revision_id) IN ('superseded', 'under_silence', 'adopted')
        BEGIN SELECT RAISE(ABORT, 'the revision is superseded, under silence or adopted: its text does not change'); END;
      CREATE TRIGGER revision_final BEFORE UPDATE OF state ON revisions
        WHEN OLD.state IN ('superseded', 'adopted') AND NEW.state <> OLD.state
        BEGIN SELECT RAISE(ABORT, 'a superseded or adopted revision does not change state'); END;
    `,
  },
  {
    version: 4,
    name: 'revisions started from another, circulated with a cover note, and their acknowledgements',
    sql: `
      ALTER TABLE revisions ADD COLUMN based_on TEXT REFERENCES revisions(id);
      ALTER TABLE revisions ADD COLUMN carried_forward INTEGER CHECK (carried_forward IN (0, 1));
      -- The date printed on it, YYYY-MM-DD at the venue.
      ALTER TABLE revisions ADD COLUMN dated TEXT;
      ALTER TABLE revisions ADD COLUMN circulated_at TEXT;
      -- JSON: who circulated it, with their delegation, as named then.
      ALTER TABLE revisions ADD COLUMN circulated_by TEXT;
      ALTER TABLE revisions ADD COLUMN cover_note TEXT;
      -- The text as circulated, one Yjs update: what later revisions are compared with.
      ALTER TABLE revisions ADD COLUMN circulated_content BLOB;
      CREATE UNIQUE INDEX revisions_one_in_preparation ON revisions(document_id) WHERE state = 'in_preparation';
      CREATE INDEX revisions_by_origin ON revisions(based_on);
      -- DESIGN.md §4: circulated text is immutable, whatever instance or code path writes.
      CREATE TRIGGER revision_circulated_as_is BEFORE UPDATE ON revisions
        WHEN OLD.circulated_at IS NOT NULL AND (
          NEW.circulated_content IS NOT OLD.circulated_content OR NEW.circulated_at IS NOT OLD.circulated_at
          OR NEW.circulated_by IS NOT OLD.circulated_by OR NEW.cover_note IS NOT OLD.cover_note
          OR NEW.dated IS NOT OLD.dated OR NEW.name IS NOT OLD.name)
        BEGIN SELECT RAISE(ABORT, 'a circulated revision stays as it was circulated'); END;
      CREATE TABLE revision_acknowledgements (
        revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
        delegation_id TEXT NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (revision_id, delegation_id)
      );
      CREATE TRIGGER revision_acknowledgement_final BEFORE UPDATE ON revision_acknowledgements
        BEGIN SELECT RAISE(ABORT, 'a confirmation of receipt does not change'); END;
    `,
  },
  {
    version: 5,
    name: 'notifications, one row per recipient',
    sql: `
      -- No check on kind: a kind added later needs no rebuild of the table; the server writes only known ones.
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_id TEXT,
        revision_id TEXT,
        revision_name TEXT,
        headline TEXT NOT NULL,
        message TEXT NOT NULL,
        -- JSON: what the words were made from.
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX notifications_by_user ON notifications(user_id, id);
      CREATE INDEX notifications_unread_by_user ON notifications(user_id, id) WHERE read_at IS NULL;
    `,
  },
  {
    version: 6,
    name: 'facilitators appointed to run the silence procedure on a document',
    sql: `
      CREATE TABLE facilitator_appointments (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        -- JSON: who appointed them, with their delegation, as named then.
        appointed_by TEXT NOT NULL,
        appointed_at TEXT NOT NULL,
        PRIMARY KEY (document_id, user_id),
        -- Removed from the meeting, no longer appointed.
        FOREIGN KEY (meeting_id, user_id) REFERENCES participants(meeting_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX facilitator_appointments_by_participant ON facilitator_appointments(meeting_id, user_id);
      -- An appointment is a facilitator's: whatever code path changes the role, it ends with it.
      CREATE TRIGGER facilitator_appointments_end_with_role AFTER UPDATE OF role ON participants
        WHEN NEW.role <> 'facilitator'
        BEGIN DELETE FROM facilitator_appointments WHERE meeting_id = NEW.meeting_id AND user_id = NEW.user_id; END;
    `,
  },
  {
    version: 7,
    name: 'one document of a title per meeting',
    sql: `
      -- Two Chairs starting "Action plan" at once get one document, not two of the same name.
      -- Titles already taken twice keep the first; the others are told apart by their id.
      UPDATE documents SET title = title || ' (' || id || ')' WHERE rowid IN (
        SELECT rowid FROM (
          SELECT rowid, row_number() OVER (PARTITION BY meeting_id, lower(title) ORDER BY created_at, id) AS n
          FROM documents
        ) WHERE n > 1
      );
      CREATE UNIQUE INDEX documents_title_in_meeting ON documents(meeting_id, lower(title));
    `,
  },
];
