import { useCallback, useRef, useState } from 'react';
import { actFailure } from './act-messages.ts';

export interface ActRunner {
  /** What is under way, e.g. "Accepting…"; null when nothing is. */
  running: string | null;
  /** Why the last act failed, in plain words. */
  error: string | null;
  /** Runs one act at a time; resolves true when it went through. */
  run: (progress: string, act: () => Promise<string>) => Promise<boolean>;
}

/**
 * One control's acts: shows their progress, says their outcome to the panel's live region and
 * keeps a failure on screen where it happened, until the next try. The outcome itself arrives through the Y.Doc.
 */
export function useAct(announce: (message: string) => void): ActRunner {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (progress: string, act: () => Promise<string>) => {
      if (busy.current) return false;
      busy.current = true;
      setRunning(progress);
      setError(null);
      try {
        announce(await act());
        return true;
      } catch (failure) {
        // Said where it happened, as an alert; not in the live region as well.
        setError(actFailure(failure));
        return false;
      } finally {
        busy.current = false;
        setRunning(null);
      }
    },
    [announce],
  );
  return { running, error, run };
}
