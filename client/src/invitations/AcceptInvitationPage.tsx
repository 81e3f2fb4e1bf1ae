import { NEW_PASSWORD_MIN_LENGTH } from '@zerodraft/shared/api/invitations.ts';
import { useId } from 'react';
import {
  type ActionFunctionArgs,
  Form,
  Link,
  type LoaderFunctionArgs,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { acceptInvitation, fetchInvitationPreview } from '../api/invitations.ts';
import { roleLabel } from '../meeting/labels.ts';
import { meetingPath } from '../meeting/meeting-data.ts';
import { formatDateTime, readerClock } from '../time/format.ts';

/** The invitation as its link shows it, or why it can no longer be used, in the server's words. */
export async function acceptInvitationLoader({ request, params }: LoaderFunctionArgs) {
  try {
    return { kind: 'open' as const, preview: await fetchInvitationPreview(params.token ?? '', request.signal) };
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    return { kind: 'unusable' as const, status: error.status, message: error.message };
  }
}

export async function acceptInvitationAction({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const existing = form.get('accountExists') === 'true';
  const password = String(form.get('password') ?? '');
  const name = String(form.get('name') ?? '').trim();
  if (!existing) {
    if (!name) return { error: 'Give your name, as the other participants will see it.' };
    if (password.length < NEW_PASSWORD_MIN_LENGTH) {
      return { error: `Choose a password of at least ${NEW_PASSWORD_MIN_LENGTH} characters.` };
    }
    if (password !== String(form.get('passwordAgain') ?? '')) {
      return { error: 'The two passwords are not the same. Type the same password twice.' };
    }
  } else if (!password) {
    return { error: 'Enter the password of your Zerodraft account.' };
  }
  try {
    await acceptInvitation(params.token ?? '', existing ? { password } : { name, password });
  } catch (error) {
    if (error instanceof ApiRequestError) return { error: error.message };
    throw error;
  }
  return redirect(meetingPath(String(form.get('meetingId') ?? '')));
}

/** `/invitations/:token`: the invitee sees what they are invited to, and joins with a password. */
export function AcceptInvitationPage() {
  const loaded = useLoaderData<typeof acceptInvitationLoader>();
  const failure = useActionData<typeof acceptInvitationAction>();
  const joining = useNavigation().state !== 'idle';
  const id = useId();

  if (loaded.kind === 'unusable') {
    return (
      <main className="zd-sign-in" aria-labelledby={`${id}-title`}>
        <title>Invitation — Zerodraft</title>
        <p className="zd-product">Zerodraft</p>
        <h1 id={`${id}-title`}>This invitation cannot be used</h1>
        <p role="alert" className="zd-alert">
          {loaded.message}
        </p>
        <p>
          <Link to="/sign-in">Sign in</Link> if you already take part in the meeting.
        </p>
      </main>
    );
  }

  const { preview } = loaded;
  const reader = readerClock();
  return (
    <main className="zd-sign-in zd-invitation" aria-labelledby={`${id}-title`}>
      <title>{`Invitation to ${preview.meeting.title} — Zerodraft`}</title>
      <p className="zd-product">Zerodraft</p>
      <h1 id={`${id}-title`}>You are invited</h1>
      <dl className="zd-facts zd-invitation-facts">
        <div>
          <dt>Meeting</dt>
          <dd>{preview.meeting.title}</dd>
        </div>
        <div>
          <dt>Delegation</dt>
          <dd>
            {preview.delegation.name} ({preview.delegation.code})
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleLabel[preview.role]}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>Valid until</dt>
          <dd>
            <time dateTime={preview.expiresAt}>
              {formatDateTime(preview.expiresAt, { timeZone: reader.timeZone, place: reader.timeZone })}
            </time>
          </dd>
        </div>
      </dl>
      <Form method="post" replace className="zd-form" aria-describedby={failure ? `${id}-error` : undefined}>
        <input type="hidden" name="accountExists" value={String(preview.accountExists)} />
        <input type="hidden" name="meetingId" value={preview.meeting.id} />
        {/* Lets a password manager save the new password under the right address. */}
        <input type="hidden" name="email" value={preview.email} autoComplete="username" />
        {failure && (
          <p id={`${id}-error`} role="alert" className="zd-alert">
            {failure.error}
          </p>
        )}
        {preview.accountExists ? (
          <>
            <p>You already have a Zerodraft account. Enter its password to join the meeting.</p>
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
          </>
        ) : (
          <>
            <label htmlFor={`${id}-name`}>Your name</label>
            <input
              id={`${id}-name`}
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              aria-describedby={`${id}-name-hint`}
            />
            <p id={`${id}-name-hint`} className="zd-hint">
              As the other participants will see it, e.g. next to your cursor.
            </p>
            <label htmlFor={`${id}-password`}>Choose a password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={NEW_PASSWORD_MIN_LENGTH}
              aria-describedby={`${id}-password-hint`}
            />
            <p id={`${id}-password-hint`} className="zd-hint">
              At least {NEW_PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember.
            </p>
            <label htmlFor={`${id}-password-again`}>Type the password again</label>
            <input
              id={`${id}-password-again`}
              name="passwordAgain"
              type="password"
              autoComplete="new-password"
              required
            />
          </>
        )}
        <button type="submit" className="zd-button zd-button-primary" disabled={joining}>
          {joining ? 'Joining…' : 'Join the meeting'}
        </button>
      </Form>
    </main>
  );
}
