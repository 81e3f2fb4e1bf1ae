import { PROPOSALS_FIELD, ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import type * as Y from 'yjs';

/** A revision's proposal records by id; one the server cannot read is left out, as the compilation leaves it. */
export function readableRecords(doc: Y.Doc): Map<string, ProposalRecord> {
  const records = new Map<string, ProposalRecord>();
  doc.getMap<unknown>(PROPOSALS_FIELD).forEach((value, id) => {
    const parsed = ProposalRecord.safeParse(value);
    if (parsed.success) records.set(id, parsed.data);
  });
  return records;
}
