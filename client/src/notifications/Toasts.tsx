import type { Notification } from '@zerodraft/shared/api/notifications.ts';
import { Link } from 'react-router';

export interface ToastsProps {
  toasts: readonly Notification[];
  /** What the screen reader is told: the headline of the newest. */
  announcement: string;
  onDismiss(id: number): void;
}

/**
 * Notifications as they arrive: a short card each, in the corner, with a link to the revision;
 * the headline is said politely to screen readers, without interrupting them. They stay in the
 * list of notifications once the card has gone.
 */
export function Toasts({ toasts, announcement, onDismiss }: ToastsProps) {
  return (
    <>
      <p className="zd-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {toasts.length > 0 && (
        <section className="zd-toasts" aria-label="New notifications">
          <ul>
            {toasts.map((n) => (
              <li key={n.id} className="zd-toast">
                <p className="zd-toast-headline">{n.headline}</p>
                <p className="zd-toast-actions">
                  {n.revisionId && n.revisionName && (
                    <Link to={`/revisions/${encodeURIComponent(n.revisionId)}`} onClick={() => onDismiss(n.id)}>
                      Open {n.revisionName}
                    </Link>
                  )}
                  <button
                    type="button"
                    className="zd-button"
                    aria-label={`Dismiss: ${n.headline}`}
                    onClick={() => onDismiss(n.id)}
                  >
                    Dismiss
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
