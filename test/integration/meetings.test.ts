import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { MeetingDetail, MeetingList, MeetingSaved } from '@zerodraft/shared/api/meetings.ts';
import { DelegationAdded, DelegationsPresent, ParticipantSaved, Roster } from '@zerodraft/shared/api/participants.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/session.ts';
import { chair, mexico, newServer } from '../helpers/test-server.ts';

const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? chair;

/** Calls the REST API as one person: a browser session (with its own Origin) or a script's token. */
function as(url: string, credentials: { cookie: string } | { token: string }) {
  const auth: Record<string, string> =
    'cookie' in credentials
      ? { cookie: credentials.cookie, origin: url }
      : { authorization: `Bearer ${credentials.token}` };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, json, text, headers: response.headers };
  };
}

/** A demo server with the Chair, the Secretariat and Mexico signed in, and the demo meeting's id. */
async function demoMeeting() {
  const server = await newServer();
  const people = {
    chair: as(server.url, { cookie: await signIn(server.url, chair.email, chair.password) }),
    secretariat: as(server.url, { cookie: await signIn(server.url, secretariat.email, secretariat.password) }),
    mexico: as(server.url, { cookie: await signIn(server.url, mexico.email, mexico.password) }),
  };
  const me = Me.parse((await people.mexico('GET', '/me')).json);
  const meetingId = me.participations[0]?.meetingId ?? '';
  return { server, meetingId, mexicoUserId: me.user.id, ...people };
}

const bms8 = {
  title: 'Eighth Biennial Meeting of States (BMS8)',
  symbol: 'A/CONF.192/BMS/2024',
  venue: 'New York',
  timeZone: 'America/New_York',
  startsOn: '2024-06-17',
  endsOn: '2024-06-21',
};

