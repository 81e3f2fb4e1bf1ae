import { randomUUID } from 'node:crypto';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { ApiError } from '@zerodraft/shared/api/errors.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { ApiTokenList, CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { api } from '../helpers/api.ts';
import { collabServerUrl } from '../helpers/collab-client.ts';
import { getJson } from '../helpers/session.ts';
import { mexico, newServer, openDemo, type TestServer } from '../helpers/test-server.ts';

/** Mexico, signed in, with a token for the demo meeting. */
async function mexicoWithToken(server: TestServer) {
  const { cookie, revisionId } = await openDemo(server.url, mexico);
  const me = Me.parse(await getJson(server.url, '/api/me', cookie));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const response = await api(server.url, 'POST', `/api/meetings/${meetingId}/tokens`, {
    cookie,
    body: { name: 'Compilation export' },
  });
  expect(response.status).toBe(201);
  const created = CreatedApiToken.parse(await response.json());
  return { cookie, revisionId, meetingId, userId: me.user.id, created };
}

/** A meeting of its own in which Mexico also takes part, so only the token's scope keeps it out. */
async function secondMeetingWithMexico(server: TestServer, userId: string): Promise<string> {
  const store = new SqliteStore({ path: server.databasePath });
  onTestFinished(() => store.close());
  const meeting = await store.createMeeting({
    id: randomUUID(),
    title: 'Fourth Review Conference (RevCon4)',
    symbol: 'A/CONF.192/2024/RC',
    venue: 'New York',
    timeZone: 'America/New_York',
    startsOn: null,
    endsOn: null,
  });
  const delegation = await store.createDelegation({
    id: randomUUID(),
    meetingId: meeting.id,
    name: 'Mexico',
    code: 'MEX',
    kind: 'state',
  });
  await store.addParticipant({
    meetingId: meeting.id,
    userId,
    delegationId: delegation.id,
    role: 'delegation',
    hasPen: false,
    sections: [],
  });
  return meeting.id;
}

describe('Personal API tokens', () => {
  it('reads its own meeting with Bearer, and no other, until revoked', async () => {
    const server = await newServer();
    const { cookie, meetingId, userId, created } = await mexicoWithToken(server);
    expect(created).toMatchObject({ name: 'Compilation export', meetingId });
    expect(created.token).toMatch(/^zdt_/);
    const otherMeetingId = await secondMeetingWithMexico(server, userId);

    expect((await api(server.url, 'GET', `/api/meetings/${meetingId}`, { token: created.token })).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/meetings/${otherMeetingId}`, { cookie })).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/meetings/${otherMeetingId}`, { token: created.token })).status).toBe(
      404,
    );
    const meByToken = Me.parse(await (await api(server.url, 'GET', '/api/me', { token: created.token })).json());
    expect(meByToken.participations.map((p) => p.meetingId)).toEqual([meetingId]);

    expect((await api(server.url, 'DELETE', `/api/tokens/${created.id}`, { cookie })).status).toBe(204);
    const revoked = await api(server.url, 'GET', `/api/meetings/${meetingId}`, { token: created.token });
    expect(revoked.status).toBe(401);
    expect(ApiError.parse(await revoked.json()).error.code).toBe('invalid_token');
    expect((await api(server.url, 'DELETE', `/api/tokens/${created.id}`, { cookie })).status).toBe(404);
  });

  it('lists the owner’s tokens without their secrets', async () => {
    const server = await newServer();
    const { cookie, created } = await mexicoWithToken(server);

    const response = await api(server.url, 'GET', '/api/tokens', { cookie });
    const text = await response.text();
    expect(text).not.toContain(created.token);
    expect(text).not.toMatch(/hash/i);
    expect(ApiTokenList.parse(JSON.parse(text)).tokens).toMatchObject([
      { id: created.id, name: 'Compilation export', revokedAt: null, lastUsedAt: null },
    ]);
    const before = Date.now();
    expect((await api(server.url, 'GET', '/api/me', { token: created.token })).status).toBe(200);
    const [used] = ApiTokenList.parse(await getJson(server.url, '/api/tokens', cookie)).tokens;
    expect(new Date(used?.lastUsedAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const { cookie: chairCookie } = await openDemo(server.url);
    expect(ApiTokenList.parse(await getJson(server.url, '/api/tokens', chairCookie)).tokens).toEqual([]);
    expect((await api(server.url, 'DELETE', `/api/tokens/${created.id}`, { cookie: chairCookie })).status).toBe(404);
  });

  it('cannot mint tokens or manage sessions with a token', async () => {
    const server = await newServer();
    const { meetingId, created } = await mexicoWithToken(server);

    const minted = await api(server.url, 'POST', `/api/meetings/${meetingId}/tokens`, {
      token: created.token,
      body: { name: 'Another' },
    });
    expect(minted.status).toBe(403);
    expect((await api(server.url, 'GET', '/api/sessions', { token: created.token })).status).toBe(403);
    expect((await api(server.url, 'GET', '/api/tokens', { token: created.token })).status).toBe(403);
  });

  it('refuses an invalid Bearer token with 401 even beside a valid session cookie', async () => {
    const server = await newServer();
    const { cookie, meetingId } = await mexicoWithToken(server);

    for (const token of ['zdt_not-a-token', 'something-else']) {
      const response = await api(server.url, 'GET', `/api/meetings/${meetingId}`, { cookie, token });
      expect(response.status).toBe(401);
    }
  });

  it('refuses a token for a meeting the user takes no part in', async () => {
    const server = await newServer();
    const { cookie } = await mexicoWithToken(server);
    const response = await api(server.url, 'POST', `/api/meetings/${randomUUID()}/tokens`, {
      cookie,
      body: { name: 'Nowhere' },
    });
    expect(response.status).toBe(404);
  });

  it('closes the websocket a token opened when it is revoked', async () => {
    const server = await newServer();
    const { cookie, revisionId, created } = await mexicoWithToken(server);
    const socket = new WebSocket(`${collabServerUrl(server.url)}/${revisionId}`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    onTestFinished(() => socket.terminate());
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });

    expect((await api(server.url, 'DELETE', `/api/tokens/${created.id}`, { cookie })).status).toBe(204);
    expect(await closed).toBe(CloseCode.Unauthorized.code);
  });
});
