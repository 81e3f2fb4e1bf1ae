import { Link } from 'react-router';
import { useNotifications } from './notifications-context.ts';
import { unreadLabel } from './unread-label.ts';

/** The header's way to the list, with the count of unread notifications kept live. */
export function NotificationsButton() {
  const { unread } = useNotifications();
  return (
    <Link to="/notifications" className="zd-notifications-link" aria-label={unreadLabel(unread)}>
      Notifications
      {unread !== null && unread > 0 && (
        <span className="zd-unread-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