describe('Meetings, delegations and roles over REST', () => {
  it('asks to sign in before anything else', async () => {
    const { server, meetingId, mexicoUserId } = await demoMeeting();
    const anonymous = as(server.url, { cookie: '' });
    for (const [method, path] of [
      ['GET', '/meetings'],
      ['POST', '/meetings'],
      ['GET', `/meetings/${meetingId}`],
      ['PATCH', `/meetings/${meetingId}`],
      ['GET', `/meetings/${meetingId}/delegations`],
      ['POST', `/meetings/${meetingId}/delegations`],
      ['GET', `/meetings/${meetingId}/roster`],
      ['PATCH', `/meetings/${meetingId}/participants/${mexicoUserId}`],
      ['DELETE', `/meetings/${meetingId}/participants/${mexicoUserId}`],
      ['GET', `/meetings/${meetingId}/audit`],
      ['GET', `/meetings/${meetingId}/audit.csv`],
    ]) {
      expect((await anonymous(method as string, path as string, method === 'GET' ? undefined : {})).status, path).toBe(
        401,
      );
    }
  });

  it('creates a meeting whose creator becomes its Secretariat, and lets them edit it', async () => {
    const { mexico, secretariat } = await demoMeeting();
    const byDelegate = await mexico('POST', '/meetings', { ...bms8, delegation: { stateCode: 'MEX' } });
    expect(byDelegate.status).toBe(403);
    expect(byDelegate.json.error.message).toMatch(/Secretariat/);
    const created = await secretariat('POST', '/meetings', { ...bms8, delegation: { stateCode: 'MEX' } });
    expect(created.status, created.text).toBe(201);
    const { meeting } = MeetingSaved.parse(created.json);
    expect(meeting).toMatchObject(bms8);

    const detail = MeetingDetail.parse((await secretariat('GET', `/meetings/${meeting.id}`)).json);
    expect(detail.participation).toMatchObject({ role: 'secretariat', delegation: { name: 'Mexico', code: 'MEX' } });
    expect(detail.delegations).toEqual([{ id: detail.participation.delegation.id, name: 'Mexico', code: 'MEX' }]);
    const list = MeetingList.parse((await secretariat('GET', '/meetings')).json);
    expect(list.meetings.map((m) => m.title)).toContain(bms8.title);

    const edited = await secretariat('PATCH', `/meetings/${meeting.id}`, {
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(MeetingSaved.parse(edited.json).meeting).toMatchObject({
      ...bms8,
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
    });

    const audit = AuditList.parse((await secretariat('GET', `/meetings/${meeting.id}/audit`)).json);
    expect(audit.entries.map((e) => e.action)).toEqual(['meeting.update', 'meeting.create']);
    expect(audit.entries[0]).toMatchObject({
      actorName: 'BMS7 Secretariat',
      actorDelegation: 'Mexico',
      detail: {
        venue: { from: 'New York', to: 'Geneva' },
        timeZone: { from: 'America/New_York', to: 'Europe/Zurich' },
      },
    });
  });

  it('refuses a meeting with an unknown time zone, a State not in the list, or an end before its start', async () => {
    const { secretariat } = await demoMeeting();
    const refusals = [
      { ...bms8, timeZone: 'Europe/Geneva', delegation: { stateCode: 'CHE' } },
      { ...bms8, delegation: { stateCode: 'XKX' } },
      { ...bms8, endsOn: '2024-06-01', delegation: { stateCode: 'MEX' } },
      { ...bms8, title: 'x'.repeat(301), delegation: { stateCode: 'MEX' } },
      { ...bms8, delegation: { organisation: { name: 'UNODA', acronym: 'UNODA', kind: 'ngo' }, stateCode: 'MEX' } },
    ];
    for (const body of refusals) expect((await secretariat('POST', '/meetings', body)).status).toBe(400);
    expect((await secretariat('GET', '/meetings')).json.meetings).toHaveLength(1);
  });

  it('lets only the Chair and the Secretariat change the meeting', async () => {
    const { chair, mexico, meetingId } = await demoMeeting();
    const refused = await mexico('PATCH', `/meetings/${meetingId}`, { venue: 'Geneva' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/Only the Chair and the Secretariat/);
    expect((await chair('PATCH', `/meetings/${meetingId}`, { startsOn: '2021-08-01' })).status).toBe(400);
    expect((await chair('PATCH', `/meetings/${meetingId}`, { endsOn: null })).json.meeting.endsOn).toBeNull();
  });

  it('adds delegations from the list of States and an NGO by name, once each', async () => {
    const { chair, mexico, meetingId } = await demoMeeting();
    const chile = await chair('POST', `/meetings/${meetingId}/delegations`, { stateCode: 'CHL' });
    expect(chile.status, chile.text).toBe(201);
    expect(DelegationAdded.parse(chile.json).delegation).toMatchObject({ name: 'Chile', code: 'CHL', kind: 'state' });
    const holySee = await chair('POST', `/meetings/${meetingId}/delegations`, { stateCode: 'VAT' });
    expect(holySee.json.delegation).toMatchObject({ name: 'Holy See', kind: 'observer_state' });
    const iansa = await chair('POST', `/meetings/${meetingId}/delegations`, {
      organisation: { name: 'International Action Network on Small Arms', acronym: 'IANSA', kind: 'ngo' },
    });
    expect(iansa.status, iansa.text).toBe(201);

    const again = await chair('POST', `/meetings/${meetingId}/delegations`, { stateCode: 'CHL' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('Chile (CHL) is already in this meeting.');
    expect((await mexico('POST', `/meetings/${meetingId}/delegations`, { stateCode: 'PER' })).status).toBe(403);

    const present = DelegationsPresent.parse((await mexico('GET', `/meetings/${meetingId}/delegations`)).json);
    expect(present.delegations.find((d) => d.code === 'IANSA')).toMatchObject({
      name: 'International Action Network on Small Arms',
      kind: 'ngo',
    });
    expect(present.delegations.map((d) => d.name)).toEqual(expect.arrayContaining(['Chile', 'Holy See', 'Mexico']));
  });

  it('shows the roster by delegation to the Chair and the Secretariat, and a delegate only the delegations', async () => {
    const { chair, secretariat, mexico, meetingId } = await demoMeeting();
    const roster = Roster.parse((await chair('GET', `/meetings/${meetingId}/roster`)).json);
    const mexicoGroup = roster.delegations.find((g) => g.delegation.code === 'MEX');
    expect(mexicoGroup?.participants).toEqual([
      expect.objectContaining({ name: 'Lucía Hernández', email: 'mexico@bms7.example', role: 'delegation' }),
    ]);
    expect(roster.delegations).toHaveLength(7);
    expect((await secretariat('GET', `/meetings/${meetingId}/roster`)).status).toBe(200);

    const refused = await mexico('GET', `/meetings/${meetingId}/roster`);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe('Only the Chair and the Secretariat see the roster of people.');
    expect((await mexico('GET', `/meetings/${meetingId}/delegations`)).status).toBe(200);
  });

  it('records a role change in the audit log: who, for which delegation, what', async () => {
    const { chair, secretariat, mexico, meetingId, mexicoUserId } = await demoMeeting();
    const changed = await chair('PATCH', `/meetings/${meetingId}/participants/${mexicoUserId}`, { role: 'observer' });
    expect(changed.status, changed.text).toBe(200);
    expect(ParticipantSaved.parse(changed.json).participant).toMatchObject({
      role: 'observer',
      name: 'Lucía Hernández',
    });
    expect(Me.parse((await mexico('GET', '/me')).json).participations[0]?.role).toBe('observer');

    const { entries } = AuditList.parse((await secretariat('GET', `/meetings/${meetingId}/audit`)).json);
    expect(entries[0]).toMatchObject({
      actorName: 'Amina Wanjiru',
      actorDelegation: 'Kenya',
      action: 'participant.update',
      target: 'Lucía Hernández (Mexico)',
      detail: { role: { from: 'delegation', to: 'observer' } },
    });
    expect(Date.parse(entries[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const chairId = entries[0]?.actorUserId ?? '';
    const byChair = await secretariat('GET', `/meetings/${meetingId}/audit?actor=${chairId}&action=participant.update`);
    expect(byChair.json.entries).toHaveLength(1);
    const since = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await secretariat('GET', `/meetings/${meetingId}/audit?since=${since}`)).json.entries).toEqual([]);
    const until = encodeURIComponent('2030-01-01T09:00:00+09:00');
    // The demo's own start (its document and circulated zero draft) and the role change.
    expect(
      (await secretariat('GET', `/meetings/${meetingId}/audit?until=${until}`)).json.entries.map(
        (e: { action: string }) => e.action,
      ),
    ).toEqual(['participant.update', 'revision.circulate', 'document.create']);
    expect((await secretariat('GET', `/meetings/${meetingId}/audit?since=yesterday`)).status).toBe(400);

    expect((await mexico('GET', `/meetings/${meetingId}/audit`)).status).toBe(403);
    expect((await mexico('GET', `/meetings/${meetingId}/audit.csv`)).status).toBe(403);
  });

  it('exports the audit log as CSV that a spreadsheet opens without running anything', async () => {
    const { chair, meetingId } = await demoMeeting();
    await chair('POST', `/meetings/${meetingId}/delegations`, {
      organisation: { name: '=HYPERLINK("http://evil.example","Click")', acronym: 'EVIL', kind: 'ngo' },
    });
    await chair('POST', `/meetings/${meetingId}/delegations`, {
      organisation: { name: 'Fédération "Internationale", Genève', acronym: 'FIG', kind: 'ngo' },
    });
    const csv = await chair('GET', `/meetings/${meetingId}/audit.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="audit-A_CONF.192_BMS_2021.csv"');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('When (UTC),Who,Delegation,Action,Target,Detail');
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,Amina Wanjiru,Kenya,delegation\.add,"Fédération ""Internationale"", Genève","{""code"":""FIG"",""kind"":""ngo""}"$/,
    );
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(lines.at(-1)).toBe('');

    const filtered = await chair('GET', `/meetings/${meetingId}/audit.csv?action=meeting.update`);
    expect(filtered.text.replace(/^\uFEFF/, '')).toBe('When (UTC),Who,Delegation,Action,Target,Detail\r\n');
  });

  it('gives the pen only to a Bureau member and sections only to a Facilitator', async () => {
    const { chair, mexico, meetingId, mexicoUserId } = await demoMeeting();
    const participant = `/meetings/${meetingId}/participants/${mexicoUserId}`;
    const pen = await chair('PATCH', participant, { hasPen: true });
    expect(pen.status).toBe(400);
    expect(pen.json.error.message).toMatch(/Only a Bureau member can be given the pen/);
    expect((await chair('PATCH', participant, { role: 'chair', sections: ['s-a'] })).json.error.message).toMatch(
      /Only a Facilitator is assigned sections/,
    );

    expect((await chair('PATCH', participant, { role: 'bureau', hasPen: true })).json.participant).toMatchObject({
      role: 'bureau',
      hasPen: true,
    });
    const facilitator = await chair('PATCH', participant, { role: 'facilitator', sections: ['s-a', 's-b'] });
    expect(facilitator.json.participant).toMatchObject({
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a', 's-b'],
    });
    expect(Me.parse((await mexico('GET', '/me')).json).participations[0]).toMatchObject({
      role: 'facilitator',
      hasPen: false,
      sections: ['s-a', 's-b'],
    });

    const japan = DelegationsPresent.parse(
      (await chair('GET', `/meetings/${meetingId}/delegations`)).json,
    ).delegations.find((d) => d.code === 'JPN');
    const moved = await chair('PATCH', participant, { delegationId: japan?.id });
    expect(moved.json.participant.delegation).toMatchObject({ name: 'Japan' });
    expect((await chair('PATCH', participant, { delegationId: 'nowhere' })).status).toBe(400);
    expect((await chair('PATCH', `/meetings/${meetingId}/participants/nobody`, { role: 'observer' })).status).toBe(404);
    expect((await mexico('PATCH', participant, { role: 'chair' })).status).toBe(403);
  });

  it('lets nobody change their own place, and keeps the pen with the Chair to give', async () => {
    const { chair, secretariat, meetingId } = await demoMeeting();
    const { user: chairUser } = Me.parse((await chair('GET', '/me')).json);
    const { user: secretariatUser } = Me.parse((await secretariat('GET', '/me')).json);
    const place = (userId: string) => `/meetings/${meetingId}/participants/${userId}`;

    const promoted = await secretariat('PATCH', place(secretariatUser.id), { role: 'chair' });
    expect(promoted.status).toBe(403);
    expect(promoted.json.error.message).toMatch(/own role/);
    const demoted = await chair('PATCH', place(chairUser.id), { role: 'delegation' });
    expect(demoted.status).toBe(403);
    expect((await chair('DELETE', place(chairUser.id))).status).toBe(403);
    const chairDemotedBySecretariat = await secretariat('PATCH', place(chairUser.id), { role: 'observer' });
    expect(chairDemotedBySecretariat.status).toBe(403);
    expect(chairDemotedBySecretariat.json.error.message).toMatch(/Only the Chair gives or takes away the pen/);
    expect((await chair('PATCH', place(secretariatUser.id), { role: 'bureau', hasPen: true })).status).toBe(200);
  });

  it('removes a participant, for whom the meeting then no longer exists', async () => {
    const { chair, mexico, meetingId, mexicoUserId } = await demoMeeting();
    expect((await mexico('DELETE', `/meetings/${meetingId}/participants/${mexicoUserId}`)).status).toBe(403);
    expect((await chair('DELETE', `/meetings/${meetingId}/participants/${mexicoUserId}`)).status).toBe(204);
    expect((await mexico('GET', `/meetings/${meetingId}`)).status).toBe(404);
    expect((await mexico('GET', '/meetings')).json.meetings).toEqual([]);
    const { entries } = AuditList.parse((await chair('GET', `/meetings/${meetingId}/audit`)).json);
    expect(entries[0]).toMatchObject({
      action: 'participant.remove',
      target: 'Lucía Hernández (Mexico)',
      detail: { role: 'delegation', delegation: 'Mexico' },
    });
    expect((await chair('DELETE', `/meetings/${meetingId}/participants/${mexicoUserId}`)).status).toBe(404);
  });

  it('lists and opens a revision in preparation only for those who may read it', async () => {
    const { server, chair, secretariat, mexico, meetingId } = await demoMeeting();
    const documentId = MeetingDetail.parse((await chair('GET', `/meetings/${meetingId}`)).json).documents[0]?.id ?? '';
    const store = new SqliteStore({ path: server.databasePath });
    await store.createRevision({ id: 'draft-1', documentId, name: 'Draft 1', state: 'in_preparation' });
    await store.close();

    const revisionsSeenBy = async (person: typeof chair) =>
      MeetingDetail.parse((await person('GET', `/meetings/${meetingId}`)).json).documents[0]?.revisions.map(
        (r) => r.name,
      );
    expect(await revisionsSeenBy(chair)).toEqual(['Zero draft', 'Draft 1']);
    expect(await revisionsSeenBy(secretariat)).toEqual(['Zero draft', 'Draft 1']);
    expect(await revisionsSeenBy(mexico)).toEqual(['Zero draft']);
    expect((await chair('GET', '/revisions/draft-1')).json.revision).toMatchObject({ state: 'in_preparation' });
    const hidden = await mexico('GET', '/revisions/draft-1');
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.message).toBe('The revision was not found.');
  });

  it('answers an API token for another meeting as if this one did not exist', async () => {
    const { server, secretariat, meetingId, mexicoUserId } = await demoMeeting();
    const own = MeetingSaved.parse(
      (await secretariat('POST', '/meetings', { ...bms8, delegation: { stateCode: 'MEX' } })).json,
    );
    const created = await secretariat('POST', `/meetings/${own.meeting.id}/tokens`, { name: 'Compilation script' });
    expect(created.status, created.text).toBe(201);
    const script = as(server.url, { token: CreatedApiToken.parse(created.json).token });

    expect((await script('GET', `/meetings/${own.meeting.id}`)).status).toBe(200);
    expect(MeetingList.parse((await script('GET', '/meetings')).json).meetings.map((m) => m.id)).toEqual([
      own.meeting.id,
    ]);
    expect((await script('GET', `/meetings/${meetingId}`)).status).toBe(404);
    expect((await script('GET', `/meetings/${meetingId}/delegations`)).status).toBe(404);
    expect((await script('GET', `/meetings/${meetingId}/roster`)).status).toBe(404);
    expect(
      (await script('PATCH', `/meetings/${meetingId}/participants/${mexicoUserId}`, { role: 'chair' })).status,
    ).toBe(404);
    const viaToken = await script('POST', '/meetings', { ...bms8, delegation: { stateCode: 'MEX' } });
    expect(viaToken.status).toBe(403);
  });
});
