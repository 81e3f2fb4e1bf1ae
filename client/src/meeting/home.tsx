import { type LoaderFunctionArgs, redirect } from 'react-router';
import { fetchMe } from '../api/session.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

/** `/` opens the first meeting the user takes part in. */
export async function homeLoader({ request }: LoaderFunctionArgs) {
  const me = await loadSignedIn(request, () => fetchMe(request.signal));
  const first = me.participations[0];
  return first ? redirect(`/meetings/${encodeURIComponent(first.meetingId)}`) : null;
}

export function NoMeeting() {
  return (
    <div className="zd-page-error">
      <h1>You are not registered in any meeting yet.</h1>
      <p>The Secretariat registers delegations for each meeting. Ask them to add you, then sign in again.</p>
    </div>
  );
}
