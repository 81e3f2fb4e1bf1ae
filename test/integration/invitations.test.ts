import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '@zerodraft/server/auth/passwords.ts';
import { hashToken } from '@zerodraft/server/auth/sessions.ts';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { ApiError } from '@zerodraft/shared/api/errors.ts';
import { CreatedInvitation, InvitationList, InvitationPreview } from '@zerodraft/shared/api/invitations.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { api, sessionCookieOf } from '../helpers/api.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { mexico, newServer, type TestServer } from '../helpers/test-server.ts';

const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? mexico;

/** The demo meeting as the Secretariat sees it, with the Secretariat's cookie. */
async function asSecretariat(server: TestServer) {
  const cookie = await signIn(server.url, secretariat.email, secretariat.password);
  const me = Me.parse(await getJson(server.url, '/api/me', cookie));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, cookie));
  const delegationId = (name: string) => {
    const delegation = meeting.delegations.find((d) => d.name === name);
    if (!delegation) throw new Error(`The demo meeting has no delegation ${name}`);
    return delegation.id;
  };
  return { cookie, meetingId, delegationId };
}

/** A second handle on the server's SQLite file, to arrange what the API cannot (an account, a past expiry). */
function openStore(server: TestServer): SqliteStore {
  const store = new SqliteStore({ path: server.databasePath });
  onTestFinished(() => store.close());
  return store;
}

const tokenOf = (url: string) => url.split('/invitations/')[1] ?? '';

