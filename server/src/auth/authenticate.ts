import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import type { ApiTokens } from './api-tokens.ts';
import type { Sessions } from './sessions.ts';

/**
 * Puts the request's principal on the context: an API token (`Authorization: Bearer`) or the
 * session cookie. A Bearer token that is not valid is refused outright rather than ignored, so
 * a script never runs as whoever's cookie happens to be there.
 */
export function authenticate({ sessions, apiTokens }: { sessions: Sessions; apiTokens: ApiTokens }) {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match?.[1] ? await apiTokens.resolve(match[1]) : null;
      if (!principal) throw new HttpError(401, 'invalid_token', 'The API token is not valid or has been revoked.');
      c.set('principal', principal);
    } else {
      c.set('principal', await sessions.resolve(getCookie(c, SESSION_COOKIE)));
    }
    await next();
  };
  return middleware;
}
