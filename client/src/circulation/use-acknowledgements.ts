import type { RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import { useCallback, useEffect } from 'react';
import { fetchAcknowledgements } from '../api/revisions.ts';
import { useLatestAnswer } from '../api/use-latest-answer.ts';

/**
 * How a circulated revision went out and who confirmed receipt, read again whenever the page's
 * revision is loaded again (the editor reloads it when the server says the revision changed
 * state), and after the reader's own act through `refresh`. Nothing is asked of a revision in
 * preparation: it has not gone out.
 */
export function useAcknowledgements(revision: RevisionSummary) {
  const { answer: acknowledgements, error, load, cancel } = useLatestAnswer(fetchAcknowledgements);

  // `revision` is a new object each time the route's loader runs again.
  useEffect(() => {
    if (revision.state === 'in_preparation') return;
    load(revision.id);
    return cancel;
  }, [revision, load, cancel]);

  const refresh = useCallback(() => load(revision.id), [load, revision.id]);
  return { acknowledgements, error, refresh };
}
