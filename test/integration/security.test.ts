import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { ApiError } from '@zerodraft/shared/api/errors.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { api } from '../helpers/api.ts';
import { collabServerUrl } from '../helpers/collab-client.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { chair, mexico, newServer, openDemo, type TestServer } from '../helpers/test-server.ts';

const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? chair;

async function meetingOf(server: TestServer, cookie: string) {
  const meetingId = Me.parse(await getJson(server.url, '/api/me', cookie)).participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, cookie));
  return { meetingId, mexicoId: meeting.delegations.find((d) => d.name === 'Mexico')?.id ?? '' };
}

async function expectCrossSiteRefused(response: Response) {
  expect(response.status).toBe(403);
  expect(ApiError.parse(await response.json()).error).toEqual({
    code: 'cross_site',
    message: 'Cross-site request refused.',
  });
}

describe('Cross-site request forgery', () => {
  it('refuses a cookie write from a foreign page, and takes it from the app’s own', async () => {
    const server = await newServer();
    const cookie = await signIn(server.url, mexico.email, mexico.password);
    const { meetingId } = await meetingOf(server, cookie);
    const path = `/api/meetings/${meetingId}/tokens`;
    const body = { name: 'Script' };

    await expectCrossSiteRefused(await api(server.url, 'POST', path, { cookie, body, origin: 'https://evil.example' }));
    await expectCrossSiteRefused(await api(server.url, 'POST', path, { cookie, body, origin: 'null' }));
    await expectCrossSiteRefused(await api(server.url, 'POST', path, { cookie, body, origin: null }));
    await expectCrossSiteRefused(
      await api(server.url, 'POST', path, { cookie, body, origin: null, headers: { 'sec-fetch-site': 'cross-site' } }),
    );
    await expectCrossSiteRefused(
      await api(server.url, 'DELETE', '/api/session', { cookie, origin: 'https://evil.example' }),
    );
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(200);

    expect((await api(server.url, 'POST', path, { cookie, body })).status).toBe(201);
    const sameOrigin = { cookie, body, origin: null, headers: { 'sec-fetch-site': 'same-origin' } };
    expect((await api(server.url, 'POST', path, sameOrigin)).status).toBe(201);
  });

  it('takes cookie writes from an origin listed in ALLOWED_ORIGINS', async () => {
    const server = await newServer({ allowedOrigins: ['https://drafts.example.org'] });
    const cookie = await signIn(server.url, mexico.email, mexico.password);
    const { meetingId } = await meetingOf(server, cookie);

    const response = await api(server.url, 'POST', `/api/meetings/${meetingId}/tokens`, {
      cookie,
      body: { name: 'Script' },
      origin: 'https://drafts.example.org',
    });
    expect(response.status).toBe(201);
  });

  it('refuses a sign-in posted by a foreign page, which would sign the browser in to its account', async () => {
    const server = await newServer();
    const response = await api(server.url, 'POST', '/api/session', {
      body: { email: mexico.email, password: mexico.password },
      origin: 'https://evil.example',
    });
    await expectCrossSiteRefused(response);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('takes a Bearer-token write without any Origin', async () => {
    const server = await newServer();
    const cookie = await signIn(server.url, secretariat.email, secretariat.password);
    const { meetingId, mexicoId } = await meetingOf(server, cookie);
    const created = await api(server.url, 'POST', `/api/meetings/${meetingId}/tokens`, {
      cookie,
      body: { name: 'Roster script' },
    });
    const { token } = CreatedApiToken.parse(await created.json());

    const response = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      token,
      body: { email: 'scripted@sre.example', role: 'delegation', delegationId: mexicoId },
    });
    expect(response.status).toBe(201);
  });
});

describe('Request limits and headers', () => {
  it('refuses a body over the limit with 413 and says so, whether or not it declares its length', async () => {
    const server = await newServer({ maxBodyBytes: 16 * 1024 });
    const big = JSON.stringify({ email: mexico.email, password: 'x'.repeat(20 * 1024) });

    const declared = await api(server.url, 'POST', '/api/session', { body: JSON.parse(big) });
    expect(declared.status).toBe(413);
    expect(ApiError.parse(await declared.json()).error).toEqual({
      code: 'too_large',
      message: 'The request is too large: at most 16 KiB is accepted.',
    });

    // A stream is sent chunked, with no Content-Length to check up front.
    const streamed = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('sends the security headers and a content security policy for the client', async () => {
    const server = await newServer();
    const response = await fetch(`${server.url}/api/health`);

    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    // 'self' covers the same origin's ws: and wss: too; no other host may be reached.
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('marks the session cookie Secure and sends HSTS when COOKIE_SECURE is set', async () => {
    const server = await newServer({ cookieSecure: true });
    const response = await api(server.url, 'POST', '/api/session', {
      body: { email: mexico.email, password: mexico.password },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('refuses a websocket upgrade from a foreign page with 403, and takes the app’s own', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url, chair);
    const statusFrom = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${collabServerUrl(server.url)}/${revisionId}`, { headers: { cookie, origin } });
        socket.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('open', () => {
          resolve(101);
          socket.close();
        });
        socket.on('error', reject);
      });
    expect(await statusFrom('https://evil.example')).toBe(403);
    expect(await statusFrom(server.url)).toBe(101);
  });
});
