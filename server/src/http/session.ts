import { type SessionList, SignInRequest } from '@zerodraft/shared/api/session.ts';
import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientAddress } from '../auth/client-address.ts';
import type { SignInLimiter } from '../auth/rate-limit.ts';
import { type Session, type Sessions, sessionId } from '../auth/sessions.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notFound, notSignedIn, parseJson } from './errors.ts';
import { describeMe } from './me.ts';

export interface SessionCookieOptions {
  cookieSecure: boolean;
  sessionTtlMs: number;
}

export interface SessionRoutesOptions extends SessionCookieOptions {
  store: Store;
  sessions: Sessions;
  signInLimiter: SignInLimiter;
  trustProxy: boolean;
}

/** Hands the browser a new session; `HttpOnly` keeps it from scripts, `Lax` from cross-site posts. */
export function setSessionCookie(c: Context, token: string, { cookieSecure, sessionTtlMs }: SessionCookieOptions) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookieSecure,
    path: '/',
    maxAge: Math.floor(sessionTtlMs / 1000),
  });
}

/**
 * The caller's browser session. Managing one's account (sessions, API tokens) takes a signed-in
 * browser: a script's token, scoped to one meeting, must not extend its own reach.
 */
export function requireSession(c: Context<AppEnv>): Session {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  if (principal.kind !== 'session')
    throw new HttpError(403, 'session_required', 'An API token cannot do this. Sign in to Zerodraft in a browser.');
  return principal;
}

/**
 * `POST /api/session` signs in, `DELETE /api/session` signs out, `GET /api/me` says who is
 * signed in; `GET /api/sessions` lists one's sessions and `DELETE /api/sessions/:id` ends one.
 */
export function sessionRoutes({ store, sessions, signInLimiter, trustProxy, ...cookie }: SessionRoutesOptions) {
  return new Hono<AppEnv>()
    .post('/session', async (c) => {
      const { email, password } = await parseJson(c, SignInRequest);
      const signedIn = await signInLimiter.attempt(email, clientAddress(c, trustProxy), () =>
        sessions.signIn(email, password),
      );
      if (!signedIn) throw new HttpError(401, 'wrong_credentials', 'The email address or password is not correct.');
      // The cookie is replaced; the session it carried must not live on unseen.
      const previous = c.get('principal');
      if (previous?.kind === 'session') await sessions.signOut(previous.tokenHash);
      setSessionCookie(c, signedIn.token, cookie);
      return c.json(await describeMe(store, signedIn.user));
    })
    .delete('/session', async (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'session') await sessions.signOut(principal.tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const me = await describeMe(store, principal.user);
      // A token speaks for one meeting only; it does not reveal the user's others.
      if (principal.kind === 'token') {
        me.participations = me.participations.filter((p) => p.meetingId === principal.meetingId);
      }
      return c.json(me);
    })
    .get('/sessions', async (c) => {
      const session = requireSession(c);
      const body: SessionList = {
        sessions: (await sessions.list(session.user.id)).map((s) => ({
          id: sessionId(s.tokenHash),
          createdAt: s.createdAt,
          expiresAt: s.expiresAt,
          current: s.tokenHash === session.tokenHash,
        })),
      };
      return c.json(body);
    })
    .delete('/sessions/:id', async (c) => {
      const session = requireSession(c);
      const id = c.req.param('id');
      if (!(await sessions.revoke(session.user.id, id))) throw notFound('The session');
      if (id === sessionId(session.tokenHash)) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
