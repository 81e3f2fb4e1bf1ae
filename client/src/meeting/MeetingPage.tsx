import { delegationColour } from '@zerodraft/shared/presence.ts';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { fetchMeeting } from '../api/meetings.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { DateTime } from '../time/DateTime.tsx';
import { utcOffset, venueClock } from '../time/format.ts';
import { revisionStateLabel, roleLabel } from './labels.ts';

export function meetingLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchMeeting(params.meetingId ?? '', request.signal));
}

export function MeetingPage() {
  const { meeting, delegations, documents, participation } = useLoaderData<typeof meetingLoader>();
  const clock = venueClock(meeting);

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
          <div>
            <dt>Time zone</dt>
            <dd>
              {meeting.timeZone} ({utcOffset(meeting.timeZone)} today). Times below are {meeting.venue} time.
            </dd>
          </div>
          <div>
            <dt>You represent</dt>
            <dd>
              {participation.delegation.name} ({participation.delegation.code}) as {roleLabel[participation.role]}
            </dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        {documents.length === 0 && <p className="zd-muted">No document has been circulated yet.</p>}
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
