import { SignInRequest } from '@zerodraft/shared/api/session.ts';
import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Sessions } from '../auth/sessions.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notSignedIn, parseJson } from './errors.ts';
import { describeMe } from './me.ts';

export interface SessionRoutesOptions {
  store: Store;
  sessions: Sessions;
  cookieSecure: boolean;
  sessionTtlMs: number;
}

/** `POST /api/session` signs in, `DELETE /api/session` signs out, `GET /api/me` says who is signed in. */
export function sessionRoutes({ store, sessions, cookieSecure, sessionTtlMs }: SessionRoutesOptions) {
  return new Hono<AppEnv>()
    .post(
      '/session',
      bodyLimit({
        maxSize: 16 * 1024,
        onError: () => {
          throw new HttpError(413, 'too_large', 'The request body is too large.');
        },
      }),
      async (c) => {
        const { email, password } = await parseJson(c, SignInRequest);
        const signedIn = await sessions.signIn(email, password);
        if (!signedIn) throw new HttpError(401, 'wrong_credentials', 'The email address or password is not correct.');
        setCookie(c, SESSION_COOKIE, signedIn.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: cookieSecure,
          path: '/',
          maxAge: Math.floor(sessionTtlMs / 1000),
        });
        return c.json(await describeMe(store, signedIn.user));
      },
    )
    .delete('/session', async (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'session') await sessions.signOut(principal.tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      return c.json(await describeMe(store, principal.user));
    });
}
