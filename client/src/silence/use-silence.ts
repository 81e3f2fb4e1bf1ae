import type { RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import type { SilenceList } from '@zerodraft/shared/api/silence.ts';
import { useCallback, useEffect } from 'react';
import { fetchSilence } from '../api/silence.ts';
import { useLatestAnswer } from '../api/use-latest-answer.ts';

export interface SilenceRecord {
  /** Null until the first answer. */
  list: SilenceList | null;
  /** Why the procedure could not be read, in plain words. */
  error: string | null;
  /** Reads the procedure again, after an act or at the deadline. */
  refresh: () => void;
}

/**
 * The revision's silence procedures, read again whenever the page's revision is loaded again.
 * The editor reloads the revision when the server's `Access` message changes, which it sends
 * to every open editor when a procedure starts or ends: that is how this page learns of a
 * silence started, broken, withdrawn or adopted elsewhere.
 */
export function useSilence(revision: RevisionSummary): SilenceRecord {
  const { answer: list, error, load, cancel } = useLatestAnswer(fetchSilence);

  // `revision` is a new object each time the route's loader runs again.
  useEffect(() => {
    load(revision.id);
    return cancel;
  }, [revision, load, cancel]);

  const refresh = useCallback(() => load(revision.id), [load, revision.id]);
  return { list, error, refresh };
}
