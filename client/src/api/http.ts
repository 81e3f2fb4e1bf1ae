import { ApiError } from '@zerodraft/shared/api/errors.ts';

/** What the client needs of a zod schema; the client reuses shared's schemas without importing zod. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/** A failed API call, with a sentence fit to show the user as is. */
export class ApiRequestError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function requestJson<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, options);
  try {
    return schema.parse(await response.json());
  } catch {
    throw new ApiRequestError(
      response.status,
      'unexpected_response',
      'The server sent an answer this page does not understand. Reload the page; if it persists, tell the Secretariat.',
    );
  }
}

export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(
      0,
      'unreachable',
      'Zerodraft cannot reach its server. Check your network connection, then try again.',
    );
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const parsed = ApiError.safeParse(await response.json().catch(() => null));
  if (parsed.success) return new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
  return new ApiRequestError(
    response.status,
    'unexpected_error',
    `The server could not answer (HTTP ${response.status}). Try again in a moment.`,
  );
}
