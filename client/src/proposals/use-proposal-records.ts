import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { ProposalRecords } from './records.ts';

/** The proposals' records in the revision's Y.Doc, re-read whenever the server changes one. */
export function useProposalRecords(ydoc: Y.Doc): ReadonlyMap<string, ProposalRecord> {
  const records = useMemo(() => new ProposalRecords(ydoc), [ydoc]);
  return useSyncExternalStore(records.subscribe, () => records.snapshot);
}
