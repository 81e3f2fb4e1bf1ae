import { ApiRequestError } from './http.ts';

/** The waits between attempts: about 15 seconds in all, long enough for a server to restart. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000, 2_000, 3_000, 4_000, 4_000];

/** A server that is down or restarting: not reached at all, or a proxy answering for it. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiRequestError &&
    (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
  );
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Runs `load` again while the server cannot be reached, so a page that reloads its data while
 * the server restarts (a revision whose state just changed, say) waits for it instead of
 * showing an error. Any other failure, or the last one, is thrown as it came.
 */
export async function whileUnreachable<T>(
  load: () => Promise<T>,
  signal?: AbortSignal,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      await pause(delay, signal);
    }
  }
}
