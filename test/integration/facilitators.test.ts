import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { DocumentFacilitators, FacilitatorAppointed } from '@zerodraft/shared/api/facilitators.ts';
import { MeetingDetail, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { chair, newServer, openDemo } from '../helpers/test-server.ts';

/** Wednesday 28 July 2021, 12:00 in New York, two days before the deadline. */
const WEDNESDAY_NOON = '2021-07-28T16:00:00.000Z';
const FRIDAY_NOON = { date: '2021-07-30', time: '12:00' };
const ONLY_THE_CHAIR = 'Only the Chair appoints facilitators to run the silence procedure on a document.';
const NOT_APPOINTED = 'Only the Chair, or a facilitator appointed for this document, places it under silence.';

const account = (delegation: string) => {
  const found = demoAccounts.find((a) => a.delegation === delegation);
  if (!found) throw new Error(`No demo account for ${delegation}`);
  return found;
};
const switzerland = account('Switzerland');
const japan = account('Japan');
const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? chair;

/**
 * The BMS7 demo at Wednesday noon in New York, with Switzerland's and Japan's delegates made
 * Facilitators by the Chair (neither appointed for the outcome document yet).
 */
async function demo() {
  const server = await newServer({}, { clock: new ManualClock(WEDNESDAY_NOON) });
  const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
  const cookies = new Map<string, string>([['Kenya', chairCookie]]);
  const userIds = new Map<string, string>();
  for (const person of [account('Mexico'), switzerland, japan, secretariat]) {
    const cookie = await signIn(server.url, person.email, person.password);
    cookies.set(person.delegation, cookie);
    userIds.set(person.delegation, Me.parse(await getJson(server.url, '/api/me', cookie)).user.id);
  }
  const cookie = (delegation: string) => cookies.get(delegation) ?? '';
  const userId = (delegation: string) => userIds.get(delegation) ?? '';
  const me = Me.parse(await getJson(server.url, '/api/me', chairCookie));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, chairCookie));
  const documentId = meeting.documents[0]?.id ?? '';

  const setRole = async (delegation: string, role: string) => {
    const response = await api(server.url, 'PATCH', `/api/meetings/${meetingId}/participants/${userId(delegation)}`, {
      cookie: chairCookie,
      body: { role },
    });
    expect(response.status, await response.clone().text()).toBe(200);
  };
  await setRole('Switzerland', 'facilitator');
  await setRole('Japan', 'facilitator');

  const facilitators = `/api/documents/${documentId}/facilitators`;
  return {
    server,
    meetingId,
    documentId,
    revisionId,
    cookie,
    userId,
    setRole,
    appoint: (by: string, delegation: string) =>
      api(server.url, 'PUT', `${facilitators}/${userId(delegation)}`, { cookie: cookie(by) }),
    remove: (by: string, delegation: string) =>
      api(server.url, 'DELETE', `${facilitators}/${userId(delegation)}`, { cookie: cookie(by) }),
    list: async (as: string) => DocumentFacilitators.parse(await getJson(server.url, facilitators, cookie(as))),
    silence: (as: string, path = '', body?: unknown) =>
      api(server.url, 'POST', `/api/revisions/${revisionId}/silence${path}`, { cookie: cookie(as), body }),
    appointedForSilence: async (as: string) =>
      RevisionDetail.parse(await getJson(server.url, `/api/revisions/${revisionId}`, cookie(as))).appointedForSilence,
  };
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

