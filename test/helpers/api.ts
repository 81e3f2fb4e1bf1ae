import { SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';

export interface ApiRequestOptions {
  /** The `Cookie` header value, as `signIn` returns it. */
  cookie?: string;
  /** An API token, sent as `Authorization: Bearer`. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * The `Origin` header. Defaults to the server's own origin when a cookie is sent, as a
   * browser on the app's page sends it; `null` sends none.
   */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** One request to the REST API, made as the app's own page (or a script holding a token) makes it. */
export function api(
  url: string,
  method: string,
  path: string,
  { cookie, token, body, origin, headers = {} }: ApiRequestOptions = {},
): Promise<Response> {
  const sent: Record<string, string> = { ...headers };
  if (cookie) sent.cookie = cookie;
  if (token) sent.authorization = `Bearer ${token}`;
  const sentOrigin = origin === undefined ? (cookie ? url : null) : origin;
  if (sentOrigin) sent.origin = sentOrigin;
  if (body !== undefined) sent['content-type'] = 'application/json';
  return fetch(`${url}${path}`, { method, headers: sent, body: body === undefined ? null : JSON.stringify(body) });
}

/** The session cookie a response set, as a `Cookie` header value; undefined when it set none. */
export function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1);
}
