import { hashToken } from '@zerodraft/server/auth/sessions.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { Me, SessionList } from '@zerodraft/shared/api/session.ts';
import { CloseCode, SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { api } from '../helpers/api.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { chair, mexico, newClient, newServer, openDemo } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const tokenIn = (cookie: string) => cookie.slice(`${SESSION_COOKIE}=`.length);

describe('Sessions', () => {
  it("lists one's own sessions, marks the current one, and never shows what they are stored under", async () => {
    const server = await newServer();
    const laptop = await signIn(server.url, chair.email, chair.password);
    const phone = await signIn(server.url, chair.email, chair.password);
    await signIn(server.url, mexico.email, mexico.password);

    const response = await api(server.url, 'GET', '/api/sessions', { cookie: laptop });
    const text = await response.text();
    const { sessions } = SessionList.parse(JSON.parse(text));
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of sessions) expect(s.id).toMatch(/^[0-9a-f]{16}$/);
    for (const cookie of [laptop, phone]) {
      expect(text).not.toContain(tokenIn(cookie));
      expect(text).not.toContain(hashToken(tokenIn(cookie)));
    }
    expect(sessions.find((s) => s.current)?.id).toBe(hashToken(tokenIn(laptop)).slice(0, 16));
  });

  it('revokes another of its sessions: that browser is signed out and its open editor closed', async () => {
    const server = await newServer();
    const { cookie: laptop } = await openDemo(server.url, chair);
    const { cookie: phone, revisionId } = await openDemo(server.url, chair);
    const phoneEditor = await newClient(server.url, revisionId, phone);
    const { sessions } = SessionList.parse(await getJson(server.url, '/api/sessions', laptop));
    const phoneSession = sessions.find((s) => !s.current);
    if (!phoneSession) throw new Error('The second session is not listed');

    const revoked = await api(server.url, 'DELETE', `/api/sessions/${phoneSession.id}`, { cookie: laptop });

    expect(revoked.status).toBe(204);
    expect(revoked.headers.getSetCookie()).toEqual([]);
    expect((await api(server.url, 'GET', '/api/me', { cookie: phone })).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/me', { cookie: laptop })).status).toBe(200);
    await waitFor(() => phoneEditor.closes.some((c) => c.code === CloseCode.Unauthorized.code), {
      what: 'the revoked session’s socket to close with 4401',
    });
  });

  it("answers 404 for a session that is not one's own", async () => {
    const server = await newServer();
    const chairCookie = await signIn(server.url, chair.email, chair.password);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const mexicoSession = SessionList.parse(await getJson(server.url, '/api/sessions', mexicoCookie)).sessions[0];

    const response = await api(server.url, 'DELETE', `/api/sessions/${mexicoSession?.id}`, { cookie: chairCookie });

    expect(response.status).toBe(404);
    expect((await api(server.url, 'GET', '/api/me', { cookie: mexicoCookie })).status).toBe(200);
  });

  it('signs the current browser out when its own session is revoked', async () => {
    const server = await newServer();
    const cookie = await signIn(server.url, chair.email, chair.password);
    const current = SessionList.parse(await getJson(server.url, '/api/sessions', cookie)).sessions[0];

    const response = await api(server.url, 'DELETE', `/api/sessions/${current?.id}`, { cookie });

    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('purges expired sessions rather than listing them', async () => {
    const server = await newServer();
    const cookie = await signIn(server.url, chair.email, chair.password);
    const me = Me.parse(await getJson(server.url, '/api/me', cookie));
    const store = new SqliteStore({ path: server.databasePath });
    onTestFinished(() => store.close());
    const stale = hashToken('a session from last year');
    await store.createSession({ tokenHash: stale, userId: me.user.id, expiresAt: '2024-07-30T16:00:00.000Z' });

    const { sessions } = SessionList.parse(await getJson(server.url, '/api/sessions', cookie));

    expect(sessions).toHaveLength(1);
    expect(await store.findSession(stale)).toBeUndefined();
  });
});
