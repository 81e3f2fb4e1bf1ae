import type { RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import type { Acknowledgements } from '@zerodraft/shared/api/revisions.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAcknowledgements } from '../api/revisions.ts';
import { actFailure } from '../proposals/act-messages.ts';

/**
 * How a circulated revision went out and who confirmed receipt, read again whenever the page's
 * revision is loaded again (the editor reloads it when the server says the revision changed
 * state), and after the reader's own act through `refresh`. Nothing is asked of a revision in
 * preparation: it has not gone out.
 */
export function useAcknowledgements(revision: RevisionSummary) {
  const [acknowledgements, setAcknowledgements] = useState<Acknowledgements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asking = useRef<AbortController | null>(null);

  // Only the latest question counts: an earlier answer arriving late must not undo a later one.
  const load = useCallback((revisionId: string) => {
    asking.current?.abort();
    const aborted = new AbortController();
    asking.current = aborted;
    fetchAcknowledgements(revisionId, aborted.signal).then(
      (answer) => {
        setAcknowledgements(answer);
        setError(null);
      },
      (failure: unknown) => {
        if (!aborted.signal.aborted) setError(actFailure(failure));
      },
    );
  }, []);

  // `revision` is a new object each time the route's loader runs again.
  useEffect(() => {
    if (revision.state === 'in_preparation') return;
    load(revision.id);
    return () => asking.current?.abort();
  }, [revision, load]);

  const refresh = useCallback(() => load(revision.id), [load, revision.id]);
  return { acknowledgements, error, refresh };
}
