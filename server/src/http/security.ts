import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';
import { HttpError } from './errors.ts';

/**
 * Whether a page at `origin` may act with the user's cookie: the server's own origin (the
 * scheme and `Host` of `requestUrl`) or one of `ALLOWED_ORIGINS`. The websocket upgrade needs
 * the same check, since browsers open cross-site websockets with cookies and without CORS.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  requestUrl: string,
  config: Pick<Config, 'allowedOrigins'>,
): boolean {
  // Opaque origins (sandboxed frames, `file:`) are sent as "null" and are nobody's.
  if (!origin || !URL.canParse(origin)) return false;
  const normalized = new URL(origin).origin;
  if (normalized === 'null') return false;
  return normalized === new URL(requestUrl).origin || config.allowedOrigins.includes(normalized);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes that a page of another site makes the browser send with the user's cookie.
 * Requests with `Authorization` (API tokens) are exempt: no browser attaches one on its own.
 */
export function csrfProtection(config: Pick<Config, 'allowedOrigins'>): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method) && c.req.header('authorization') === undefined && !sentByOwnPage(c, config))
      throw new HttpError(403, 'cross_site', 'Cross-site request refused.');
    await next();
  };
}

function sentByOwnPage(c: Context, config: Pick<Config, 'allowedOrigins'>): boolean {
  const origin = c.req.header('origin');
  // A foreign page is refused even without a cookie: it could sign the browser in to an
  // account of its choosing, or accept an invitation on the visitor's behalf.
  if (origin !== undefined) return isAllowedOrigin(origin, c.req.url, config);
  // No cookie, no authority to borrow: scripts and command-line clients send no Origin.
  if (getCookie(c, SESSION_COOKIE) === undefined) return true;
  // Browsers send Origin on every cross-site write; where one was left out, Fetch Metadata still tells.
  return c.req.header('sec-fetch-site') === 'same-origin';
}

/** Refuses a request body over `maxBytes` with 413, whether or not it declares its length. */
export function requestBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = maxBytes >= 1024 ? `${Math.floor(maxBytes / 1024)} KiB` : `${maxBytes} bytes`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json({ error: { code: 'too_large', message: `The request is too large: at most ${limit} is accepted.` } }, 413),
  });
}

/** Headers that keep the built client from being framed, sniffed or made to run scripts it did not ship. */
export function securityHeaders(config: Pick<Config, 'cookieSecure'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // ProseMirror and TipTap set style attributes and insert a stylesheet of their own.
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    // HSTS over plain HTTP would be ignored at best; `COOKIE_SECURE` is what says the site is served over HTTPS.
    strictTransportSecurity: config.cookieSecure,
  });
}
