import { maySetUpMeetings } from '@zerodraft/shared/roles/permissions.ts';
import { Link, useRouteLoaderData } from 'react-router';
import type { appLoader } from '../layout/AppLayout.tsx';
import { standingLabel } from './labels.ts';
import { meetingPath } from './meeting-data.ts';

/** `/`: the meetings one takes part in, and the way to set up a new one. */
export function HomePage() {
  const me = useRouteLoaderData<typeof appLoader>('app');
  const participations = me?.participations ?? [];
  return (
    <article className="zd-home">
      <title>Your meetings — Zerodraft</title>
      <header className="zd-page-header zd-page-header-actions">
        <h1>Your meetings</h1>
        {maySetUpMeetings(participations.map((p) => p.role)) && (
          <Link to="/meetings/new" className="zd-button zd-button-primary">
            Create a meeting
          </Link>
        )}
      </header>
      {participations.length === 0 ? (
        <div className="zd-page-error">
          <h2>You are not registered in any meeting yet.</h2>
          <p>The Secretariat of a meeting invites each participant. Ask them for an invitation link.</p>
        </div>
      ) : (
        <ul className="zd-meeting-list">
          {participations.map((p) => (
            <li key={p.meetingId}>
              <Link to={meetingPath(p.meetingId)} className="zd-meeting-link">
                {p.meetingTitle}
              </Link>
              <span className="zd-muted">
                {p.delegation.name} — {standingLabel(p)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
