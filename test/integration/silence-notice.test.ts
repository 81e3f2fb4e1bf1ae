import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { MeetingDetail, MeetingSaved, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { chair, mexico, newServer, openDemo } from '../helpers/test-server.ts';

/** Wednesday 28 July 2021, 12:00 in New York. */
const WEDNESDAY_NOON = '2021-07-28T16:00:00.000Z';
const NOTICE_RANGE = 'The minimum notice for a silence procedure is a whole number of hours, from 0 to 720 (30 days).';

const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? chair;

/** The BMS7 demo on a server whose clock reads Wednesday noon in New York. */
async function demo() {
  const server = await newServer({}, { clock: new ManualClock(WEDNESDAY_NOON) });
  const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
  const cookies = {
    chair: chairCookie,
    secretariat: await signIn(server.url, secretariat.email, secretariat.password),
    mexico: await signIn(server.url, mexico.email, mexico.password),
  };
  const me = Me.parse(await getJson(server.url, '/api/me', chairCookie));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const setNotice = (who: keyof typeof cookies, silenceNoticeHours: unknown) =>
    api(server.url, 'PATCH', `/api/meetings/${meetingId}`, { cookie: cookies[who], body: { silenceNoticeHours } });
  const startSilence = (date: string, time: string) =>
    api(server.url, 'POST', `/api/revisions/${revisionId}/silence`, {
      cookie: cookies.chair,
      body: { date, time },
    });
  return { server, meetingId, revisionId, cookies, setNotice, startSilence };
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

describe('the minimum notice for a silence procedure, set for the meeting', () => {
  it('is read with the meeting, changed by the Chair only, within bounds, and audited', async () => {
    const d = await demo();
    const meeting = async () =>
      MeetingDetail.parse(await getJson(d.server.url, `/api/meetings/${d.meetingId}`, d.cookies.mexico)).meeting;
    expect((await meeting()).silenceNoticeHours).toBe(24);

    expect(await refusal(await d.setNotice('mexico', 48))).toEqual({
      status: 403,
      message: 'Only the Chair and the Secretariat change the meeting.',
    });
    for (const wrong of [1.5, -1, 721, '48', null]) {
      expect(await refusal(await d.setNotice('chair', wrong)), String(wrong)).toEqual({
        status: 400,
        message: `The request is invalid. silenceNoticeHours: ${NOTICE_RANGE}`,
      });
    }
    expect((await meeting()).silenceNoticeHours).toBe(24);

    const byChair = await d.setNotice('chair', 48);
    expect(byChair.status).toBe(200);
    expect(MeetingSaved.parse(await byChair.json()).meeting.silenceNoticeHours).toBe(48);
    // The Secretariat administers the meeting but does not decide how soon a text is adopted.
    expect(await refusal(await d.setNotice('secretariat', 0))).toEqual({
      status: 403,
      message: 'Only the Chair sets the minimum notice for a silence procedure.',
    });
    expect((await d.setNotice('secretariat', 48)).status).toBe(200);
    expect((await d.setNotice('chair', 0)).status).toBe(200);
    expect((await meeting()).silenceNoticeHours).toBe(0);
    const revision = RevisionDetail.parse(
      await getJson(d.server.url, `/api/revisions/${d.revisionId}`, d.cookies.mexico),
    );
    expect(revision.meeting.silenceNoticeHours).toBe(0);

    const log = AuditList.parse(
      await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit?action=meeting.update`, d.cookies.chair),
    );
    expect(log.entries.map((e) => [e.actorName, e.detail])).toEqual([
      [chair.name, { silenceNoticeHours: { from: 48, to: 0 } }],
      [chair.name, { silenceNoticeHours: { from: 24, to: 48 } }],
    ]);
  });

  it('refuses a deadline under the notice the Chair set, in words naming the earliest one, and takes it once allowed', async () => {
    const d = await demo();
    expect((await d.setNotice('chair', 72)).status).toBe(200);
    // Friday noon is 48 hours away.
    expect(await refusal(await d.startSilence('2021-07-30', '12:00'))).toEqual({
      status: 409,
      message:
        "A silence procedure in this meeting needs at least 72 hours' notice: choose a deadline at or after Saturday 31 July 2021, 12:00 (New York).",
    });
    expect(await refusal(await d.startSilence('2021-07-28', '13:00'))).toMatchObject({ status: 409 });

    expect((await d.setNotice('chair', 1)).status).toBe(200);
    expect(await refusal(await d.startSilence('2021-07-28', '12:59'))).toEqual({
      status: 409,
      message:
        "A silence procedure in this meeting needs at least 1 hour's notice: choose a deadline at or after Wednesday 28 July 2021, 13:00 (New York).",
    });
    expect((await d.startSilence('2021-07-28', '13:00')).status).toBe(201);
  });

  it('lets a new meeting start with a notice of its own, or 24 hours when none is given', async () => {
    const d = await demo();
    const create = (extra: Record<string, unknown>) =>
      api(d.server.url, 'POST', '/api/meetings', {
        cookie: d.cookies.secretariat,
        body: {
          title: 'Eighth Biennial Meeting of States (BMS8)',
          symbol: 'A/CONF.192/BMS/2024',
          venue: 'New York',
          timeZone: 'America/New_York',
          delegation: { organisation: { name: 'Office for Disarmament Affairs', acronym: 'UNODA', kind: 'igo' } },
          ...extra,
        },
      });
    const withNotice = await create({ silenceNoticeHours: 72 });
    expect(withNotice.status).toBe(201);
    expect(MeetingSaved.parse(await withNotice.json()).meeting.silenceNoticeHours).toBe(72);
    const withoutNotice = await create({});
    expect(MeetingSaved.parse(await withoutNotice.json()).meeting.silenceNoticeHours).toBe(24);
    expect(await refusal(await create({ silenceNoticeHours: 1000 }))).toEqual({
      status: 400,
      message: `The request is invalid. silenceNoticeHours: ${NOTICE_RANGE}`,
    });
  });
});
