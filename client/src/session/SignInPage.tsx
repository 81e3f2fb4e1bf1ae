import { type ActionFunctionArgs, Form, redirect, useActionData, useNavigation, useSearchParams } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { signIn } from '../api/session.ts';
import { returnToPath } from './sign-in-redirect.ts';

export async function signInAction({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (email === '' || password === '') return { error: 'Enter your email address and your password.', email };
  try {
    const me = await signIn({ email, password });
    const firstMeeting = me.participations[0];
    const home = firstMeeting ? `/meetings/${encodeURIComponent(firstMeeting.meetingId)}` : '/';
    return redirect(returnToPath(new URL(request.url).searchParams) ?? home);
  } catch (error) {
    if (error instanceof ApiRequestError) return { error: error.message, email };
    throw error;
  }
}

export function SignInPage() {
  const failure = useActionData<typeof signInAction>();
  const signingIn = useNavigation().state !== 'idle';
  const [search] = useSearchParams();
  const continuing = returnToPath(search) !== null;

  return (
    <main className="zd-sign-in" aria-labelledby="sign-in-title">
      <p className="zd-product">Zerodraft</p>
      <h1 id="sign-in-title">Sign in</h1>
      <p className="zd-muted">
        {continuing
          ? 'Sign in to continue to the page you asked for.'
          : 'Sign in with the address your Secretariat registered for you.'}
      </p>
      <Form method="post" replace className="zd-form" aria-describedby={failure ? 'sign-in-error' : undefined}>
        {failure && (
          <p id="sign-in-error" role="alert" className="zd-alert">
            {failure.error}
          </p>
        )}
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          // biome-ignore lint/a11y/noAutofocus: signing in is the only thing to do on this page
          autoFocus
          defaultValue={failure?.email}
          maxLength={254}
        />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="zd-button zd-button-primary" disabled={signingIn}>
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </main>
  );
}
