import { mayCirculate } from '@zerodraft/shared/lifecycle/circulation.ts';
import { delegationColour } from '@zerodraft/shared/presence.ts';
import { mayEver } from '@zerodraft/shared/roles/permissions.ts';
import { Link } from 'react-router';
import { historyPath } from '../circulation/history-data.ts';
import { NewDocumentForm } from '../circulation/NewDocumentForm.tsx';
import { StartRevisionForm } from '../circulation/StartRevisionForm.tsx';
import { DateTime } from '../time/DateTime.tsx';
import { utcOffset, venueClock } from '../time/format.ts';
import { formatMeetingDays } from '../time/venue-day.ts';
import { revisionStateLabel, standingLabel } from './labels.ts';
import { meetingPath, useMeeting } from './meeting-data.ts';

export function MeetingPage() {
  const { meeting, delegations, documents, participation } = useMeeting();
  const clock = venueClock(meeting);
  const days = formatMeetingDays(meeting.startsOn, meeting.endsOn);
  // The server decides every request; these only show the way to what this role may do.
  const administration = [
    { page: 'roster', text: 'Roster', shown: mayEver(participation, 'readRoster') },
    { page: 'invitations', text: 'Invitations', shown: mayEver(participation, 'manageParticipants') },
    { page: 'audit', text: 'Audit log', shown: mayEver(participation, 'readAuditLog') },
    { page: 'settings', text: 'Meeting settings', shown: mayEver(participation, 'editMeeting') },
  ].filter((link) => link.shown);

  return (
    <article className="zd-meeting">
      <title>{`${meeting.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">{meeting.symbol}</p>
        <h1>{meeting.title}</h1>
        <dl className="zd-facts">
          <div>
            <dt>Venue</dt>
            <dd>{meeting.venue}</dd>
          </div>
          {days && (
            <div>
              <dt>Dates</dt>
              <dd>{days}</dd>
            </div>
          )}
          <div>
            <dt>Time zone</dt>
            <dd>
              {meeting.timeZone} ({utcOffset(meeting.timeZone)} today). Times below are {meeting.venue} time.
            </dd>
          </div>
          <div>
            <dt>You represent</dt>
            <dd>
              {participation.delegation.name} ({participation.delegation.code})
            </dd>
          </div>
          <div>
            <dt>Your role</dt>
            <dd>
              <span className="zd-role">{standingLabel(participation)}</span>
            </dd>
          </div>
        </dl>
      </header>

      {administration.length > 0 && (
        <nav className="zd-admin-nav" aria-label="Meeting administration">
          <ul>
            {administration.map((link) => (
              <li key={link.page}>
                <Link className="zd-button" to={meetingPath(meeting.id, link.page)}>
                  {link.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        {documents.length === 0 && <p className="zd-muted">No document has been circulated yet.</p>}
        {mayCirculate(participation) && <NewDocumentForm meetingId={meeting.id} />}
        {documents.map((document) => (
          <section key={document.id} className="zd-document-entry" aria-labelledby={`document-${document.id}`}>
            <h3 id={`document-${document.id}`}>{document.title}</h3>
            {document.revisions.length === 0 ? (
              <p className="zd-muted">No revision yet.</p>
            ) : (
              <table className="zd-table">
                <thead>
                  <tr>
                    <th scope="col">Revision</th>
                    <th scope="col">State</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {document.revisions.map((revision) => (
                    <tr key={revision.id}>
                      <th scope="row">
                        <Link to={`/revisions/${encodeURIComponent(revision.id)}`}>{revision.name}</Link>
                      </th>
                      <td>
                        <span className="zd-state" data-state={revision.state}>
                          {revisionStateLabel[revision.state]}
                        </span>
                      </td>
                      <td>
                        <DateTime iso={revision.createdAt} clock={clock} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <Link to={historyPath(document.id)}>History of {document.title}</Link>
            </p>
            {mayCirculate(participation) && <StartRevisionForm document={document} />}
          </section>
        ))}
      </section>

      <section aria-labelledby="delegations-title">
        <h2 id="delegations-title">Delegations present</h2>
        <ul className="zd-chips">
          {delegations.map((delegation) => (
            <li
              key={delegation.id}
              className="zd-chip"
              style={{ backgroundColor: delegationColour(delegation.code) }}
              title={delegation.code}
            >
              {delegation.name}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
