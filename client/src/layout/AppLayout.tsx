import {
  type ActionFunctionArgs,
  Form,
  Link,
  type LoaderFunctionArgs,
  Outlet,
  redirect,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { fetchMe, signOut } from '../api/session.ts';
import { roleLabel } from '../meeting/labels.ts';
import { NotificationsButton } from '../notifications/NotificationsButton.tsx';
import { NotificationsProvider } from '../notifications/NotificationsProvider.tsx';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { useCurrentParticipation } from './meeting-context.ts';

export function appLoader({ request }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchMe(request.signal));
}

export async function signOutAction(_args: ActionFunctionArgs) {
  await signOut();
  return redirect('/sign-in');
}

/** Every signed-in page: the header with the product, the meeting and who is signed in. */
export function AppLayout() {
  const me = useLoaderData<typeof appLoader>();
  const loading = useNavigation().state === 'loading';
  const participation = useCurrentParticipation() ?? me.participations[0] ?? null;

  return (
    <NotificationsProvider>
      <a href="#main" className="zd-skip-link">
        Skip to content
      </a>
      <header className="zd-header">
        <Link to="/" className="zd-product">
          Zerodraft
        </Link>
        {participation && (
          <Link to={`/meetings/${encodeURIComponent(participation.meetingId)}`} className="zd-header-meeting">
            {participation.meetingTitle}
          </Link>
        )}
        <div className="zd-header-user">
          <span>
            {me.user.name}
            {participation && ` — ${participation.delegation.name} (${roleLabel[participation.role]})`}
          </span>
          <NotificationsButton />
          <Link to="/account">Your account</Link>
          <Form method="post" action="/sign-out">
            <button type="submit" className="zd-button">
              Sign out
            </button>
          </Form>
        </div>
      </header>
      {loading && <div className="zd-progress" role="progressbar" aria-label="Loading the page" />}
      <main id="main" className="zd-main">
        <Outlet />
      </main>
    </NotificationsProvider>
  );
}
