import { useCallback, useRef, useState } from 'react';
import { actFailure } from '../proposals/act-messages.ts';

/**
 * One resource of a revision read from the server, asked again on demand. Only the latest
 * question counts: an earlier answer arriving late must not undo a later one.
 */
export function useLatestAnswer<T>(fetchFor: (revisionId: string, signal: AbortSignal) => Promise<T>) {
  const [answer, setAnswer] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asking = useRef<AbortController | null>(null);

  const load = useCallback(
    (revisionId: string) => {
      asking.current?.abort();
      const aborted = new AbortController();
      asking.current = aborted;
      fetchFor(revisionId, aborted.signal).then(
        (latest) => {
          setAnswer(latest);
          setError(null);
        },
        (failure: unknown) => {
          if (!aborted.signal.aborted) setError(actFailure(failure));
        },
      );
    },
    [fetchFor],
  );
  const cancel = useCallback(() => asking.current?.abort(), []);
  return { answer, error, load, cancel };
}
