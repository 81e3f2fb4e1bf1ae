import { useEffect, useId, useRef } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  redirect,
  useFetcher,
  useLoaderData,
  useRouteLoaderData,
} from 'react-router';
import { createApiToken, fetchApiTokens, fetchSessions, revokeApiToken, revokeSession } from '../api/account.ts';
import { ApiRequestError } from '../api/http.ts';
import { CopyButton } from '../clipboard/CopyButton.tsx';
import type { appLoader } from '../layout/AppLayout.tsx';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { type Clock, formatDateTime, readerClock } from '../time/format.ts';

export function accountLoader({ request }: LoaderFunctionArgs) {
  return loadSignedIn(request, async () => {
    const [{ sessions }, { tokens }] = await Promise.all([
      fetchSessions(request.signal),
      fetchApiTokens(request.signal),
    ]);
    return { sessions, tokens };
  });
}

type AccountResult =
  | { kind: 'tokenCreated'; token: string; name: string }
  | { kind: 'failed'; message: string }
  | { kind: 'done' };

export async function accountAction({ request }: ActionFunctionArgs): Promise<AccountResult | Response> {
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const id = String(form.get('id') ?? '');
  try {
    if (intent === 'createToken') {
      const name = String(form.get('name') ?? '').trim();
      if (!name)
        return { kind: 'failed', message: 'Name the token after what will use it, e.g. “Compilation script”.' };
      const created = await createApiToken(String(form.get('meetingId') ?? ''), name);
      return { kind: 'tokenCreated', token: created.token, name: created.name };
    }
    if (intent === 'revokeToken') await revokeApiToken(id);
    if (intent === 'revokeSession') {
      await revokeSession(id);
      // Ending this browser's own session signs it out.
      if (form.get('current') === 'true') return redirect('/sign-in');
    }
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof ApiRequestError) return { kind: 'failed', message: error.message };
    throw error;
  }
}

/** Times on this page belong to no meeting: they are the reader's, named by their zone. */
function localClock(): Clock {
  const { timeZone } = readerClock();
  return { timeZone, place: timeZone.replaceAll('_', ' ') };
}

function When({ iso, clock }: { iso: string; clock: Clock }) {
  return <time dateTime={iso}>{formatDateTime(iso, clock)}</time>;
}

/** `/account`: one's own sessions, and personal API tokens for scripts, each for one meeting. */
export function AccountPage() {
  const { sessions, tokens } = useLoaderData<typeof accountLoader>();
  const me = useRouteLoaderData<typeof appLoader>('app');
  const clock = localClock();
  const id = useId();
  const creator = useFetcher<typeof accountAction>();
  const form = useRef<HTMLFormElement>(null);
  const created = creator.state === 'idle' ? creator.data : undefined;
  const meetings = me?.participations ?? [];
  const meetingTitle = (meetingId: string) =>
    meetings.find((m) => m.meetingId === meetingId)?.meetingTitle ?? meetingId;

  useEffect(() => {
    if (created?.kind === 'tokenCreated') form.current?.reset();
  }, [created]);

  return (
    <article className="zd-account">
      <title>Your account — Zerodraft</title>
      <header className="zd-page-header">
        <h1>Your account</h1>
        {me && (
          <p className="zd-muted">
            {me.user.name}, {me.user.email}
          </p>
        )}
      </header>

      <section aria-labelledby={`${id}-sessions`} className="zd-panel">
        <h2 id={`${id}-sessions`}>Where you are signed in</h2>
        <p className="zd-muted">
          Each browser you signed in with. End a session you do not recognise, or one on a computer you no longer use.
          Times are in the {clock.place} time zone.
        </p>
        <table className="zd-table">
          <thead>
            <tr>
              <th scope="col">Signed in</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="zd-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  <When iso={session.createdAt} clock={clock} />
                  {session.current && <span className="zd-cell-note">This browser</span>}
                </td>
                <td>
                  <When iso={session.expiresAt} clock={clock} />
                </td>
                <td>
                  <RevokeButton
                    intent="revokeSession"
                    id={session.id}
                    current={session.current}
                    label={session.current ? 'Sign out here' : 'End this session'}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`${id}-tokens`} className="zd-panel">
        <h2 id={`${id}-tokens`}>Personal API tokens</h2>
        <p className="zd-muted">
          For scripts that work with Zerodraft as you: send the token as <code>Authorization: Bearer …</code>. A token
          works in one meeting only, with your role there, until you revoke it.
        </p>
        {meetings.length === 0 ? (
          <p className="zd-muted">You take part in no meeting, so there is nothing a token could be for.</p>
        ) : (
          <creator.Form method="post" className="zd-form zd-token-form" ref={form}>
            <input type="hidden" name="intent" value="createToken" />
            <div className="zd-field">
              <label htmlFor={`${id}-token-name`}>Name of the new token</label>
              <input id={`${id}-token-name`} name="name" required maxLength={100} placeholder="Compilation script" />
            </div>
            {meetings.length === 1 ? (
              <input type="hidden" name="meetingId" value={meetings[0]?.meetingId} />
            ) : (
              <div className="zd-field">
                <label htmlFor={`${id}-token-meeting`}>For the meeting</label>
                <select id={`${id}-token-meeting`} name="meetingId">
                  {meetings.map((m) => (
                    <option key={m.meetingId} value={m.meetingId}>
                      {m.meetingTitle}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button type="submit" className="zd-button zd-button-primary" disabled={creator.state !== 'idle'}>
              Create a token
            </button>
          </creator.Form>
        )}
        {created?.kind === 'failed' && (
          <p className="zd-alert" role="alert">
            {created.message}
          </p>
        )}
        {created?.kind === 'tokenCreated' && (
          <div className="zd-invitation-link" role="status">
            <p className="zd-notice-title">Your new token “{created.name}”</p>
            <p>Copy it now: Zerodraft keeps only a fingerprint of it and cannot show it again.</p>
            <label htmlFor={`${id}-token`}>Token</label>
            <input
              id={`${id}-token`}
              className="zd-link-field"
              readOnly
              value={created.token}
              onFocus={(event) => event.currentTarget.select()}
            />
            <p>
              <CopyButton text={created.token} label="Copy the token" primary />
            </p>
          </div>
        )}
        {tokens.length === 0 ? (
          <p className="zd-muted">You have no API token.</p>
        ) : (
          <table className="zd-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Meeting</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="zd-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{meetingTitle(token.meetingId)}</td>
                  <td>
                    <When iso={token.createdAt} clock={clock} />
                  </td>
                  <td>{token.lastUsedAt ? <When iso={token.lastUsedAt} clock={clock} /> : 'Never'}</td>
                  <td>
                    {token.revokedAt ? (
                      <>
                        Revoked <When iso={token.revokedAt} clock={clock} />
                      </>
                    ) : (
                      <RevokeButton intent="revokeToken" id={token.id} label={`Revoke “${token.name}”`} />
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

function RevokeButton({
  intent,
  id,
  label,
  current,
}: {
  intent: string;
  id: string;
  label: string;
  current?: boolean;
}) {
  const fetcher = useFetcher<typeof accountAction>();
  const failure = fetcher.state === 'idle' && fetcher.data?.kind === 'failed' ? fetcher.data.message : null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {current && <input type="hidden" name="current" value="true" />}
      <button type="submit" className="zd-button" disabled={fetcher.state !== 'idle'}>
        {label}
      </button>
      {failure && (
        <span className="zd-field-error" role="alert">
          {failure}
        </span>
      )}
    </fetcher.Form>
  );
}
