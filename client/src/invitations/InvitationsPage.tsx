import {
  type CreatedInvitation,
  CreateInvitationRequest,
  type InvitationStatus,
} from '@zerodraft/shared/api/invitations.ts';
import { ROLES, type Role } from '@zerodraft/shared/roles/permissions.ts';
import { useEffect, useId, useRef, useState } from 'react';
import { type ActionFunctionArgs, Link, type LoaderFunctionArgs, useFetcher, useLoaderData } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { createInvitation, fetchInvitations } from '../api/invitations.ts';
import { CopyButton } from '../clipboard/CopyButton.tsx';
import { roleLabel, standingLabel } from '../meeting/labels.ts';
import { meetingPath, useMeeting } from '../meeting/meeting-data.ts';
import { sectionIdsFrom } from '../roster/roster-data.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { DateTime } from '../time/DateTime.tsx';
import { venueClock } from '../time/format.ts';

export function invitationsLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchInvitations(params.meetingId ?? '', request.signal));
}

type InviteResult = { ok: true; invitation: CreatedInvitation; email: string } | { ok: false; message: string };

export async function invitationsAction({ request, params }: ActionFunctionArgs): Promise<InviteResult> {
  const form = await request.formData();
  const role = String(form.get('role') ?? '');
  const parsed = CreateInvitationRequest.safeParse({
    email: String(form.get('email') ?? '').trim(),
    role,
    delegationId: String(form.get('delegationId') ?? ''),
    hasPen: role === 'bureau' ? form.get('hasPen') === 'on' : undefined,
    sections: role === 'facilitator' ? sectionIdsFrom(String(form.get('sections') ?? '')) : undefined,
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const message =
      field === 'email'
        ? 'Give the email address the person will sign in with, for example delegate@mission.example.'
        : field === 'delegationId'
          ? 'Choose the delegation the person will represent.'
          : 'Choose a role from the list.';
    return { ok: false, message };
  }
  try {
    return {
      ok: true,
      invitation: await createInvitation(params.meetingId ?? '', parsed.data),
      email: parsed.data.email,
    };
  } catch (error) {
    if (error instanceof ApiRequestError) return { ok: false, message: error.message };
    throw error;
  }
}

const statusLabel: Record<InvitationStatus, string> = {
  pending: 'Waiting to be accepted',
  accepted: 'Accepted',
  expired: 'Expired',
};

/** `/meetings/:meetingId/invitations`: invite by email, role and delegation; the link is for the inviter to pass on. */
export function InvitationsPage() {
  const { invitations } = useLoaderData<typeof invitationsLoader>();
  const { meeting, delegations } = useMeeting();
  const clock = venueClock(meeting);
  const id = useId();
  const fetcher = useFetcher<typeof invitationsAction>();
  const email = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<Role>('delegation');
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;

  // The delegation and role stay for the next invitation: several people often join one delegation.
  useEffect(() => {
    if (result?.ok && email.current) email.current.value = '';
  }, [result]);

  return (
    <article className="zd-invitations">
      <title>{`Invitations — ${meeting.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>Invitations</h1>
        <p className="zd-muted">
          Zerodraft sends no email: copy the link it gives you and send it to the person yourself. A link works once,
          until it expires.
        </p>
      </header>

      <section className="zd-panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <fetcher.Form method="post" className="zd-form" noValidate>
          <div className="zd-field">
            <label htmlFor={`${id}-email`}>Email address</label>
            <input
              id={`${id}-email`}
              ref={email}
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="off"
            />
          </div>
          <div className="zd-field">
            <label htmlFor={`${id}-delegation`}>Delegation</label>
            <select id={`${id}-delegation`} name="delegationId" required defaultValue="">
              <option value="" disabled>
                Choose the delegation
              </option>
              {delegations.map((delegation) => (
                <option key={delegation.id} value={delegation.id}>
                  {delegation.name}
                </option>
              ))}
            </select>
            <p className="zd-hint">
              Not in the list? <Link to={meetingPath(meeting.id, 'roster')}>Add the delegation on the roster</Link>{' '}
              first.
            </p>
          </div>
          <div className="zd-field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {roleLabel[value]}
                </option>
              ))}
            </select>
          </div>
          {role === 'bureau' && (
            <label className="zd-inline-check">
              <input type="checkbox" name="hasPen" /> Holds the pen
            </label>
          )}
          {role === 'facilitator' && (
            <div className="zd-field">
              <label htmlFor={`${id}-sections`}>Sections</label>
              <input id={`${id}-sections`} name="sections" placeholder="s-a, s-b" />
              <p className="zd-hint">The ids of the sections the Facilitator runs, separated by commas.</p>
            </div>
          )}
          {result && !result.ok && (
            <p className="zd-alert" role="alert">
              {result.message}
            </p>
          )}
          <button type="submit" className="zd-button zd-button-primary" disabled={fetcher.state !== 'idle'}>
            {fetcher.state !== 'idle' ? 'Creating the invitation…' : 'Create the invitation link'}
          </button>
        </fetcher.Form>

        {result?.ok && (
          <div className="zd-invitation-link" role="status" aria-labelledby={`${id}-link-title`}>
            <p id={`${id}-link-title`} className="zd-notice-title">
              Invitation for {result.email}
            </p>
            <label htmlFor={`${id}-link`}>Invitation link</label>
            <input
              id={`${id}-link`}
              className="zd-link-field"
              readOnly
              value={result.invitation.url}
              onFocus={(event) => event.currentTarget.select()}
            />
            <p>
              <CopyButton text={result.invitation.url} label="Copy link" primary />
            </p>
            <p>
              Send it to {result.email}. It works once, until{' '}
              <DateTime iso={result.invitation.expiresAt} clock={clock} both />.
            </p>
          </div>
        )}
      </section>

      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations sent</h2>
        {invitations.length === 0 ? (
          <p className="zd-muted">No invitation yet.</p>
        ) : (
          <table className="zd-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Delegation</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{invitation.delegation.name}</td>
                  <td>{standingLabel(invitation)}</td>
                  <td>
                    <span className="zd-invitation-status" data-status={invitation.status}>
                      {statusLabel[invitation.status]}
                    </span>
                  </td>
                  <td>
                    {invitation.status === 'accepted' && invitation.acceptedAt ? (
                      <>
                        Accepted <DateTime iso={invitation.acceptedAt} clock={clock} />
                      </>
                    ) : (
                      <>
                        {invitation.status === 'expired' ? 'Expired' : 'Expires'}{' '}
                        <DateTime iso={invitation.expiresAt} clock={clock} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
