import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';

/** Signs in through `POST /api/session` and returns the `Cookie` header value that carries the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`Sign-in as ${email} set no ${SESSION_COOKIE} cookie`);
  return cookie;
}

/** GETs a JSON resource as the given session; any status but 200 is an error naming the path. */
export async function getJson(url: string, path: string, cookie: string): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The id of the first revision of the first document of the signed-in user's first meeting: the demo zero draft. */
export async function demoRevisionId(url: string, cookie: string): Promise<string> {
  const me = Me.parse(await getJson(url, '/api/me', cookie));
  const meetingId = me.participations[0]?.meetingId;
  if (!meetingId) throw new Error(`${me.user.email} takes part in no meeting`);
  const meeting = MeetingDetail.parse(await getJson(url, `/api/meetings/${meetingId}`, cookie));
  const revisionId = meeting.documents[0]?.revisions[0]?.id;
  if (!revisionId) throw new Error(`Meeting ${meetingId} has no revision`);
  return revisionId;
}