describe('Invitations', () => {
  it('lets the Secretariat invite a Mexico delegate, who joins once through the link', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);

    const created = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'Diego.Ramirez@sre.example', role: 'delegation', delegationId: delegationId('Mexico') },
    });
    expect(created.status).toBe(201);
    const invitation = CreatedInvitation.parse(await created.json());
    expect(invitation.url).toMatch(new RegExp(`^${server.url}/invitations/[\\w-]{43}$`));
    const lifetime = new Date(invitation.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 24 * 3600_000);

    const token = tokenOf(invitation.url);
    const preview = InvitationPreview.parse(await (await api(server.url, 'GET', `/api/invitations/${token}`)).json());
    expect(preview).toMatchObject({
      delegation: { name: 'Mexico' },
      role: 'delegation',
      email: 'diego.ramirez@sre.example',
      accountExists: false,
    });
    expect(preview.meeting.title).toMatch(/BMS7/);

    const tooShort = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Diego Ramírez', password: 'short-pass' },
    });
    expect(tooShort.status).toBe(400);
    expect(ApiError.parse(await tooShort.json()).error.message).toMatch(/at least 12 characters/);

    const accepted = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Diego Ramírez', password: 'tlatelolco-1967' },
    });
    expect(accepted.status).toBe(200);
    const me = Me.parse(await accepted.json());
    expect(me.user).toMatchObject({ name: 'Diego Ramírez', email: 'diego.ramirez@sre.example' });
    expect(me.participations).toMatchObject([{ meetingId, role: 'delegation', delegation: { name: 'Mexico' } }]);
    const newCookie = sessionCookieOf(accepted);
    if (!newCookie) throw new Error('Accepting set no session cookie');
    expect(accepted.headers.getSetCookie()[0]).toMatch(/HttpOnly/);
    expect(Me.parse(await getJson(server.url, '/api/me', newCookie)).user.name).toBe('Diego Ramírez');
    expect((await api(server.url, 'GET', `/api/meetings/${meetingId}`, { cookie: newCookie })).status).toBe(200);
    await signIn(server.url, 'diego.ramirez@sre.example', 'tlatelolco-1967');

    const again = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Someone Else', password: 'another-password-1' },
    });
    expect(again.status).toBe(410);
    expect(ApiError.parse(await again.json()).error.message).toMatch(/has already been used/);
    expect((await api(server.url, 'GET', `/api/invitations/${token}`)).status).toBe(410);

    const audit = await openStore(server).listAudit({ meetingId });
    expect(audit.map((e) => [e.action, e.actorName, e.actorDelegation, e.target])).toEqual(
      expect.arrayContaining([
        ['invitation.create', secretariat.name, secretariat.delegation, 'diego.ramirez@sre.example (Mexico)'],
        ['invitation.accept', 'Diego Ramírez', 'Mexico', 'Diego Ramírez (Mexico)'],
      ]),
    );
  });

  it('admits one of two acceptances racing for the same link', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);
    const created = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'shared.link@sre.example', role: 'delegation', delegationId: delegationId('Mexico') },
    });
    const token = tokenOf(CreatedInvitation.parse(await created.json()).url);

    const accept = (name: string) =>
      api(server.url, 'POST', `/api/invitations/${token}/accept`, { body: { name, password: `${name}-password-1` } });
    const [first, second] = (await Promise.all([accept('first'), accept('second')])).map((r) => r.status).sort();

    expect(first).toBe(200);
    // 410 as a rule; 401 if the loser looked the email up just after the winner created its account.
    expect([401, 410]).toContain(second);
  });

  it('refuses an invitation from a delegate with 403 and the reason', async () => {
    const server = await newServer();
    const { meetingId, delegationId } = await asSecretariat(server);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);

    const response = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie: mexicoCookie,
      body: { email: 'friend@sre.example', role: 'delegation', delegationId: delegationId('Mexico') },
    });

    expect(response.status).toBe(403);
    expect(ApiError.parse(await response.json()).error.message).toBe(
      'Only the Chair and the Secretariat manage participants and roles.',
    );
    expect(
      (await api(server.url, 'GET', `/api/meetings/${meetingId}/invitations`, { cookie: mexicoCookie })).status,
    ).toBe(403);
  });

  it('answers an expired link with 410, and lists invitations by status without their tokens', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);
    const store = openStore(server);
    const inviter = await store.findUserByEmail(secretariat.email);
    const token = randomBytes(32).toString('base64url');
    await store.createInvitation({
      id: randomUUID(),
      tokenHash: hashToken(token),
      meetingId,
      delegationId: delegationId('Japan'),
      email: 'late@mofa.example',
      role: 'delegation',
      hasPen: false,
      sections: [],
      invitedBy: inviter?.id ?? '',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });

    const preview = await api(server.url, 'GET', `/api/invitations/${token}`);
    expect(preview.status).toBe(410);
    expect(ApiError.parse(await preview.json()).error.message).toMatch(/This invitation has expired/);
    const accept = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Late Comer', password: 'a-long-enough-password' },
    });
    expect(accept.status).toBe(410);
    expect(await store.findUserByEmail('late@mofa.example')).toBeUndefined();

    await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'pending@eda.example', role: 'observer', delegationId: delegationId('Switzerland') },
    });
    const listed = await api(server.url, 'GET', `/api/meetings/${meetingId}/invitations`, { cookie });
    const text = await listed.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
    const { invitations } = InvitationList.parse(JSON.parse(text));
    expect(invitations.map((i) => [i.email, i.status, i.delegation.name])).toEqual([
      ['late@mofa.example', 'expired', 'Japan'],
      ['pending@eda.example', 'pending', 'Switzerland'],
    ]);
  });

  it('answers a link that was never issued with 404', async () => {
    const server = await newServer();
    const response = await api(server.url, 'GET', `/api/invitations/${randomBytes(32).toString('base64url')}`);
    expect(response.status).toBe(404);
    expect(ApiError.parse(await response.json()).error.message).toMatch(/not valid/);
  });

  it('lets someone with an account join with its password, and not with a wrong one', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);
    await openStore(server).createUser({
      id: randomUUID(),
      email: 'ana.lima@itamaraty.example',
      name: 'Ana Lima',
      passwordHash: await hashPassword('an-older-password'),
    });
    const created = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'ana.lima@itamaraty.example', role: 'bureau', delegationId: delegationId('Brazil') },
    });
    const token = tokenOf(CreatedInvitation.parse(await created.json()).url);
    expect(
      InvitationPreview.parse(await (await api(server.url, 'GET', `/api/invitations/${token}`)).json()),
    ).toMatchObject({ accountExists: true, role: 'bureau' });

    const wrong = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Impostor', password: 'not-her-password' },
    });
    expect(wrong.status).toBe(401);
    expect(sessionCookieOf(wrong)).toBeUndefined();

    const right = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { password: 'an-older-password' },
    });
    expect(right.status).toBe(200);
    expect(Me.parse(await right.json())).toMatchObject({
      user: { name: 'Ana Lima' },
      participations: [{ role: 'bureau', delegation: { name: 'Brazil' } }],
    });
  });

  it('refuses to invite someone already taking part, or into a delegation of another meeting', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);

    const existing = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: mexico.email.toUpperCase(), role: 'observer', delegationId: delegationId('Mexico') },
    });
    expect(existing.status).toBe(409);

    const elsewhere = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'someone@example.org', role: 'delegation', delegationId: randomUUID() },
    });
    expect(elsewhere.status).toBe(400);

    const pen = await api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, {
      cookie,
      body: { email: 'someone@example.org', role: 'delegation', hasPen: true, delegationId: delegationId('Mexico') },
    });
    expect(pen.status).toBe(400);
    expect(ApiError.parse(await pen.json()).error.message).toMatch(/Bureau/);
  });

  it('keeps the pen for the Chair to give, one pending link per person, and never overwrites a place', async () => {
    const server = await newServer();
    const { cookie, meetingId, delegationId } = await asSecretariat(server);
    const invite = (body: Record<string, unknown>) =>
      api(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, { cookie, body });

    const chairInvitation = await invite({
      email: 'vice@chile.example',
      role: 'chair',
      delegationId: delegationId('Brazil'),
    });
    expect(chairInvitation.status).toBe(403);
    expect(ApiError.parse(await chairInvitation.json()).error.message).toMatch(
      /Only the Chair gives or takes away the pen/,
    );

    const first = await invite({
      email: 'two.links@brazil.example',
      role: 'observer',
      delegationId: delegationId('Brazil'),
    });
    expect(first.status).toBe(201);
    const second = await invite({
      email: 'two.links@brazil.example',
      role: 'delegation',
      delegationId: delegationId('Brazil'),
    });
    expect(second.status).toBe(409);

    const token = tokenOf(CreatedInvitation.parse(await first.json()).url);
    const accepted = await api(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Rafael Souza', password: 'a-long-password-1' },
    });
    expect(accepted.status).toBe(200);
  });
});
