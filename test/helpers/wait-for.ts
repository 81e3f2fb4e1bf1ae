export interface WaitOptions {
  /** Give up after this long; the error names what was awaited. */
  timeoutMs?: number;
  /** Said in the timeout error: "Timed out after 5000 ms waiting for <what>". */
  what?: string;
  /** How often the predicate is asked again. */
  intervalMs?: number;
}

/**
 * Polls `predicate` until it holds or the deadline passes (STYLE.md: no fixed sleeps for
 * async effects, and no assertion that retries forever).
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what, intervalMs = 5 }: WaitOptions = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (performance.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what ?? predicate.toString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rejects with a message naming `what` if `promise` has not settled within `timeoutMs`. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
