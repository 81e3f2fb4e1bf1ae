/**
 * Notifications (issue 6) against real servers, read over real HTTP as Server-Sent Events: what
 * each participant is told as it happens, what they are never told, what a stream that was away
 * gets on reconnecting, the adoption a restart makes, and the list they read later.
 */
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import {
  MAX_STREAMS_PER_USER,
  MarkedRead,
  NOTIFICATION_EVENT,
  NotificationEvent,
  NotificationList,
  UNREAD_EVENT,
  UnreadEvent,
} from '@zerodraft/shared/api/notifications.ts';
import { RevisionStarted } from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { EventStream, type ServerSentEvent } from '../helpers/event-stream.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { announceEditor, proposeDeletion, proposeInsertion, recordsIn } from '../helpers/suggesting.ts';
import { newClient, newServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Wednesday 28 July 2021, 12:00 in New York. */
const WEDNESDAY_NOON = '2021-07-28T16:00:00.000Z';
/** Friday 30 July 2021, 12:00 in New York. */
const DEADLINE = '2021-07-30T16:00:00.000Z';
const FRIDAY_NOON = { date: '2021-07-30', time: '12:00' };
const FRIDAY_IN_WORDS = 'Friday 30 July 2021, 12:00 (New York)';
const COVER_NOTE =
  'Excellency, I have the honour to circulate Draft 1 of the outcome document, which reflects the proposals made in our informal consultations of 26 and 27 July 2021, for your consideration.';
const OBJECTION =
  'Nigeria cannot join consensus on paragraph 12 as drafted: the reference to ammunition must be restored before the text is adopted.';

type Delegation = 'Kenya' | 'Mexico' | 'Japan' | 'Nigeria' | 'Switzerland';

interface Demo {
  server: TestServer;
  clock: ManualClock;
  meetingId: string;
  documentId: string;
  zeroDraftId: string;
  cookie(who: Delegation): Promise<string>;
  call(who: Delegation, method: string, path: string, body?: unknown): Promise<Response>;
  stream(who: Delegation, lastEventId?: string): Promise<EventStream>;
  list(who: Delegation, query?: string): Promise<NotificationList>;
}

/** The BMS7 demo on a server whose clock reads Wednesday noon in New York and adopts due silences at once. */
async function demo(): Promise<Demo> {
  const clock = new ManualClock(WEDNESDAY_NOON);
  const server = await newServer({ silenceSweepMs: 10 }, { clock });
  const cookies = new Map<Delegation, string>();
  const cookie = async (who: Delegation) => {
    const known = cookies.get(who);
    if (known) return known;
    const account = demoAccounts.find((a) => a.delegation === who);
    if (!account) throw new Error(`No demo account for ${who}`);
    const signedIn = await signIn(server.url, account.email, account.password);
    cookies.set(who, signedIn);
    return signedIn;
  };
  const me = Me.parse(await getJson(server.url, '/api/me', await cookie('Kenya')));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, await cookie('Kenya')));
  const document = meeting.documents[0];
  const zeroDraftId = document?.revisions[0]?.id;
  if (!document || !zeroDraftId) throw new Error('The demo has no zero draft');
  const call = async (who: Delegation, method: string, path: string, body?: unknown) =>
    api(server.url, method, `/api${path}`, { cookie: await cookie(who), body });
  return {
    server,
    clock,
    meetingId,
    documentId: document.id,
    zeroDraftId,
    cookie,
    call,
    stream: async (who, lastEventId) => {
      const options = lastEventId === undefined ? {} : { lastEventId };
      const stream = await EventStream.open(`${server.url}/api/notifications/stream`, {
        cookie: await cookie(who),
        ...options,
      });
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      return stream;
    },
    list: async (who, query = '') => {
      const response = await call(who, 'GET', `/notifications${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return NotificationList.parse(await response.json());
    },
  };
}

async function ok(response: Promise<Response>, status = 200): Promise<unknown> {
  const answered = await response;
  expect(answered.status, await answered.clone().text()).toBe(status);
  return answered.json();
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

/** The Chair starts Draft 1 from the zero draft; it is in preparation. */
async function startDraft1(d: Demo): Promise<string> {
  const body = { from: d.zeroDraftId, carryForward: true };
  const started = RevisionStarted.parse(
    await ok(d.call('Kenya', 'POST', `/documents/${d.documentId}/revisions`, body), 201),
  );
  return started.revision.id;
}

const circulate = (d: Demo, revisionId: string) =>
  ok(
    d.call('Kenya', 'POST', `/revisions/${revisionId}/circulate`, {
      name: 'Draft 1',
      date: '2021-07-28',
      coverNote: COVER_NOTE,
    }),
  );

const startSilence = (d: Demo, revisionId: string) =>
  ok(d.call('Kenya', 'POST', `/revisions/${revisionId}/silence`, FRIDAY_NOON), 201);

/** The `n`th notification the stream brought, with the event's id and the unread count it carried. */
async function nthNotification(stream: EventStream, n: number) {
  const event: ServerSentEvent = await stream.nth(NOTIFICATION_EVENT, n);
  const { notification, unread } = NotificationEvent.parse(JSON.parse(event.data));
  expect(event.id).toBe(String(notification.id));
  return { ...notification, unread };
}

const lastUnread = (stream: EventStream) => {
  const event = stream.of(UNREAD_EVENT).at(-1);
  return event ? UnreadEvent.parse(JSON.parse(event.data)).unread : undefined;
};

describe('notifications, live over Server-Sent Events', () => {
  it('tell Mexico of the circulation, the silence, its breaking, its withdrawal and the adoption, and nothing of a revision in preparation', async () => {
    const d = await demo();
    const atMexico = await d.stream('Mexico');
    const atChair = await d.stream('Kenya');
    await waitFor(() => lastUnread(atMexico) === 0, { what: "Mexico's stream to say nothing is unread" });

    const draft1 = await startDraft1(d);
    await circulate(d, draft1);
    // The first thing Mexico is told is the circulation: nothing came of the revision in preparation.
    const circulated = await nthNotification(atMexico, 1);
    expect(circulated).toMatchObject({
      kind: 'revision_circulated',
      revisionId: draft1,
      revisionName: 'Draft 1',
      documentId: d.documentId,
      meeting: { id: d.meetingId, venue: 'New York', timeZone: 'America/New_York' },
      headline: 'Draft 1 has been circulated by the Chair',
      createdAt: WEDNESDAY_NOON,
      readAt: null,
      unread: 1,
    });
    expect(circulated.message).toBe(
      'The Chair, Amina Wanjiru (Kenya), circulated Draft 1 of “Outcome document”, dated 28 July 2021. Cover note: “Excellency, I have the honour to circulate Draft 1 of the outcome document, which reflects the proposals made in our informal consultations of 26 and 27 July…”',
    );

    await startSilence(d, draft1);
    expect(await nthNotification(atMexico, 2)).toMatchObject({
      kind: 'silence_started',
      headline: `Draft 1 is under silence procedure until ${FRIDAY_IN_WORDS}`,
      message: `The Chair, Amina Wanjiru (Kenya), placed Draft 1 of “Outcome document” under silence procedure until ${FRIDAY_IN_WORDS}. The text is locked; a delegation that objects breaks silence in writing before the deadline.`,
      unread: 2,
    });

    d.clock.set('2021-07-29T16:00:00.000Z');
    await ok(d.call('Nigeria', 'POST', `/revisions/${draft1}/silence/break`, { objection: OBJECTION }));
    const broken = await nthNotification(atMexico, 3);
    expect(broken).toMatchObject({
      kind: 'silence_broken',
      headline: 'Nigeria has broken silence on Draft 1',
      createdAt: '2021-07-29T16:00:00.000Z',
    });
    expect(broken.message).toBe(
      'Chidi Okafor (Nigeria) broke silence on Draft 1 of “Outcome document”: “Nigeria cannot join consensus on paragraph 12 as drafted: the reference to ammunition must be restored before the text is adopted.” The text is open again.',
    );
    // The Chair is told of the objection, not of the acts the Chair took.
    expect((await nthNotification(atChair, 1)).kind).toBe('silence_broken');

    d.clock.set(WEDNESDAY_NOON);
    await startSilence(d, draft1);
    await ok(d.call('Kenya', 'POST', `/revisions/${draft1}/silence/withdraw`));
    expect(await nthNotification(atMexico, 5)).toMatchObject({
      kind: 'silence_withdrawn',
      headline: 'The silence procedure on Draft 1 has been withdrawn',
      message: `The Chair, Amina Wanjiru (Kenya), withdrew the silence procedure on Draft 1 of “Outcome document”, which was to end at ${FRIDAY_IN_WORDS}. The text is open again.`,
    });

    await startSilence(d, draft1);
    d.clock.set(DEADLINE);
    const adopted = await nthNotification(atMexico, 7);
    expect(adopted).toMatchObject({
      kind: 'revision_adopted',
      headline: 'Draft 1 has been adopted',
      message: `The silence procedure on Draft 1 of “Outcome document” ended at ${FRIDAY_IN_WORDS} with no objection: the text is adopted.`,
      createdAt: DEADLINE,
      unread: 7,
    });
    expect((await nthNotification(atChair, 2)).kind).toBe('revision_adopted');
    expect(atChair.of(NOTIFICATION_EVENT)).toHaveLength(2);
    expect((await d.list('Mexico')).notifications.map((n) => n.kind)).toEqual([
      'revision_adopted',
      'silence_started',
      'silence_withdrawn',
      'silence_started',
      'silence_broken',
      'silence_started',
      'revision_circulated',
    ]);
  });

  it('tells Mexico’s delegation that its proposals were accepted or rejected, once per act, and Japan nothing of them', async () => {
    const d = await demo();
    let persisted = 0;
    const editors = new Map<Delegation, CollabClient>();
    /** Writes a proposal in `who`'s editor on the zero draft and waits until the server has recorded it. */
    const propose = async (who: Delegation, write: (doc: CollabClient['doc'], by: SuggestionAttrs) => void) => {
      let editor = editors.get(who);
      if (!editor) {
        editor = await newClient(d.server.url, d.zeroDraftId, await d.cookie(who));
        announceEditor(editor);
        const opened = editor;
        await waitFor(() => opened.access !== undefined && opened.provider.synced, { what: `${who}'s editor` });
        editors.set(who, editor);
      }
      const me = Me.parse(await getJson(d.server.url, '/api/me', await d.cookie(who)));
      const by: SuggestionAttrs = {
        id: `${who.toLowerCase()}-proposal-${++persisted}`,
        delegation: me.participations[0]?.delegation.id ?? '',
        user: me.user.id,
        time: new Date().toISOString(),
      };
      write(editor.doc, by);
      await editor.confirmPersisted(persisted);
      const written = editor;
      await waitFor(() => recordsIn(written.doc)[by.id] !== undefined, { what: `the record of ${by.id}` });
      return by;
    };
    const firmly = await propose('Mexico', (doc, by) => proposeInsertion(doc, 'p-a-05', 'States', ' firmly', by));
    await propose('Mexico', (doc, by) => proposeDeletion(doc, 'p-a-06', 'yet ', by));
    await propose('Mexico', (doc, by) => proposeInsertion(doc, 'p-a-07', 'adequate', ' and sustainable', by));
    await propose('Mexico', (doc, by) => proposeInsertion(doc, 'p-a-08', 'analysis', ' and sharing', by));
    const japans = await propose('Japan', (doc, by) => proposeDeletion(doc, 'p-a-05', 'fully and ', by));

    const atMexico = await d.stream('Mexico');
    const atJapan = await d.stream('Japan');
    const decide = (decision: 'accept' | 'reject', scope: Record<string, unknown>) =>
      ok(d.call('Kenya', 'POST', `/revisions/${d.zeroDraftId}/decisions`, { decision, scope }));

    await decide('accept', { kind: 'proposal', proposalId: firmly.id });
    expect(await nthNotification(atMexico, 1)).toMatchObject({
      kind: 'proposals_accepted',
      revisionId: d.zeroDraftId,
      headline: "Mexico's proposal on Zero draft was accepted",
      message:
        "The Chair, Amina Wanjiru (Kenya), accepted Mexico's proposal in Zero draft of “Outcome document” to insert “firmly”.",
    });

    await decide('reject', { kind: 'delegation', delegationId: firmly.delegation });
    const rejected = await nthNotification(atMexico, 2);
    expect(rejected).toMatchObject({
      kind: 'proposals_rejected',
      headline: "3 of Mexico's proposals on Zero draft were rejected",
      message:
        "The Chair, Amina Wanjiru (Kenya), rejected 3 of Mexico's proposals in Zero draft of “Outcome document”: delete “yet”; insert “and sustainable”; insert “and sharing”.",
      unread: 2,
    });

    // Mexico proposes deleting a word Japan proposes deleting with others: accepting Japan's takes Mexico's words away.
    await propose('Mexico', (doc, by) => proposeDeletion(doc, 'p-a-05', 'fully ', by));
    await decide('accept', { kind: 'proposal', proposalId: japans.id });
    // Japan's first notification is its own: nothing of Mexico's reached it.
    expect(await nthNotification(atJapan, 1)).toMatchObject({
      kind: 'proposals_accepted',
      headline: "Japan's proposal on Zero draft was accepted",
    });
    expect(await nthNotification(atMexico, 3)).toMatchObject({
      kind: 'proposals_rejected',
      headline: "Mexico's proposal on Zero draft lapsed",
      message:
        "Mexico's proposal to delete “fully” in Zero draft of “Outcome document” lapsed with a decision of the Chair, Amina Wanjiru (Kenya). A proposal lapses when a decision on another proposal takes away its words; it is recorded as rejected.",
    });
    expect((await d.list('Japan')).notifications).toHaveLength(1);
    expect((await d.list('Mexico')).notifications).toHaveLength(3);
    expect((await d.list('Switzerland')).notifications).toEqual([]);
  });

  it('sends a stream that reconnects with Last-Event-ID what it missed, in order, then the unread count', async () => {
    const d = await demo();
    const first = await d.stream('Mexico');
    const draft1 = await startDraft1(d);
    await circulate(d, draft1);
    const circulated = await nthNotification(first, 1);
    first.close();

    await startSilence(d, draft1);
    await ok(d.call('Nigeria', 'POST', `/revisions/${draft1}/silence/break`, { objection: OBJECTION }));

    const again = await d.stream('Mexico', String(circulated.id));
    expect((await nthNotification(again, 1)).kind).toBe('silence_started');
    expect((await nthNotification(again, 2)).kind).toBe('silence_broken');
    await waitFor(() => lastUnread(again) === 3, { what: 'the unread count after the replay' });
    expect(again.events.map((e) => e.event)).toEqual([NOTIFICATION_EVENT, NOTIFICATION_EVENT, UNREAD_EVENT]);

    // A new page asks by query for what came after the newest it knows, 0 when it knows none.
    const newPage = await EventStream.open(`${d.server.url}/api/notifications/stream?lastEventId=0`, {
      cookie: await d.cookie('Mexico'),
    });
    await waitFor(() => lastUnread(newPage) === 3, { what: 'the replay from the start' });
    expect(newPage.of(NOTIFICATION_EVENT).map((e) => e.id)).toEqual([
      String(circulated.id),
      ...again.of(NOTIFICATION_EVENT).map((e) => e.id),
    ]);

    // A fresh stream without Last-Event-ID gets no replay, just the count; live ones follow.
    const fresh = await d.stream('Mexico');
    await waitFor(() => lastUnread(fresh) === 3, { what: 'the unread count on a fresh stream' });
    expect(fresh.of(NOTIFICATION_EVENT)).toEqual([]);
  });

  it('adopts on a restart after the deadline and tells each participant exactly once', async () => {
    const d = await demo();
    const draft1 = await startDraft1(d);
    await circulate(d, draft1);
    await startSilence(d, draft1);
    await d.server.restart(() => d.clock.set('2021-07-31T09:00:00.000Z'));
    // fetch may first try a kept-alive connection to the stopped server, which fails once.
    await waitFor(
      () =>
        fetch(`${d.server.url}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
      {
        what: 'the server to answer after its restart',
      },
    );

    for (const who of ['Mexico', 'Japan', 'Kenya'] as const) {
      const adopted = (await d.list(who)).notifications.filter((n) => n.kind === 'revision_adopted');
      expect(adopted.map((n) => [n.headline, n.createdAt])).toEqual([
        ['Draft 1 has been adopted', '2021-07-31T09:00:00.000Z'],
      ]);
    }
  });

  it('ends the stream when its session signs out, and refuses it then', async () => {
    const d = await demo();
    const stream = await d.stream('Mexico');
    await waitFor(() => lastUnread(stream) === 0, { what: 'the stream to open' });
    expect((await d.call('Mexico', 'DELETE', '/session')).status).toBe(204);
    await stream.untilEnded();
    const refused = await EventStream.open(`${d.server.url}/api/notifications/stream`, {
      cookie: await d.cookie('Mexico'),
    });
    expect(refused.response.status).toBe(401);
  });
});

describe('the list of notifications', () => {
  it('lists newest first in pages, marks read by ids or up to one, and tells the user’s other pages the count', async () => {
    const d = await demo();
    const draft1 = await startDraft1(d);
    await circulate(d, draft1);
    for (let i = 0; i < 2; i++) {
      await startSilence(d, draft1);
      await ok(d.call('Kenya', 'POST', `/revisions/${draft1}/silence/withdraw`));
    }
    const all = await d.list('Mexico');
    expect(all.unread).toBe(5);
    expect(all.nextBefore).toBeNull();
    const ids = all.notifications.map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const page1 = await d.list('Mexico', '?limit=2');
    expect(page1.notifications.map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect(page1.nextBefore).toBe(ids[1]);
    const page2 = await d.list('Mexico', `?limit=2&before=${page1.nextBefore}`);
    expect(page2.notifications.map((n) => n.id)).toEqual(ids.slice(2, 4));
    const page3 = await d.list('Mexico', `?limit=2&before=${page2.nextBefore}`);
    expect(page3.notifications.map((n) => n.id)).toEqual(ids.slice(4));
    expect(page3.nextBefore).toBeNull();

    const otherPage = await d.stream('Mexico');
    await waitFor(() => lastUnread(otherPage) === 5, { what: "the other page's count" });
    const [newest, second] = ids;
    expect(MarkedRead.parse(await ok(d.call('Mexico', 'POST', '/notifications/read', { ids: [newest] })))).toEqual({
      marked: 1,
      unread: 4,
    });
    await waitFor(() => lastUnread(otherPage) === 4, { what: 'the other page to hear of the read one' });
    // Japan cannot mark Mexico's notifications read.
    expect(MarkedRead.parse(await ok(d.call('Japan', 'POST', '/notifications/read', { ids: [second] })))).toMatchObject(
      {
        marked: 0,
      },
    );
    expect(MarkedRead.parse(await ok(d.call('Mexico', 'POST', '/notifications/read', { upTo: second })))).toEqual({
      marked: 4,
      unread: 0,
    });
    expect(MarkedRead.parse(await ok(d.call('Mexico', 'POST', '/notifications/read', { upTo: second })))).toEqual({
      marked: 0,
      unread: 0,
    });
    const read = await d.list('Mexico');
    expect(read.notifications.every((n) => n.readAt === WEDNESDAY_NOON)).toBe(true);
    await waitFor(() => lastUnread(otherPage) === 0, { what: 'the other page to hear all are read' });
  });

  it('shows an API token the notifications of its own meeting', async () => {
    const d = await demo();
    const draft1 = await startDraft1(d);
    await circulate(d, draft1);
    const created = CreatedApiToken.parse(
      await ok(d.call('Mexico', 'POST', `/meetings/${d.meetingId}/tokens`, { name: 'Capital’s tracker' }), 201),
    );
    const response = await api(d.server.url, 'GET', '/api/notifications', { token: created.token });
    expect(NotificationList.parse(await response.json()).notifications.map((n) => n.kind)).toEqual([
      'revision_circulated',
    ]);
    const stream = await EventStream.open(`${d.server.url}/api/notifications/stream`, { token: created.token });
    expect(stream.response.status).toBe(200);
    await waitFor(() => lastUnread(stream) === 1, { what: "the token's stream" });
  });
});

describe('refusals', () => {
  it('refuses without a sign-in, and bad input with the reason', async () => {
    const d = await demo();
    expect((await api(d.server.url, 'GET', '/api/notifications')).status).toBe(401);
    expect((await api(d.server.url, 'POST', '/api/notifications/read', { body: { upTo: 1 } })).status).toBe(401);
    expect((await EventStream.open(`${d.server.url}/api/notifications/stream`)).response.status).toBe(401);

    const listRefusal = async (query: string) => refusal(await d.call('Mexico', 'GET', `/notifications${query}`));
    expect(await listRefusal('?limit=0')).toEqual({
      status: 400,
      message: 'The request is invalid. limit: limit is how many to list, from 1 to 100.',
    });
    expect((await listRefusal('?limit=101')).status).toBe(400);
    expect((await listRefusal('?limit=ten')).status).toBe(400);
    expect(await listRefusal('?before=-3')).toEqual({
      status: 400,
      message: 'The request is invalid. before: before is a notification id: a whole number from 1.',
    });
    expect((await listRefusal('?page=2')).status).toBe(400);

    const markRefusal = async (body: unknown) => refusal(await d.call('Mexico', 'POST', '/notifications/read', body));
    expect(await markRefusal({ ids: [] })).toMatchObject({ status: 400 });
    expect((await markRefusal({ ids: [] })).message).toContain('Name at least one notification to mark read.');
    expect((await markRefusal({ ids: ['seven'] })).status).toBe(400);
    expect((await markRefusal({ upTo: 0 })).status).toBe(400);
    expect((await markRefusal({ ids: [1], upTo: 1 })).status).toBe(400);
    expect((await markRefusal({})).status).toBe(400);
    const notJson = await api(d.server.url, 'POST', '/api/notifications/read', {
      cookie: await d.cookie('Mexico'),
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);

    const badResume = await EventStream.open(`${d.server.url}/api/notifications/stream`, {
      cookie: await d.cookie('Mexico'),
      lastEventId: 'yesterday',
    });
    expect(await refusal(badResume.response)).toEqual({
      status: 400,
      message: 'Last-Event-ID is the id of the last notification received: a whole number, 0 for none.',
    });
  });

  it(`refuses a user more than ${MAX_STREAMS_PER_USER} open streams, with the reason, and takes one again once another closes`, async () => {
    const d = await demo();
    const open: EventStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) open.push(await d.stream('Mexico'));
    const refused = await EventStream.open(`${d.server.url}/api/notifications/stream`, {
      cookie: await d.cookie('Mexico'),
    });
    expect(refused.response.headers.get('retry-after')).toBe('60');
    expect(await refusal(refused.response)).toEqual({
      status: 429,
      message: `You have ${MAX_STREAMS_PER_USER} pages of Zerodraft open that receive notifications, the most allowed. Close one of them, then reload this page.`,
    });
    // Japan's streams are Japan's own count.
    await d.stream('Japan');
    open[0]?.close();
    await waitFor(
      async () => {
        const again = await EventStream.open(`${d.server.url}/api/notifications/stream`, {
          cookie: await d.cookie('Mexico'),
        });
        if (again.response.status === 200) return true;
        again.close();
        return false;
      },
      { what: 'a closed stream to free its place' },
    );
  });
});