describe('facilitators appointed to run the silence procedure on a document', () => {
  it('asks to sign in, and knows no document that does not exist', async () => {
    const d = await demo();
    const path = `/api/documents/${d.documentId}/facilitators`;
    for (const [method, url] of [
      ['GET', path],
      ['PUT', `${path}/${d.userId('Switzerland')}`],
      ['DELETE', `${path}/${d.userId('Switzerland')}`],
    ] as const) {
      expect((await api(d.server.url, method, url)).status, `${method} ${url}`).toBe(401);
    }
    const unknown = await api(
      d.server.url,
      'PUT',
      `/api/documents/no-such-document/facilitators/${d.userId('Japan')}`,
      {
        cookie: d.cookie('Kenya'),
      },
    );
    expect(await refusal(unknown)).toEqual({ status: 404, message: 'The document was not found.' });
    const list = await api(d.server.url, 'GET', '/api/documents/no-such-document/facilitators', {
      cookie: d.cookie('Mexico'),
    });
    expect(list.status).toBe(404);
  });

  it('is the Chair’s to appoint, from the meeting’s Facilitators only, and is audited', async () => {
    const d = await demo();
    for (const by of ['Mexico', 'United Nations Office for Disarmament Affairs', 'Switzerland']) {
      expect(await refusal(await d.appoint(by, 'Switzerland')), by).toEqual({ status: 403, message: ONLY_THE_CHAIR });
    }
    expect(await refusal(await d.appoint('Kenya', 'Mexico'))).toEqual({
      status: 400,
      message: `${account('Mexico').name} takes part as Delegation member, not as a Facilitator. Give them the Facilitator role on the roster first.`,
    });
    const stranger = await api(d.server.url, 'PUT', `/api/documents/${d.documentId}/facilitators/no-such-user`, {
      cookie: d.cookie('Kenya'),
    });
    expect(await refusal(stranger)).toMatchObject({ status: 400 });

    const appointed = await d.appoint('Kenya', 'Switzerland');
    expect(appointed.status).toBe(201);
    const { appointment } = FacilitatorAppointed.parse(await appointed.json());
    expect(appointment).toEqual({
      userId: d.userId('Switzerland'),
      name: switzerland.name,
      delegation: expect.objectContaining({ name: 'Switzerland', code: 'CHE' }),
      appointedAt: WEDNESDAY_NOON,
      appointedBy: { name: chair.name, delegation: 'Kenya' },
    });
    // Appointing again changes nothing.
    const again = await d.appoint('Kenya', 'Switzerland');
    expect(again.status).toBe(200);
    expect(FacilitatorAppointed.parse(await again.json()).appointment).toEqual(appointment);

    // Everyone in the meeting sees who is appointed; only the Chair is offered the others.
    expect(await d.list('Mexico')).toEqual({ documentId: d.documentId, appointed: [appointment], candidates: [] });
    expect((await d.list('Kenya')).candidates.map((c) => c.name)).toEqual([japan.name]);

    expect(await refusal(await d.remove('Mexico', 'Switzerland'))).toEqual({ status: 403, message: ONLY_THE_CHAIR });
    expect((await d.remove('Kenya', 'Switzerland')).status).toBe(204);
    expect(await refusal(await d.remove('Kenya', 'Switzerland'))).toEqual({
      status: 404,
      message: `${switzerland.name} is not appointed to run the silence procedure on Outcome document.`,
    });
    expect((await d.list('Japan')).appointed).toEqual([]);

    const log = AuditList.parse(await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit`, d.cookie('Kenya')));
    const acts = log.entries.filter((e) => e.action.startsWith('facilitator.')).reverse();
    expect(acts.map((e) => [e.action, e.actorName, e.target, e.detail.document])).toEqual([
      ['facilitator.appoint', chair.name, `${switzerland.name} (Switzerland)`, 'Outcome document'],
      ['facilitator.remove', chair.name, `${switzerland.name} (Switzerland)`, 'Outcome document'],
    ]);
  });

  it('lets an appointed facilitator start and withdraw the silence, and refuses one not appointed with the reason', async () => {
    const d = await demo();
    expect((await d.appoint('Kenya', 'Switzerland')).status).toBe(201);
    expect(await d.appointedForSilence('Switzerland')).toBe(true);
    expect(await d.appointedForSilence('Japan')).toBe(false);
    expect(await d.appointedForSilence('Kenya')).toBe(false);

    expect(await refusal(await d.silence('Japan', '', FRIDAY_NOON))).toEqual({ status: 403, message: NOT_APPOINTED });
    const started = await d.silence('Switzerland', '', FRIDAY_NOON);
    expect(started.status, await started.clone().text()).toBe(201);
    expect(await refusal(await d.silence('Japan', '/withdraw'))).toEqual({
      status: 403,
      message: 'Only the Chair, or a facilitator appointed for this document, withdraws its silence procedure.',
    });
    expect((await d.silence('Switzerland', '/withdraw')).status).toBe(200);
  });

  it('ends the right with the appointment, or with the Facilitator role', async () => {
    const d = await demo();
    expect((await d.appoint('Kenya', 'Switzerland')).status).toBe(201);
    expect((await d.remove('Kenya', 'Switzerland')).status).toBe(204);
    expect(await refusal(await d.silence('Switzerland', '', FRIDAY_NOON))).toEqual({
      status: 403,
      message: NOT_APPOINTED,
    });
    expect(await d.appointedForSilence('Switzerland')).toBe(false);

    expect((await d.appoint('Kenya', 'Switzerland')).status).toBe(201);
    await d.setRole('Switzerland', 'delegation');
    expect((await d.silence('Switzerland', '', FRIDAY_NOON)).status).toBe(403);
    expect((await d.list('Kenya')).appointed).toEqual([]);
    // Made a Facilitator again, they wait for the Chair to appoint them again.
    await d.setRole('Switzerland', 'facilitator');
    expect(await refusal(await d.silence('Switzerland', '', FRIDAY_NOON))).toEqual({
      status: 403,
      message: NOT_APPOINTED,
    });
    expect((await d.list('Kenya')).candidates.map((c) => c.name).sort()).toEqual([japan.name, switzerland.name].sort());
  });
});
