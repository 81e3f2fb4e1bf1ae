import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AlreadyParticipantError, LastAdministratorError } from '../store/store.ts';

/** An error a route means to send: the status, a stable code for programs, a sentence for people. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** Sent with the error, e.g. `Retry-After` with a 429. */
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const notSignedIn = () => new HttpError(401, 'not_signed_in', 'Sign in to continue.');
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);

/** Maps every error a handler throws to the `ApiError` body of shared/src/api/errors.ts, in one place. */
export function errorResponse(error: Error, c: Context): Response {
  if (error instanceof HttpError) {
    return c.json({ error: { code: error.code, message: error.message } }, error.status, error.headers);
  }
  if (error instanceof AlreadyParticipantError) {
    return c.json({ error: { code: 'already_participant', message: error.message } }, 409);
  }
  if (error instanceof LastAdministratorError) {
    return c.json(
      {
        error: { code: 'last_administrator', message: `${error.message} Give someone else one of these roles first.` },
      },
      409,
    );
  }
  if (error instanceof z.ZodError) {
    const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return c.json({ error: { code: 'invalid_request', message: `The request is invalid. ${detail}` } }, 400);
  }
  // The route pattern, not the path: a path can hold a secret (an invitation token).
  console.error('Unexpected error on', c.req.method, c.req.routePath, error);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server. Try again.' } }, 500);
}

/** Parses a JSON body against a zod schema; malformed JSON and invalid shapes both become 400. */
export async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return schema.parse(body);
}
