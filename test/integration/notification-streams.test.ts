/**
 * The live notification stream under strain, against a real server over a real socket: a page
 * that stops reading, more pages than one server takes, a meeting corrected while a page
 * listens, and a session that runs out by the server's clock.
 */
import { connect } from 'node:net';
import type { Config } from '@zerodraft/server/config.ts';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { NOTIFICATION_EVENT, NotificationEvent, UNREAD_EVENT } from '@zerodraft/shared/api/notifications.ts';
import { RevisionStarted } from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { api } from '../helpers/api.ts';
import { EventStream } from '../helpers/event-stream.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { newServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

type Delegation = 'Kenya' | 'Mexico' | 'Japan';

const COVER_NOTE = 'Excellency, I have the honour to circulate Draft 1 of the outcome document.';

/** The BMS7 demo on a server whose clock reads Wednesday 28 July 2021, noon in New York. */
async function demo(overrides: Partial<Config> = {}, clock = new ManualClock('2021-07-28T16:00:00.000Z')) {
  const server = await newServer(overrides, { clock });
  const cookies = new Map<Delegation, string>();
  const cookie = async (who: Delegation) => {
    const account = demoAccounts.find((a) => a.delegation === who);
    if (!account) throw new Error(`No demo account for ${who}`);
    const signedIn = cookies.get(who) ?? (await signIn(server.url, account.email, account.password));
    cookies.set(who, signedIn);
    return signedIn;
  };
  const call = async (who: Delegation, method: string, path: string, body?: unknown) => {
    const response = await api(server.url, method, `/api${path}`, { cookie: await cookie(who), body });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  };
  const stream = async (who: Delegation) =>
    EventStream.open(`${server.url}/api/notifications/stream`, { cookie: await cookie(who) });
  const meetingId = Me.parse(await getJson(server.url, '/api/me', await cookie('Kenya'))).participations[0]?.meetingId;
  if (!meetingId) throw new Error('The demo has no meeting');
  return { server, clock, meetingId, cookie, call, stream };
}

type Demo = Awaited<ReturnType<typeof demo>>;

/** The Chair starts Draft 1 from the zero draft and circulates it; returns its id. */
async function circulateDraft1(d: Demo): Promise<string> {
  const meeting = MeetingDetail.parse(await d.call('Kenya', 'GET', `/meetings/${d.meetingId}`));
  const document = meeting.documents[0];
  const zeroDraft = document?.revisions[0]?.id;
  if (!document || !zeroDraft) throw new Error('The demo has no zero draft');
  const started = RevisionStarted.parse(
    await d.call('Kenya', 'POST', `/documents/${document.id}/revisions`, { from: zeroDraft, carryForward: true }),
  );
  const draft1 = started.revision.id;
  await d.call('Kenya', 'POST', `/revisions/${draft1}/circulate`, {
    name: 'Draft 1',
    date: '2021-07-28',
    coverNote: COVER_NOTE,
  });
  return draft1;
}

const opened = (stream: EventStream) =>
  waitFor(() => stream.of(UNREAD_EVENT).length > 0, { what: 'the stream to open with the unread count' });

describe('the live notification stream under strain', () => {
  it('ends the stream of a page that stops reading, so it no longer holds the place another page needs', async () => {
    const d = await demo({ notificationKeepAliveMs: 100, maxNotificationStreams: 1 });
    // A backlog far larger than a socket's buffers hold, for a page that was away.
    const mexico = Me.parse(await getJson(d.server.url, '/api/me', await d.cookie('Mexico')));
    const backlog = new SqliteStore({ path: d.server.databasePath });
    await backlog.addNotifications(
      Array.from({ length: 200 }, (_, i) => ({
        userId: mexico.user.id,
        meetingId: d.meetingId,
        kind: 'silence_broken' as const,
        documentId: null,
        revisionId: null,
        revisionName: 'Draft 1',
        headline: `Silence broken, ${i + 1}`,
        message: 'Mexico cannot join consensus on paragraph 3 as drafted. '.repeat(2_000),
        detail: {},
        createdAt: '2021-07-28T16:00:00.000Z',
      })),
    );
    await backlog.close();

    // The page comes back for what it missed, then reads nothing more.
    const socket = connect(d.server.port, '127.0.0.1');
    onTestFinished(() => {
      socket.destroy();
    });
    let received = '';
    socket.once('data', (chunk: Buffer) => {
      received = chunk.toString('latin1');
      socket.pause();
    });
    socket.write(
      `GET /api/notifications/stream?lastEventId=0 HTTP/1.1\r\nHost: 127.0.0.1:${d.server.port}\r\nAccept: text/event-stream\r\nCookie: ${await d.cookie('Mexico')}\r\n\r\n`,
    );
    await waitFor(() => socket.isPaused(), { what: 'the stream to answer' });
    expect(received).toMatch(/^HTTP\/1\.1 200/);

    // The one place this server has is taken.
    const refused = await d.stream('Japan');
    expect(refused.response.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toBe('60');
    expect(((await refused.response.json()) as { error: { message: string } }).error.message).toBe(
      'This server has 1 pages open that receive notifications, the most it takes. Your page tries again by itself; nothing you are sent meanwhile is lost.',
    );

    await waitFor(
      async () => {
        const again = await d.stream('Japan');
        if (again.response.status === 200) return true;
        again.close();
        return false;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: "the stalled stream to be ended and Japan's page let in" },
    );
  });

  it('keeps a quiet stream open with comment lines', async () => {
    const d = await demo({ notificationKeepAliveMs: 50 });
    const stream = await d.stream('Mexico');
    await waitFor(() => stream.comments.filter((c) => c === 'keep-alive').length >= 3, {
      what: 'three keep-alive lines',
    });
    expect(stream.ended).toBe(false);
  });

  it('shows a corrected venue time zone in the notifications an open stream gets after it', async () => {
    const d = await demo();
    const stream = await d.stream('Mexico');
    await opened(stream);
    const meetingOf = (n: number) =>
      NotificationEvent.parse(JSON.parse(stream.of(NOTIFICATION_EVENT)[n - 1]?.data ?? '{}')).notification.meeting;

    const draft1 = await circulateDraft1(d);
    await stream.nth(NOTIFICATION_EVENT, 1);
    expect(meetingOf(1)).toMatchObject({ venue: 'New York', timeZone: 'America/New_York' });

    // The Secretariat finds the meeting was set up with the wrong venue; corrected in the store.
    const secretariat = new SqliteStore({ path: d.server.databasePath });
    await secretariat.updateMeeting(d.meetingId, { venue: 'Geneva', timeZone: 'Europe/Zurich' });
    await secretariat.close();
    await d.call('Kenya', 'POST', `/revisions/${draft1}/silence`, { date: '2021-08-02', time: '12:00' });
    await stream.nth(NOTIFICATION_EVENT, 2);
    expect(meetingOf(2)).toMatchObject({ venue: 'Geneva', timeZone: 'Europe/Zurich' });
  });

  it('ends the stream when the session runs out by the server’s clock', async () => {
    const d = await demo();
    await d.cookie('Mexico');
    // The server's clock reads three seconds before the session signed in just now runs out.
    d.clock.set(new Date(Date.now() + d.server.config.sessionTtlMs - 3_000));
    const stream = await d.stream('Mexico');
    await opened(stream);
    await stream.untilEnded(10_000);
  });
});
