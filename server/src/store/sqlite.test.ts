import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUpdates } from '../collab/room.ts';
import { sqliteMigrations } from './migrations/sqlite.ts';
import { SqliteStore } from './sqlite.ts';
import { AlreadyParticipantError, LastAdministratorError } from './store.ts';

const dirs: string[] = [];
function openStore(dir = mkdtempSync(join(tmpdir(), 'zd-store-'))) {
  dirs.push(dir);
  return { store: new SqliteStore({ path: join(dir, 'zerodraft.db') }), dir };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function revisionIn(store: SqliteStore) {
  const meeting = await store.createMeeting({
    id: 'm1',
    title: 'BMS7',
    symbol: 'A/CONF.192/BMS/2021',
    venue: 'New York',
    timeZone: 'America/New_York',
    startsOn: '2021-07-26',
    endsOn: '2021-07-30',
  });
  const document = await store.createDocument({ id: 'd1', meetingId: meeting.id, title: 'Outcome document' });
  return store.createRevision({ id: 'r1', documentId: document.id, name: 'Zero draft', state: 'circulated' });
}

/** A meeting with Mexico and Japan present, a Chair and a Mexican delegate. */
async function meetingWithPeople(store: SqliteStore) {
  await revisionIn(store);
  const mexico = await store.createDelegation({
    id: 'mex',
    meetingId: 'm1',
    name: 'Mexico',
    code: 'MEX',
    kind: 'state',
  });
  const japan = await store.createDelegation({ id: 'jpn', meetingId: 'm1', name: 'Japan', code: 'JPN', kind: 'state' });
  const chair = await store.createUser({ id: 'u-chair', email: 'chair@example.org', name: 'Amina', passwordHash: 'x' });
  const lucia = await store.createUser({ id: 'u-lucia', email: 'lucia@example.org', name: 'Lucía', passwordHash: 'x' });
  await store.addParticipant({
    meetingId: 'm1',
    userId: chair.id,
    delegationId: japan.id,
    role: 'chair',
    hasPen: false,
    sections: [],
  });
  return { mexico, japan, chair, lucia };
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

function typing(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (u: Uint8Array) => updates.push(u);
  doc.on('update', record);
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  doc.off('update', record);
  return updates;
}

function textOf(content: { snapshot: Uint8Array | null; updates: Uint8Array[] }) {
  const doc = new Y.Doc();
  for (const u of content.snapshot ? [content.snapshot, ...content.updates] : content.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe('SqliteStore', () => {
  it('keeps every appended update, in order, across reopening the file', async () => {
    const { store, dir } = openStore();
    const revision = await revisionIn(store);
    for (const u of typing(new Y.Doc(), 'Recalling')) await store.appendUpdate(revision.id, u);
    await store.close();
    const reopened = openStore(dir).store;
    expect(textOf(await reopened.loadRevisionContent(revision.id))).toBe('Recalling');
    await reopened.close();
  });

  it('compacts the log into a snapshot without changing the text', async () => {
    const { store } = openStore();
    const revision = await revisionIn(store);
    for (const u of typing(new Y.Doc(), 'Reaffirming')) await store.appendUpdate(revision.id, u);
    await store.compact(revision.id, mergeUpdates);
    const content = await store.loadRevisionContent(revision.id);
    expect(content.updates).toHaveLength(0);
    expect(content.snapshot).not.toBeNull();
    expect(textOf(content)).toBe('Reaffirming');
    await store.close();
  });

  it('keeps updates appended by another connection to the file, before and after a compaction', async () => {
    const { store, dir } = openStore();
    const revision = await revisionIn(store);
    const other = new SqliteStore({ path: join(dir, 'zerodraft.db') });
    const doc = new Y.Doc();
    for (const u of typing(doc, 'Urges')) await store.appendUpdate(revision.id, u);
    for (const u of typing(doc, ' all')) await other.appendUpdate(revision.id, u);
    await store.compact(revision.id, mergeUpdates);
    for (const u of typing(doc, ' States')) await other.appendUpdate(revision.id, u);
    const content = await store.loadRevisionContent(revision.id);
    expect(content.updates).toHaveLength(' States'.length);
    expect(textOf(content)).toBe('Urges all States');
    await other.close();
    await store.close();
  });

  it('applies each migration once', async () => {
    const { store, dir } = openStore();
    await store.close();
    const again = openStore(dir).store;
    expect(await again.countUsers()).toBe(0);
    await again.close();
  });

  it('upgrades a file written before meeting dates and pens, keeping its people', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zd-store-'));
    const raw = new DatabaseSync(join(dir, 'zerodraft.db'));
    raw.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      ${sqliteMigrations[0]?.sql}
      INSERT INTO schema_migrations VALUES (1, 'first', '2021-07-01');
      INSERT INTO users VALUES ('u1', 'chair@example.org', 'Amina', 'x', '2021-07-01');
      INSERT INTO meetings VALUES ('m1', 'BMS7', 'A/CONF.192/BMS/2021', 'New York', 'America/New_York', '2021-07-01');
      INSERT INTO delegations VALUES ('ken', 'm1', 'Kenya', 'KEN', 'state');
      INSERT INTO participants VALUES ('m1', 'u1', 'ken', 'chair');`);
    raw.close();
    const { store } = openStore(dir);
    expect(await store.findMeeting('m1')).toMatchObject({ startsOn: null, endsOn: null });
    expect(await store.findParticipant('m1', 'u1')).toMatchObject({ role: 'chair', hasPen: false, sections: [] });
    await store.close();
  });

  it('upgrades a file with two documents of one title in a meeting, keeping the first as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zd-store-'));
    const raw = new DatabaseSync(join(dir, 'zerodraft.db'));
    raw.exec(
      `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);`,
    );
    for (const migration of sqliteMigrations.filter((m) => m.version < 7)) {
      raw.exec(migration.sql);
      raw
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(migration.version, migration.name, '2026-11-01');
    }
    raw.exec(`INSERT INTO meetings (id, title, symbol, venue, time_zone, created_at)
        VALUES ('m1', 'BMS7', 'A/CONF.192/BMS/2021', 'New York', 'America/New_York', '2021-07-01');
      INSERT INTO documents VALUES ('d1', 'm1', 'Action plan', '2021-07-01');
      INSERT INTO documents VALUES ('d2', 'm1', 'action PLAN', '2021-07-02');`);
    raw.close();
    const { store } = openStore(dir);
    expect((await store.listDocuments('m1')).map((d) => d.title).sort()).toEqual(['Action plan', 'action PLAN (d2)']);
    await store.close();
  });

  it('starts no second document of a title in a meeting, whatever its letters’ case', async () => {
    const { store } = openStore();
    await revisionIn(store);
    const audit = {
      meetingId: 'm1',
      actorUserId: 'u1',
      actorName: 'Amina',
      actorDelegation: 'Kenya',
      action: 'document.create' as const,
      target: '',
      detail: {},
    };
    const start = (title: string) =>
      store.createDocumentWithDraft(
        { id: `d-${title}`, meetingId: 'm1', title },
        { id: `r-${title}`, name: 'Zero draft' },
        new Uint8Array([0, 0]),
        audit,
      );
    expect(await start('Déclaration politique')).not.toBeNull();
    expect(await start('DÉCLARATION POLITIQUE')).toBeNull();
    expect(await start('Outcome DOCUMENT')).toBeNull();
    expect((await store.listDocuments('m1')).map((d) => d.title).sort()).toEqual([
      'Déclaration politique',
      'Outcome document',
    ]);
  });

  it("keeps a meeting's dates and changes only the fields given", async () => {
    const { store } = openStore();
    await revisionIn(store);
    const updated = await store.updateMeeting('m1', { venue: 'Geneva', timeZone: 'Europe/Zurich', endsOn: null });
    expect(updated).toMatchObject({ title: 'BMS7', venue: 'Geneva', startsOn: '2021-07-26', endsOn: null });
    expect(await store.findMeeting('m1')).toEqual(updated);
    await store.close();
  });

  it("replaces a facilitator's sections and keeps the rest of the participant", async () => {
    const { store } = openStore();
    const { mexico, lucia } = await meetingWithPeople(store);
    await store.addParticipant({
      meetingId: 'm1',
      userId: lucia.id,
      delegationId: mexico.id,
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a', 's-b'],
    });
    expect((await store.findParticipant('m1', lucia.id))?.sections).toEqual(['s-a', 's-b']);
    await store.updateParticipant('m1', lucia.id, { sections: ['s-c'] });
    expect(await store.findParticipant('m1', lucia.id)).toEqual({
      meetingId: 'm1',
      userId: lucia.id,
      delegationId: mexico.id,
      role: 'facilitator',
      hasPen: false,
      sections: ['s-c'],
    });
    await store.updateParticipant('m1', lucia.id, { role: 'bureau', hasPen: true, sections: [] });
    expect(await store.findParticipant('m1', lucia.id)).toMatchObject({ role: 'bureau', hasPen: true, sections: [] });
    expect(await store.listParticipations(lucia.id)).toHaveLength(1);
    await store.close();
  });

  it('removes a participant with their sections', async () => {
    const { store, dir } = openStore();
    const { mexico, lucia } = await meetingWithPeople(store);
    await store.addParticipant({
      meetingId: 'm1',
      userId: lucia.id,
      delegationId: mexico.id,
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a'],
    });
    await store.removeParticipant('m1', lucia.id);
    expect(await store.findParticipant('m1', lucia.id)).toBeUndefined();
    expect((await store.listParticipants('m1')).map((p) => p.role)).toEqual(['chair']);
    const raw = new DatabaseSync(join(dir, 'zerodraft.db'));
    expect(raw.prepare('SELECT count(*) AS n FROM participant_sections').get()).toEqual({ n: 0 });
    raw.close();
    await store.close();
  });

  it('never leaves a meeting without a Chair or Secretariat, and changes nothing when refused', async () => {
    const { store } = openStore();
    const { chair, japan } = await meetingWithPeople(store);
    await expect(store.updateParticipant('m1', chair.id, { role: 'observer' })).rejects.toThrow(LastAdministratorError);
    await expect(store.removeParticipant('m1', chair.id)).rejects.toThrow(LastAdministratorError);
    expect(await store.findParticipant('m1', chair.id)).toMatchObject({ role: 'chair', delegationId: japan.id });
    await store.close();
  });

  it('creates a meeting with its founding delegation and Secretariat in one transaction', async () => {
    const { store } = openStore();
    const founder = await store.createUser({ id: 'u-sec', email: 'sec@example.org', name: 'Sec', passwordHash: 'x' });
    const meeting = { id: 'm2', title: 'CCM', symbol: 'CCM/MSP/2026', venue: 'Geneva', timeZone: 'Europe/Zurich' };
    const delegation = { id: 'd-icrc', meetingId: 'm2', name: 'ICRC', code: 'ICRC', kind: 'igo' as const };
    const participant = { meetingId: 'm2', userId: founder.id, delegationId: 'd-icrc', role: 'secretariat' as const };
    await expect(
      store.createMeeting(
        { ...meeting, startsOn: null, endsOn: null },
        { delegation, participant: { ...participant, userId: 'nobody', hasPen: false, sections: [] } },
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.findMeeting('m2')).toBeUndefined();
    await store.createMeeting(
      { ...meeting, startsOn: null, endsOn: null },
      { delegation, participant: { ...participant, hasPen: false, sections: [] } },
    );
    expect(await store.findParticipant('m2', founder.id)).toMatchObject({ role: 'secretariat' });
    await store.close();
  });

  it('lets an invitation be used once, and adds its participant with it', async () => {
    const { store } = openStore();
    const { mexico, chair, lucia } = await meetingWithPeople(store);
    const invitation = await store.createInvitation({
      id: 'i1',
      tokenHash: 'hash-1',
      meetingId: 'm1',
      delegationId: mexico.id,
      email: lucia.email,
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a'],
      invitedBy: chair.id,
      expiresAt: inAnHour(),
    });
    expect(await store.findInvitationByTokenHash('hash-1')).toEqual(invitation);
    const at = new Date().toISOString();
    const [first, second] = await Promise.all([
      store.acceptInvitation(invitation.id, lucia.id, at),
      store.acceptInvitation(invitation.id, lucia.id, at),
    ]);
    expect([first, second]).toEqual([true, false]);
    expect(await store.findParticipant('m1', lucia.id)).toMatchObject({
      delegationId: mexico.id,
      role: 'facilitator',
      sections: ['s-a'],
    });
    expect(await store.findInvitationByTokenHash('hash-1')).toMatchObject({ acceptedAt: at, acceptedBy: lucia.id });
    await store.close();
  });

  it('refuses an expired invitation and changes nothing', async () => {
    const { store } = openStore();
    const { mexico, chair, lucia } = await meetingWithPeople(store);
    await store.createInvitation({
      id: 'i1',
      tokenHash: 'hash-1',
      meetingId: 'm1',
      delegationId: mexico.id,
      email: lucia.email,
      role: 'delegation',
      hasPen: false,
      sections: [],
      invitedBy: chair.id,
      expiresAt: '2021-07-26T00:00:00.000Z',
    });
    expect(await store.acceptInvitation('i1', lucia.id, '2021-07-26T00:00:00.000Z')).toBe(false);
    expect(await store.findParticipant('m1', lucia.id)).toBeUndefined();
    expect(await store.listInvitations('m1')).toMatchObject([{ id: 'i1', acceptedAt: null, acceptedBy: null }]);
    await store.close();
  });

  it('never lets an invitation overwrite the place of someone who already takes part', async () => {
    const { store } = openStore();
    const { mexico, japan, chair, lucia } = await meetingWithPeople(store);
    await store.addParticipant({
      meetingId: 'm1',
      userId: lucia.id,
      delegationId: japan.id,
      role: 'observer',
      hasPen: false,
      sections: [],
    });
    await store.createInvitation({
      id: 'i1',
      tokenHash: 'hash-1',
      meetingId: 'm1',
      delegationId: mexico.id,
      email: lucia.email,
      role: 'bureau',
      hasPen: true,
      sections: [],
      invitedBy: chair.id,
      expiresAt: inAnHour(),
    });
    await expect(store.acceptInvitation('i1', lucia.id, new Date().toISOString())).rejects.toThrow(
      AlreadyParticipantError,
    );
    expect(await store.findParticipant('m1', lucia.id)).toMatchObject({ delegationId: japan.id, role: 'observer' });
    expect((await store.listInvitations('m1'))[0]?.acceptedAt).toBeNull();
    await store.close();
  });

  it('finds an API token by its hash and revokes it only for its owner, once', async () => {
    const { store } = openStore();
    const { chair, lucia } = await meetingWithPeople(store);
    const token = await store.createApiToken({
      id: 't1',
      tokenHash: 'th',
      userId: lucia.id,
      meetingId: 'm1',
      name: 'CI',
    });
    expect(await store.findApiTokenByHash('th')).toEqual(token);
    expect(await store.revokeApiToken('t1', chair.id)).toBe(false);
    expect(await store.revokeApiToken('t1', lucia.id)).toBe(true);
    expect(await store.revokeApiToken('t1', lucia.id)).toBe(false);
    expect((await store.listApiTokens(lucia.id))[0]?.revokedAt).not.toBeNull();
    await store.close();
  });

  it("lists a user's sessions", async () => {
    const { store } = openStore();
    const { lucia } = await meetingWithPeople(store);
    await store.createSession({ tokenHash: 'a', userId: lucia.id, expiresAt: inAnHour() });
    await store.createSession({ tokenHash: 'b', userId: lucia.id, expiresAt: inAnHour() });
    expect((await store.listSessions(lucia.id)).map((s) => s.tokenHash).sort()).toEqual(['a', 'b']);
    await store.close();
  });

  it('lists the audit log newest first, filtered by action, actor and time', async () => {
    const { store } = openStore();
    const { chair } = await meetingWithPeople(store);
    const entry = (action: string, at: string, actorUserId: string | null) =>
      store.appendAudit({
        meetingId: 'm1',
        at,
        actorUserId,
        actorName: actorUserId ? 'Amina' : 'Zerodraft',
        actorDelegation: actorUserId ? 'Japan' : null,
        action,
        target: 'Lucía (Mexico)',
        detail: { from: 'delegation', to: 'observer' },
      });
    await entry('participant.role', '2021-07-26T10:00:00.000Z', chair.id);
    await entry('meeting.update', '2021-07-27T10:00:00.000Z', chair.id);
    await entry('participant.role', '2021-07-28T10:00:00.000Z', null);
    const all = await store.listAudit({ meetingId: 'm1' });
    expect(all.map((e) => e.at)).toEqual([
      '2021-07-28T10:00:00.000Z',
      '2021-07-27T10:00:00.000Z',
      '2021-07-26T10:00:00.000Z',
    ]);
    expect(all[2]).toMatchObject({ actorName: 'Amina', detail: { from: 'delegation', to: 'observer' } });
    expect(await store.listAudit({ meetingId: 'm1', action: 'participant.role' })).toHaveLength(2);
    expect(await store.listAudit({ meetingId: 'm1', actorUserId: chair.id })).toHaveLength(2);
    const window = await store.listAudit({
      meetingId: 'm1',
      since: '2021-07-27T00:00:00.000Z',
      until: '2021-07-28T00:00:00.000Z',
    });
    expect(window.map((e) => e.action)).toEqual(['meeting.update']);
    expect(await store.listAudit({ meetingId: 'm1', limit: 1 })).toHaveLength(1);
    expect(await store.listAudit({ meetingId: 'other' })).toEqual([]);
    await store.close();
  });

  it('keeps the audit log append-only, even against raw SQL from another connection', async () => {
    const { store, dir } = openStore();
    await revisionIn(store);
    await store.appendAudit({
      meetingId: 'm1',
      actorUserId: null,
      actorName: 'Zerodraft',
      actorDelegation: null,
      action: 'meeting.create',
      target: 'BMS7',
      detail: {},
    });
    const raw = new DatabaseSync(join(dir, 'zerodraft.db'));
    expect(() => raw.exec("UPDATE audit_log SET actor_name = 'Someone else'")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    raw.close();
    expect(await store.listAudit({ meetingId: 'm1' })).toMatchObject([{ actorName: 'Zerodraft', target: 'BMS7' }]);
    await store.close();
  });
});

describe('notifications in the store', () => {
  /** Mexico's delegate and the Chair in meeting m1, and a second meeting m2 the delegate takes part in too. */
  async function withRecipients(store: SqliteStore) {
    const people = await meetingWithPeople(store);
    await store.createMeeting({
      id: 'm2',
      title: 'CCM',
      symbol: 'CCM/CONF/2021',
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
      startsOn: null,
      endsOn: null,
    });
    await store.createDelegation({ id: 'mex-2', meetingId: 'm2', name: 'Mexico', code: 'MEX', kind: 'state' });
    for (const [meetingId, delegationId] of [
      ['m1', people.mexico.id],
      ['m2', 'mex-2'],
    ] as const) {
      await store.addParticipant({
        meetingId,
        userId: people.lucia.id,
        delegationId,
        role: 'delegation',
        hasPen: false,
        sections: [],
      });
    }
    return people;
  }

  /** A row the store cannot take (it has no kind), to make an act fail at its last step. */
  const unstorable = (userId: string) => ({ ...notice(userId, 'Unstorable'), kind: null as never });

  const notice = (userId: string, headline: string, meetingId = 'm1', createdAt = '2021-07-28T16:00:00.000Z') => ({
    userId,
    meetingId,
    kind: 'revision_circulated' as const,
    documentId: 'd1',
    revisionId: 'r1',
    revisionName: 'Draft 1',
    headline,
    message: `${headline}.`,
    detail: { dated: '2021-07-28' },
    createdAt,
  });

  it('stores one per recipient in one transaction, and lists a user’s newest first, in pages, with the unread count', async () => {
    const { store } = openStore();
    const { chair, lucia } = await withRecipients(store);
    const added = await store.addNotifications([
      notice(lucia.id, 'Zero draft circulated'),
      notice(chair.id, 'Zero draft circulated'),
      notice(lucia.id, 'Draft 1 circulated'),
      notice(lucia.id, 'CCM draft circulated', 'm2'),
    ]);
    expect(added.map((n) => n.id)).toEqual([...added.map((n) => n.id)].sort((a, b) => a - b));
    expect(added[0]).toMatchObject({ readAt: null, detail: { dated: '2021-07-28' } });

    const first = await store.listNotifications({ userId: lucia.id }, { limit: 2 });
    expect(first.unread).toBe(3);
    expect(first.notifications.map((n) => n.headline)).toEqual(['CCM draft circulated', 'Draft 1 circulated']);
    const older = await store.listNotifications({ userId: lucia.id }, { limit: 2, before: first.notifications[1]?.id });
    expect(older.notifications.map((n) => n.headline)).toEqual(['Zero draft circulated']);
    expect(older.notifications[0]).toEqual(added[0]);

    const inM1 = await store.listNotifications({ userId: lucia.id, meetingId: 'm1' }, { limit: 10 });
    expect(inM1.notifications.map((n) => n.headline)).toEqual(['Draft 1 circulated', 'Zero draft circulated']);
    expect(inM1.unread).toBe(2);
    expect(
      (await store.listNotificationsAfter({ userId: lucia.id }, added[0]?.id ?? 0, 10)).map((n) => n.headline),
    ).toEqual(['Draft 1 circulated', 'CCM draft circulated']);
  });

  it('tells nobody who is no longer in the meeting, though chosen as a recipient before the act', async () => {
    const { store } = openStore();
    const { chair, lucia } = await withRecipients(store);
    await store.removeParticipant('m1', lucia.id);
    const added = await store.addNotifications([
      notice(lucia.id, 'Draft 1 circulated'),
      notice(chair.id, 'Draft 1 circulated'),
    ]);
    expect(added.map((n) => n.userId)).toEqual([chair.id]);
    expect((await store.listNotifications({ userId: lucia.id, meetingId: 'm1' }, { limit: 10 })).notifications).toEqual(
      [],
    );
  });

  it('stores none of an act’s notifications when one cannot be stored', async () => {
    const { store } = openStore();
    const { lucia } = await withRecipients(store);
    await expect(
      store.addNotifications([notice(lucia.id, 'Draft 1 circulated'), unstorable(lucia.id)]),
    ).rejects.toThrow();
    expect(await store.listNotifications({ userId: lucia.id }, { limit: 10 })).toEqual({
      notifications: [],
      unread: 0,
    });
  });

  it('stores an act’s notifications in the act’s own transaction: both, or neither', async () => {
    const { store } = openStore();
    const { chair, lucia } = await withRecipients(store);
    const unstorableAct = [notice(lucia.id, 'Told'), unstorable(lucia.id)];
    const audit = (action: string) => ({
      meetingId: 'm1',
      actorUserId: chair.id,
      actorName: 'Amina',
      actorDelegation: 'Japan',
      action,
      target: 'Zero draft',
      detail: {},
    });
    const procedure = {
      id: 's1',
      revisionId: 'r1',
      meetingId: 'm1',
      status: 'running' as const,
      deadline: '2021-07-30T16:00:00.000Z',
      timeZone: 'America/New_York',
      startedAt: '2021-07-28T16:00:00.000Z',
      startedBy: { userId: chair.id, userName: 'Amina', delegationId: 'jpn', delegationName: 'Japan' },
      endedAt: null,
      endedBy: null,
      objection: null,
    };
    const told = async () => (await store.listNotifications({ userId: lucia.id }, { limit: 10 })).notifications;

    // A proposal decided: the change, its audit entry and its notification go together.
    const change = new Uint8Array([0, 0]);
    await expect(
      store.appendUpdateWithAudit('r1', change, [audit('proposal.accept')], unstorableAct),
    ).rejects.toThrow();
    expect((await store.loadRevisionContent('r1')).updates).toEqual([]);
    const accepted = await store.appendUpdateWithAudit(
      'r1',
      change,
      [audit('proposal.accept')],
      [notice(lucia.id, 'Accepted')],
    );
    expect(accepted).toMatchObject([{ userId: lucia.id, headline: 'Accepted', readAt: null }]);
    expect((await store.loadRevisionContent('r1')).updates).toHaveLength(1);

    // A silence started and adopted: none of either is kept when a notification cannot be.
    await expect(store.startSilence(procedure, audit('silence.start'), unstorableAct)).rejects.toThrow();
    expect((await store.findRevision('r1'))?.state).toBe('circulated');
    expect(await store.listSilences('r1')).toEqual([]);
    const started = await store.startSilence(procedure, audit('silence.start'), [notice(lucia.id, 'Started')]);
    expect(started?.map((n) => n.headline)).toEqual(['Started']);
    expect(
      await store.startSilence({ ...procedure, id: 's2' }, audit('silence.start'), [notice(lucia.id, 'Again')]),
    ).toBeNull();
    const adopted = { ...procedure, status: 'adopted' as const, endedAt: procedure.deadline };
    await expect(
      store.endSilence(adopted, procedure.deadline, audit('silence.adopt'), unstorableAct),
    ).rejects.toThrow();
    expect((await store.findRunningSilence('r1'))?.id).toBe('s1');
    const ended = await store.endSilence(adopted, procedure.deadline, audit('silence.adopt'), [
      notice(lucia.id, 'Adopted'),
    ]);
    expect(ended?.map((n) => n.headline)).toEqual(['Adopted']);
    // The same adoption a second time, by another timer or instance: not made, not told.
    expect(
      await store.endSilence(adopted, procedure.deadline, audit('silence.adopt'), [notice(lucia.id, 'Twice')]),
    ).toBeNull();

    // A revision of another document circulated: refused whole when a notification cannot be stored.
    await store.createDocument({ id: 'd2', meetingId: 'm1', title: 'Action plan' });
    await store.createRevision({ id: 'r2', documentId: 'd2', name: 'Zero draft', state: 'in_preparation' });
    const circulation = {
      dated: '2021-07-28',
      circulatedAt: '2021-07-28T16:00:00.000Z',
      circulatedBy: procedure.startedBy,
      coverNote: 'Excellency,',
    };
    const circulate = (notifications: ReturnType<typeof notice>[]) =>
      store.circulateRevision(
        'r2',
        'Draft 1',
        circulation,
        mergeUpdates,
        () => audit('revision.circulate'),
        notifications,
      );
    await expect(circulate(unstorableAct)).rejects.toThrow();
    expect((await store.findRevision('r2'))?.state).toBe('in_preparation');
    expect(await circulate([notice(lucia.id, 'Circulated')])).toMatchObject({
      ok: true,
      notifications: [{ headline: 'Circulated' }],
    });

    expect((await told()).map((n) => n.headline)).toEqual(['Circulated', 'Adopted', 'Started', 'Accepted']);
    expect((await store.listAudit({ meetingId: 'm1' })).map((e) => e.action)).toEqual([
      'revision.circulate',
      'silence.adopt',
      'silence.start',
      'proposal.accept',
    ]);
  });

  it('marks read the user’s own, by ids or up to one, once, and within a meeting for a scoped reader', async () => {
    const { store } = openStore();
    const { chair, lucia } = await withRecipients(store);
    const [a, chairs, b, , elsewhere] = await store.addNotifications([
      notice(lucia.id, 'A'),
      notice(chair.id, 'Chair’s'),
      notice(lucia.id, 'B'),
      notice(lucia.id, 'C'),
      notice(lucia.id, 'CCM', 'm2'),
    ]);
    const ids = (...records: (typeof a)[]) => records.map((r) => r?.id ?? 0);
    const at = '2021-07-29T09:00:00.000Z';
    expect(await store.markNotificationsRead({ userId: lucia.id }, { ids: ids(b, chairs) }, at)).toBe(1);
    expect(await store.markNotificationsRead({ userId: lucia.id }, { ids: ids(b) }, at)).toBe(0);
    expect(await store.countUnreadNotifications({ userId: chair.id })).toBe(1);
    expect(
      await store.markNotificationsRead({ userId: lucia.id, meetingId: 'm1' }, { upTo: elsewhere?.id ?? 0 }, at),
    ).toBe(2);
    expect(await store.countUnreadNotifications({ userId: lucia.id })).toBe(1);
    const { notifications } = await store.listNotifications({ userId: lucia.id }, { limit: 10 });
    expect(notifications.map((n) => [n.headline, n.readAt])).toEqual([
      ['CCM', null],
      ['C', at],
      ['B', at],
      ['A', at],
    ]);
  });
});

describe('silence procedures in the store', () => {
  const kenya = { userId: 'u1', userName: 'Amina Wanjiru', delegationId: 'ken', delegationName: 'Kenya' };
  const procedure = {
    id: 's1',
    revisionId: 'r1',
    meetingId: 'm1',
    status: 'running' as const,
    deadline: '2021-07-30T16:00:00.000Z',
    timeZone: 'America/New_York',
    startedAt: '2021-07-28T16:00:00.000Z',
    startedBy: kenya,
    endedAt: null,
    endedBy: null,
    objection: null,
  };
  const audit = (action: string) => ({
    meetingId: 'm1',
    actorUserId: null,
    actorName: 'test',
    actorDelegation: null,
    action,
    target: 'Zero draft',
    detail: {},
  });

  it('refuses every update to a revision under silence, from any connection to the file', async () => {
    const { store } = openStore();
    await revisionIn(store);
    expect(await store.startSilence(procedure, audit('silence.start'))).toEqual([]);
    expect(await store.startSilence({ ...procedure, id: 's2' }, audit('silence.start'))).toBeNull();
    await expect(store.appendUpdate('r1', new Uint8Array([0, 0]))).rejects.toThrow(/under silence/);
    expect((await store.loadRevisionContent('r1')).updates).toEqual([]);
  });

  it('ends a procedure exactly once, when two stores on one file race a break against the adoption', async () => {
    const { store, dir } = openStore();
    await revisionIn(store);
    await store.startSilence(procedure, audit('silence.start'));
    const { store: other } = openStore(dir);
    const adopted = { ...procedure, status: 'adopted' as const, endedAt: procedure.deadline };
    const broken = { ...procedure, status: 'broken' as const, endedAt: '2021-07-30T15:59:59.000Z', endedBy: kenya };
    // The break comes a second late: judged at the deadline it cannot end the procedure.
    expect(await other.endSilence(broken, procedure.deadline, audit('silence.break'))).toBeNull();
    const both = await Promise.all([
      store.endSilence(adopted, procedure.deadline, audit('silence.adopt')),
      other.endSilence(adopted, procedure.deadline, audit('silence.adopt')),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect((await store.findRevision('r1'))?.state).toBe('adopted');
    expect((await store.listSilences('r1')).map((s) => s.status)).toEqual(['adopted']);
    expect((await store.listAudit({ meetingId: 'm1' })).map((e) => e.action)).toEqual([
      'silence.adopt',
      'silence.start',
    ]);
    await other.close();
  });
});

describe('revisions started, circulated and acknowledged in the store', () => {
  const audit = (action: string) => ({
    meetingId: 'm1',
    actorUserId: 'u-chair',
    actorName: 'Amina',
    actorDelegation: 'Kenya',
    action,
    target: 'Draft 1',
    detail: {},
  });
  const circulation = {
    dated: '2021-06-10',
    circulatedAt: '2021-06-10T14:00:00.000Z',
    circulatedBy: { userId: 'u-chair', userName: 'Amina', delegationId: 'ken', delegationName: 'Kenya' },
    coverNote: 'Excellency, I have the honour to circulate Draft 1.',
  };
  const text = (words: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, words);
    return Y.encodeStateAsUpdate(doc);
  };
  const start = (store: SqliteStore, id: string) =>
    store.startRevision(
      { id, documentId: 'd1', name: 'Draft 1', basedOn: 'r1', carriedForward: true },
      text('Draft 1 as prepared'),
      audit('revision.start'),
    );

  it('keeps one revision in preparation per document, even for two stores on one file', async () => {
    const { store, dir } = openStore();
    await revisionIn(store);
    const { store: other } = openStore(dir);
    const [first, second] = await Promise.all([start(store, 'r2'), start(other, 'r3')]);
    expect([first, second].filter((r) => r !== null)).toHaveLength(1);
    expect((await store.listRevisions('d1')).filter((r) => r.state === 'in_preparation')).toHaveLength(1);
    expect((await store.listAudit({ meetingId: 'm1' })).map((e) => e.action)).toEqual(['revision.start']);
    await other.close();
  });

  it('circulates and supersedes in one transaction, keeping the text as circulated', async () => {
    const { store } = openStore();
    await revisionIn(store);
    await start(store, 'r2');
    await store.appendUpdate('r2', text('; changed with the pen'));
    const outcome = await store.circulateRevision('r2', 'Draft 1', circulation, mergeUpdates, (superseded) => ({
      ...audit('revision.circulate'),
      detail: { superseded: superseded.map((r) => r.name) },
    }));
    expect(outcome).toMatchObject({ ok: true, superseded: [{ id: 'r1', state: 'superseded' }] });
    expect(await store.findRevision('r2')).toMatchObject({
      state: 'circulated',
      basedOn: 'r1',
      carriedForward: true,
      circulation,
    });
    expect((await store.findRevision('r1'))?.state).toBe('superseded');
    const circulated = new Y.Doc();
    Y.applyUpdate(circulated, (await store.loadCirculatedContent('r2')) ?? new Uint8Array());
    expect(circulated.getText('t').toString()).toContain('Draft 1 as prepared');
    expect((await store.listAudit({ meetingId: 'm1', action: 'revision.circulate' }))[0]?.detail).toEqual({
      superseded: ['Zero draft'],
    });
    expect(await store.circulateRevision('r2', 'Draft 1', circulation, mergeUpdates, () => audit('x'))).toEqual({
      ok: false,
      refusal: 'not_in_preparation',
    });
  });

  it('refuses to change a circulated revision as circulated, even through raw SQL', async () => {
    const { store, dir } = openStore();
    await revisionIn(store);
    await start(store, 'r2');
    await store.circulateRevision('r2', 'Draft 1', circulation, mergeUpdates, () => audit('revision.circulate'));
    const before = await store.loadCirculatedContent('r2');
    const raw = new DatabaseSync(join(dir, 'zerodraft.db'));
    try {
      expect(() =>
        raw.prepare('UPDATE revisions SET circulated_content = ? WHERE id = ?').run(text('forged'), 'r2'),
      ).toThrow(/as it was circulated/);
      expect(() => raw.prepare("UPDATE revisions SET cover_note = 'forged' WHERE id = 'r2'").run()).toThrow(
        /as it was circulated/,
      );
      expect(() => raw.prepare("UPDATE revisions SET name = 'Draft 9' WHERE id = 'r2'").run()).toThrow(
        /as it was circulated/,
      );
    } finally {
      raw.close();
    }
    expect(await store.loadCirculatedContent('r2')).toEqual(before);
  });

  it('refuses to circulate while a revision of the document is under silence, and changes nothing', async () => {
    const { store } = openStore();
    await revisionIn(store);
    await start(store, 'r2');
    await store.startSilence(
      {
        id: 's1',
        revisionId: 'r1',
        meetingId: 'm1',
        status: 'running',
        deadline: '2021-07-30T16:00:00.000Z',
        timeZone: 'America/New_York',
        startedAt: '2021-07-28T16:00:00.000Z',
        startedBy: circulation.circulatedBy,
        endedAt: null,
        endedBy: null,
        objection: null,
      },
      audit('silence.start'),
    );
    const outcome = await store.circulateRevision('r2', 'Draft 1', circulation, mergeUpdates, () =>
      audit('revision.circulate'),
    );
    expect(outcome).toMatchObject({ ok: false, refusal: 'document_settled', by: { id: 'r1' } });
    expect((await store.findRevision('r2'))?.state).toBe('in_preparation');
    expect(await store.loadCirculatedContent('r2')).toBeNull();
  });

  it('keeps the first receipt of each delegation', async () => {
    const { store } = openStore();
    const { mexico } = await meetingWithPeople(store);
    const receipt = { revisionId: 'r1', delegationId: mexico.id, userId: 'u-lucia', userName: 'Lucía', at: 'T1' };
    expect(await store.acknowledge(receipt, audit('revision.acknowledge'))).toEqual({
      acknowledgement: receipt,
      created: true,
    });
    const again = { ...receipt, userId: 'u-other', userName: 'Pedro', at: 'T2' };
    expect(await store.acknowledge(again, audit('revision.acknowledge'))).toEqual({
      acknowledgement: receipt,
      created: false,
    });
    expect(await store.listAcknowledgements('r1')).toEqual([receipt]);
    expect(await store.listAudit({ meetingId: 'm1', action: 'revision.acknowledge' })).toHaveLength(1);
  });
});

describe('facilitators appointed to run the silence procedure, in the store', () => {
  const audit = (action: string) => ({
    meetingId: 'm1',
    actorUserId: 'u-chair',
    actorName: 'Amina',
    actorDelegation: 'Kenya',
    action,
    target: 'Lucía (Mexico)',
    detail: { document: 'Outcome document' },
  });
  const appointedBy = { userId: 'u-chair', userName: 'Amina', delegationId: 'jpn', delegationName: 'Japan' };
  const appointment = (userId: string, appointedAt: string) => ({
    documentId: 'd1',
    meetingId: 'm1',
    userId,
    appointedBy,
    appointedAt,
  });

  /** The BMS7 people, with Lucía of Mexico a Facilitator. */
  async function withFacilitator(store: SqliteStore) {
    const people = await meetingWithPeople(store);
    await store.addParticipant({
      meetingId: 'm1',
      userId: people.lucia.id,
      delegationId: people.mexico.id,
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a'],
    });
    return people;
  }

  it('appoints once, with its audit entry, and removes the appointment once', async () => {
    const { store } = openStore();
    await withFacilitator(store);
    const first = appointment('u-lucia', '2021-07-27T14:00:00.000Z');
    expect(await store.appointFacilitator(first, audit('facilitator.appoint'))).toEqual({
      appointment: first,
      created: true,
    });
    const again = await store.appointFacilitator(
      appointment('u-lucia', '2021-07-28T09:00:00.000Z'),
      audit('facilitator.appoint'),
    );
    expect(again).toEqual({ appointment: first, created: false });
    expect(await store.findFacilitatorAppointment('d1', 'u-lucia')).toEqual(first);
    expect(await store.listFacilitatorAppointments('d1')).toEqual([first]);
    expect(await store.listAudit({ meetingId: 'm1', action: 'facilitator.appoint' })).toHaveLength(1);

    expect(await store.removeFacilitatorAppointment('d1', 'u-lucia', audit('facilitator.remove'))).toBe(true);
    expect(await store.removeFacilitatorAppointment('d1', 'u-lucia', audit('facilitator.remove'))).toBe(false);
    expect(await store.findFacilitatorAppointment('d1', 'u-lucia')).toBeUndefined();
    expect(await store.listAudit({ meetingId: 'm1', action: 'facilitator.remove' })).toHaveLength(1);
  });

  it('refuses an appointment of someone who takes part in no meeting, and writes no audit entry', async () => {
    const { store } = openStore();
    await meetingWithPeople(store);
    await expect(
      store.appointFacilitator(appointment('u-lucia', '2021-07-27T14:00:00.000Z'), audit('facilitator.appoint')),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.listAudit({ meetingId: 'm1', action: 'facilitator.appoint' })).toEqual([]);
  });

  it('ends the appointment when its holder stops being a Facilitator or leaves the meeting', async () => {
    const { store } = openStore();
    const { mexico } = await withFacilitator(store);
    await store.appointFacilitator(appointment('u-lucia', '2021-07-27T14:00:00.000Z'), audit('facilitator.appoint'));

    // Other changes to a Facilitator keep it.
    await store.updateParticipant('m1', 'u-lucia', { sections: ['s-b'] });
    expect(await store.findFacilitatorAppointment('d1', 'u-lucia')).toBeDefined();

    await store.updateParticipant('m1', 'u-lucia', { role: 'delegation', sections: [] });
    expect(await store.findFacilitatorAppointment('d1', 'u-lucia')).toBeUndefined();
    // Made a Facilitator again, she is not appointed again until the Chair says so.
    await store.updateParticipant('m1', 'u-lucia', { role: 'facilitator' });
    expect(await store.listFacilitatorAppointments('d1')).toEqual([]);

    await store.appointFacilitator(appointment('u-lucia', '2021-07-28T14:00:00.000Z'), audit('facilitator.appoint'));
    await store.removeParticipant('m1', 'u-lucia');
    expect(await store.listFacilitatorAppointments('d1')).toEqual([]);
    await store.addParticipant({
      meetingId: 'm1',
      userId: 'u-lucia',
      delegationId: mexico.id,
      role: 'facilitator',
      hasPen: false,
      sections: [],
    });
    expect(await store.findFacilitatorAppointment('d1', 'u-lucia')).toBeUndefined();
  });
});
