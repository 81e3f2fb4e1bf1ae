import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { startServer } from '@zerodraft/server/server.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { MeetingDetail, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { SilenceList, SilenceSaved } from '@zerodraft/shared/api/silence.ts';
import { CloseCode, DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { RawYjsClient } from '../helpers/raw-yjs-client.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { storedDocument } from '../helpers/stored-document.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { chair, newClient, newServer, newServerProcess, openDemo, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Wednesday 28 July 2021, 12:00 in New York, two days before the deadline the Chair sets. */
const WEDNESDAY_NOON = '2021-07-28T16:00:00.000Z';
/** Friday 30 July 2021, 12:00 in New York. */
const DEADLINE = '2021-07-30T16:00:00.000Z';
const FRIDAY_NOON = { date: '2021-07-30', time: '12:00' };
const UNTIL_FRIDAY = 'The text is under silence procedure until Friday 30 July 2021, 12:00 (New York).';

const account = (delegation: string) => {
  const found = demoAccounts.find((a) => a.delegation === delegation);
  if (!found) throw new Error(`No demo account for ${delegation}`);
  return found;
};

interface Demo {
  server: TestServer;
  clock: ManualClock;
  revisionId: string;
  meetingId: string;
  cookie: (delegation: string) => Promise<string>;
  post: (delegation: string, path: string, body?: unknown) => Promise<Response>;
}

/** The BMS7 demo on a server whose clock reads Wednesday noon in New York and looks for due deadlines often. */
async function demo(): Promise<Demo> {
  const clock = new ManualClock(WEDNESDAY_NOON);
  const server = await newServer({ silenceSweepMs: 10 }, { clock });
  const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
  const me = Me.parse(await getJson(server.url, '/api/me', chairCookie));
  const cookies = new Map<string, string>([['Kenya', chairCookie]]);
  const cookie = async (delegation: string) => {
    const known = cookies.get(delegation);
    if (known) return known;
    const { email, password } = account(delegation);
    const signedIn = await signIn(server.url, email, password);
    cookies.set(delegation, signedIn);
    return signedIn;
  };
  const post = async (delegation: string, path: string, body?: unknown) =>
    api(server.url, 'POST', `/api/revisions/${revisionId}/silence${path}`, { cookie: await cookie(delegation), body });
  return { server, clock, revisionId, meetingId: me.participations[0]?.meetingId ?? '', cookie, post };
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

async function procedures(d: Demo, delegation = 'Japan'): Promise<SilenceList> {
  return SilenceList.parse(
    await getJson(d.server.url, `/api/revisions/${d.revisionId}/silence`, await d.cookie(delegation)),
  );
}

async function revisionState(d: Demo): Promise<string> {
  const detail = RevisionDetail.parse(
    await getJson(d.server.url, `/api/revisions/${d.revisionId}`, await d.cookie('Kenya')),
  );
  return detail.revision.state;
}

async function auditActions(d: Demo): Promise<string[]> {
  const list = AuditList.parse(
    await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit`, await d.cookie('Kenya')),
  );
  return list.entries
    .map((e) => e.action)
    .filter((a) => a.startsWith('silence.'))
    .reverse();
}

async function startSilence(d: Demo, who = 'Kenya') {
  const response = await d.post(who, '', FRIDAY_NOON);
  expect(response.status, await response.clone().text()).toBe(201);
  return SilenceSaved.parse(await response.json()).procedure;
}

describe('the silence procedure over REST', () => {
  it('lets only the Chair start it, refuses a past or short deadline, and locks every act on the text', async () => {
    const d = await demo();
    expect(await refusal(await d.post('Mexico', '', FRIDAY_NOON))).toEqual({
      status: 403,
      message: 'Only the Chair, or a facilitator appointed for this document, places it under silence.',
    });
    expect(await refusal(await d.post('Kenya', '', { date: '2021-07-27', time: '12:00' }))).toEqual({
      status: 409,
      message: 'The deadline Tuesday 27 July 2021, 12:00 (New York) has already passed. Choose a later one.',
    });
    expect(await refusal(await d.post('Kenya', '', { date: '2021-07-29', time: '09:00' }))).toEqual({
      status: 409,
      message:
        "A silence procedure in this meeting needs at least 24 hours' notice: choose a deadline at or after Thursday 29 July 2021, 12:00 (New York).",
    });
    expect((await d.post('Kenya', '', { date: '30 July', time: '12:00' })).status).toBe(400);

    const started = await startSilence(d);
    expect(started).toMatchObject({
      status: 'running',
      deadline: DEADLINE,
      timeZone: 'America/New_York',
      deadlineAtVenue: 'Friday 30 July 2021, 12:00 (New York)',
      startedBy: { name: chair.name, delegation: 'Kenya' },
    });
    expect(await revisionState(d)).toBe('under_silence');
    expect((await procedures(d)).current?.id).toBe(started.id);

    const status = await api(d.server.url, 'PUT', `/api/revisions/${d.revisionId}/paragraphs/p-a-05/status`, {
      cookie: await d.cookie('Kenya'),
      body: { status: 'agreed' },
    });
    expect(await refusal(status)).toEqual({ status: 409, message: UNTIL_FRIDAY });
    const stance = await api(d.server.url, 'PUT', `/api/revisions/${d.revisionId}/proposals/any-proposal/stance`, {
      cookie: await d.cookie('Japan'),
      body: { stance: 'support' },
    });
    expect(await refusal(stance)).toEqual({ status: 409, message: UNTIL_FRIDAY });
    expect(await refusal(await d.post('Kenya', '', FRIDAY_NOON))).toMatchObject({ status: 409 });
    expect(await refusal(await d.post('Kenya', '/break', { objection: 'The Chair objects.' }))).toEqual({
      status: 403,
      message: 'Only delegations break silence, with a written objection.',
    });
  });

  it('adopts the text at the deadline, to the second, and then takes neither objection nor withdrawal', async () => {
    const d = await demo();
    await startSilence(d);
    d.clock.set(new Date(Date.parse(DEADLINE) - 1000));
    // One second before: still running, and nothing adopts it.
    expect((await procedures(d)).current?.status).toBe('running');
    d.clock.set(new Date(Date.parse(DEADLINE) + 1000));
    expect(await refusal(await d.post('Nigeria', '/break', { objection: 'Nigeria objects to paragraph 12.' }))).toEqual(
      {
        status: 409,
        message:
          'The silence procedure ended at Friday 30 July 2021, 12:00 (New York), with no objection before it: the text is adopted.',
      },
    );
    await waitFor(async () => (await revisionState(d)) === 'adopted', { what: 'the adoption' });
    const { current, previous } = await procedures(d);
    expect(current).toBeNull();
    expect(previous).toMatchObject([{ status: 'adopted', endedAt: DEADLINE, endedBy: null, objection: null }]);
    expect(await refusal(await d.post('Kenya', '/withdraw'))).toMatchObject({ status: 409 });
    expect(await auditActions(d)).toEqual(['silence.start', 'silence.adopt']);
  });

  it('is broken by a delegation’s written objection, which everyone sees, and withdrawn by the Chair', async () => {
    const d = await demo();
    await startSilence(d);
    expect(await refusal(await d.post('Nigeria', '/break', { objection: '   ' }))).toMatchObject({ status: 400 });
    d.clock.set(new Date(Date.parse(DEADLINE) - 1000));
    const broken = await d.post('Nigeria', '/break', { objection: 'Nigeria cannot join consensus on paragraph 12.' });
    expect(broken.status, await broken.clone().text()).toBe(200);
    expect(await revisionState(d)).toBe('circulated');
    expect((await procedures(d, 'Japan')).previous).toMatchObject([
      {
        status: 'broken',
        endedAt: new Date(Date.parse(DEADLINE) - 1000).toISOString(),
        endedBy: { name: account('Nigeria').name, delegation: 'Nigeria' },
        objection: 'Nigeria cannot join consensus on paragraph 12.',
      },
    ]);

    d.clock.set(WEDNESDAY_NOON);
    await startSilence(d);
    expect(await refusal(await d.post('Mexico', '/withdraw'))).toMatchObject({ status: 403 });
    expect((await d.post('Kenya', '/withdraw')).status).toBe(200);
    expect(await revisionState(d)).toBe('circulated');
    expect((await procedures(d)).previous.map((p) => p.status)).toEqual(['withdrawn', 'broken']);
    expect(await auditActions(d)).toEqual(['silence.start', 'silence.break', 'silence.start', 'silence.withdraw']);
  });

  it('lets a facilitator run the silence once the Chair appoints them for the document, not for holding a section', async () => {
    const d = await demo();
    const swiss = Me.parse(await getJson(d.server.url, '/api/me', await d.cookie('Switzerland')));
    const kenya = await d.cookie('Kenya');
    const madeFacilitator = await api(
      d.server.url,
      'PATCH',
      `/api/meetings/${d.meetingId}/participants/${swiss.user.id}`,
      { cookie: kenya, body: { role: 'facilitator', sections: ['s-b'] } },
    );
    expect(madeFacilitator.status, await madeFacilitator.clone().text()).toBe(200);
    expect((await d.post('Switzerland', '', FRIDAY_NOON)).status).toBe(403);

    const meeting = MeetingDetail.parse(await getJson(d.server.url, `/api/meetings/${d.meetingId}`, kenya));
    const documentId = meeting.documents.find((doc) => doc.revisions.some((r) => r.id === d.revisionId))?.id;
    const appointed = await api(d.server.url, 'PUT', `/api/documents/${documentId}/facilitators/${swiss.user.id}`, {
      cookie: kenya,
    });
    expect(appointed.status, await appointed.clone().text()).toBe(201);
    await startSilence(d, 'Switzerland');
    expect((await d.post('Switzerland', '/withdraw')).status).toBe(200);
  });
});

describe('the text under silence, over the websocket', () => {
  it('tells open editors at once, refuses a raw update with the deadline, and leaves the stored text as it was', async () => {
    const d = await demo();
    const editor = await newClient(d.server.url, d.revisionId, await d.cookie('Mexico'));
    await waitFor(() => editor.access?.write === true, { what: 'write access' });
    const raw = await RawYjsClient.open(d.server.url, d.revisionId, await d.cookie('Kenya'));

    await startSilence(d);
    await waitFor(() => editor.access?.write === false, { what: 'the editor to learn of the silence' });
    expect(editor.access).toEqual({ write: false, mode: 'read', reason: UNTIL_FRIDAY, state: 'under_silence' });

    const storedBefore = await storedBytes(d.server.databasePath, d.revisionId);
    const textBefore = await storedDocument(d.server.databasePath, d.revisionId);
    raw.change((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('The Chair tries to add a paragraph under silence.')]);
      doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
    });
    const close = await raw.closed;
    expect(close.code).toBe(CloseCode.UpdateRefused.code);
    expect(close.reason).toBe(`${CloseCode.UpdateRefused.reason}: ${UNTIL_FRIDAY}`);
    expect(await storedBytes(d.server.databasePath, d.revisionId)).toEqual(storedBefore);
    expect(await storedDocument(d.server.databasePath, d.revisionId)).toBe(textBefore);

    const broken = await d.post('Nigeria', '/break', { objection: 'Nigeria objects.' });
    expect(broken.status).toBe(200);
    await waitFor(() => editor.access?.write === true, { what: 'the editor to be open again' });
    expect(editor.access).toEqual({ write: true, mode: 'propose', state: 'circulated' });
  });
});

/** The revision's stored snapshot and updates, byte for byte. */
async function storedBytes(databasePath: string, revisionId: string): Promise<Uint8Array[]> {
  const store = new SqliteStore({ path: databasePath });
  try {
    const { snapshot, updates } = await store.loadRevisionContent(revisionId);
    return snapshot ? [snapshot, ...updates] : updates;
  } finally {
    await store.close();
  }
}

describe('adoption when no server runs at the deadline', () => {
  it('adopts on start-up a silence whose deadline passed while the server was stopped', async () => {
    const dataDir = makeTempDir();
    onTestFinished(() => removeTempDir(dataDir));
    const before = await newServerProcess({ dataDir, env: { TEST_ONLY_CLOCK_START: WEDNESDAY_NOON } });
    const { cookie, revisionId } = await openDemo(before.url, chair);
    const started = await api(before.url, 'POST', `/api/revisions/${revisionId}/silence`, {
      cookie,
      body: FRIDAY_NOON,
    });
    expect(started.status, await started.clone().text()).toBe(201);
    expect((await before.stop('SIGTERM')).code).toBe(0);

    const after = await newServerProcess({ dataDir, env: { TEST_ONLY_CLOCK_START: '2021-07-31T09:00:00.000Z' } });
    const again = await signIn(after.url, chair.email, chair.password);
    const detail = RevisionDetail.parse(await getJson(after.url, `/api/revisions/${revisionId}`, again));
    expect(detail.revision.state).toBe('adopted');
    const list = SilenceList.parse(await getJson(after.url, `/api/revisions/${revisionId}/silence`, again));
    expect(list.previous).toMatchObject([{ status: 'adopted', endedAt: DEADLINE }]);
  });

  it('adopts exactly once when two server instances share the SQLite file', async () => {
    const d = await demo();
    await startSilence(d);
    const secondStore = new SqliteStore({ path: d.server.databasePath });
    const second = await startServer({
      store: secondStore,
      config: { ...d.server.config, port: 0, silenceSweepMs: 1 },
      clock: d.clock,
    });
    onTestFinished(async () => {
      await second.close();
      await secondStore.close();
    });
    d.clock.set(DEADLINE);
    await waitFor(async () => (await revisionState(d)) === 'adopted', { what: 'the adoption' });
    expect(await auditActions(d)).toEqual(['silence.start', 'silence.adopt']);
  });
});
