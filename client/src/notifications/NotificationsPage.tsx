import { DEFAULT_NOTIFICATIONS_PAGE, type Notification } from '@zerodraft/shared/api/notifications.ts';
import { useEffect, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { fetchNotifications, markNotificationsRead } from '../api/notifications.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { DateTime } from '../time/DateTime.tsx';
import { venueClock } from '../time/format.ts';
import { markedRead, merged } from './list-items.ts';
import { useNotifications } from './notifications-context.ts';

export function notificationsLoader({ request }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchNotifications({ limit: DEFAULT_NOTIFICATIONS_PAGE }, request.signal));
}

const failure = (error: unknown) =>
  error instanceof ApiRequestError ? error.message : 'Something went wrong. Reload the page and try again.';

function NotificationItem({ notification: n, onOpen }: { notification: Notification; onOpen(id: number): void }) {
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'zd-notification zd-notification-unread' : 'zd-notification'}>
      <p className="zd-notification-headline">
        {unread && <span className="zd-unread-mark">Unread: </span>}
        {n.revisionId ? (
          <Link to={`/revisions/${encodeURIComponent(n.revisionId)}`} onClick={() => unread && onOpen(n.id)}>
            {n.headline}
          </Link>
        ) : (
          n.headline
        )}
      </p>
      <p className="zd-notification-message">{n.message}</p>
      <p className="zd-muted zd-notification-when">
        <DateTime iso={n.createdAt} clock={venueClock(n.meeting)} /> · {n.meeting.title}
      </p>
    </li>
  );
}

/** `/notifications`: what the user was told, newest first, live, to read later and mark read. */
export function NotificationsPage() {
  const first = useLoaderData<typeof notificationsLoader>();
  const { arrived, unread, setUnread } = useNotifications();
  const [items, setItems] = useState<Notification[]>(first.notifications);
  const [nextBefore, setNextBefore] = useState(first.nextBefore);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setItems(first.notifications);
    setNextBefore(first.nextBefore);
  }, [first]);
  // Those that arrive while the page is open join the top of the list.
  useEffect(() => {
    setItems((shown) =>
      merged(
        shown,
        arrived.filter((n) => n.id > (shown[0]?.id ?? 0)),
      ),
    );
  }, [arrived]);

  const count = unread ?? first.unread;
  const newest = items[0]?.id;

  const markAllRead = async () => {
    if (newest === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const result = await markNotificationsRead({ upTo: newest });
      setItems((shown) => markedRead(shown, { upTo: newest }, new Date().toISOString()));
      setUnread(result.unread);
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setBusy(false);
    }
  };

  const markOneRead = (id: number) => {
    setItems((shown) => markedRead(shown, { ids: [id] }, new Date().toISOString()));
    // Opening it is reading it; should the server not hear of it, it is unread again on the next visit.
    markNotificationsRead({ ids: [id] }).then(
      (result) => setUnread(result.unread),
      () => {},
    );
  };

  const showOlder = async () => {
    if (nextBefore === null) return;
    setBusy(true);
    setError(null);
    try {
      const page = await fetchNotifications({ limit: DEFAULT_NOTIFICATIONS_PAGE, before: nextBefore });
      setItems((shown) => merged(shown, page.notifications));
      setNextBefore(page.nextBefore);
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="zd-notifications">
      <title>Notifications — Zerodraft</title>
      <header className="zd-page-header">
        <h1>Notifications</h1>
        <p className="zd-muted">
          Revisions circulated, silence procedures started, broken, withdrawn or ended in adoption, and the Chair’s
          decisions on your delegation’s proposals, in every meeting you take part in. Times are the venue’s.
        </p>
      </header>
      <p className="zd-notifications-summary">
        <span>{count === 0 ? 'All read.' : `${count} unread.`}</span>{' '}
        <button type="button" className="zd-button" disabled={busy || count === 0} onClick={markAllRead}>
          Mark all read
        </button>
      </p>
      {error && (
        <p className="zd-alert" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="zd-muted">
          Nothing yet. You will be told here, and as it happens, when a revision is circulated.
        </p>
      ) : (
        <ol className="zd-notification-list" aria-label="Notifications, newest first">
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onOpen={markOneRead} />
          ))}
        </ol>
      )}
      {nextBefore !== null && (
        <button type="button" className="zd-button" disabled={busy} onClick={showOlder}>
          Show older notifications
        </button>
      )}
    </article>
  );
}
