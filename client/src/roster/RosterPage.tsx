import type { DelegationPresent } from '@zerodraft/shared/api/participants.ts';
import { delegationColour } from '@zerodraft/shared/presence.ts';
import { mayEver } from '@zerodraft/shared/roles/permissions.ts';
import { useEffect, useRef } from 'react';
import { Link, useFetcher, useLoaderData, useRouteLoaderData } from 'react-router';
import { DelegationFields } from '../delegations/DelegationFields.tsx';
import type { appLoader } from '../layout/AppLayout.tsx';
import { delegationKindLabel } from '../meeting/labels.ts';
import { meetingPath, useMeeting } from '../meeting/meeting-data.ts';
import { ParticipantRow } from './ParticipantRow.tsx';
import type { rosterAction } from './roster-action.ts';
import type { rosterLoader } from './roster-data.ts';

/** `/meetings/:meetingId/roster`: the people of the meeting by delegation, or the delegations present. */
export function RosterPage() {
  const view = useLoaderData<typeof rosterLoader>();
  const { meeting, participation } = useMeeting();
  const me = useRouteLoaderData<typeof appLoader>('app');
  const manages = mayEver(participation, 'manageParticipants');

  return (
    <article className="zd-roster">
      <title>{`Roster — ${meeting.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>{view.kind === 'roster' ? 'Roster' : 'Delegations present'}</h1>
        {view.kind === 'roster' && manages && (
          <p className="zd-muted">
            A change of role applies at once, also to documents the person has open.{' '}
            <Link to={meetingPath(meeting.id, 'invitations')}>Invite someone</Link> to add a person.
          </p>
        )}
      </header>

      {view.kind === 'delegations' ? (
        <DelegationList delegations={view.delegations} />
      ) : (
        <>
          {view.roster.delegations.map(({ delegation, participants }) => (
            <section key={delegation.id} className="zd-roster-group" aria-labelledby={`delegation-${delegation.id}`}>
              <h2 id={`delegation-${delegation.id}`}>
                <span
                  className="zd-swatch"
                  style={{ backgroundColor: delegationColour(delegation.code) }}
                  aria-hidden="true"
                />
                {delegation.name} <span className="zd-muted">({delegation.code})</span>
                <span className="zd-kind">{delegationKindLabel[delegation.kind]}</span>
              </h2>
              {participants.length === 0 ? (
                <p className="zd-muted">Nobody of this delegation takes part yet.</p>
              ) : (
                <table className="zd-table zd-roster-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Role</th>
                      <th scope="col">
                        <span className="zd-visually-hidden">Removal</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {participants.map((participant) => (
                      <ParticipantRow
                        key={participant.userId}
                        participant={participant}
                        isSelf={participant.userId === me?.user.id}
                      />
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ))}
          {manages && <AddDelegation />}
        </>
      )}
    </article>
  );
}

function DelegationList({ delegations }: { delegations: DelegationPresent[] }) {
  return (
    <ul className="zd-delegation-list">
      {delegations.map((delegation) => (
        <li key={delegation.id}>
          <span
            className="zd-swatch"
            style={{ backgroundColor: delegationColour(delegation.code) }}
            aria-hidden="true"
          />
          {delegation.name} <span className="zd-muted">({delegation.code})</span> —{' '}
          {delegationKindLabel[delegation.kind]}
        </li>
      ))}
    </ul>
  );
}

function AddDelegation() {
  const fetcher = useFetcher<typeof rosterAction>();
  const form = useRef<HTMLFormElement>(null);
  const result = fetcher.data;
  const done = fetcher.state === 'idle' && result?.intent === 'addDelegation';

  useEffect(() => {
    if (done && result.ok) form.current?.reset();
  }, [done, result]);

  return (
    <section className="zd-panel" aria-labelledby="add-delegation-title">
      <h2 id="add-delegation-title">Add a delegation</h2>
      <fetcher.Form method="post" className="zd-form" ref={form} noValidate>
        <input type="hidden" name="intent" value="addDelegation" />
        <DelegationFields legend="Delegation" />
        {done && (
          <p className={result.ok ? 'zd-success' : 'zd-alert'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
        <button type="submit" className="zd-button zd-button-primary" disabled={fetcher.state !== 'idle'}>
          Add the delegation
        </button>
      </fetcher.Form>
    </section>
  );
}
