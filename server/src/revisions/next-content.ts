import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import * as Y from 'yjs';
import { applyDecision } from '../proposals/decide.ts';
import { proposalIdsInText } from '../proposals/marks.ts';
import { proposalRecords } from '../proposals/records.ts';

/** The text a new revision starts with, and which pending proposals of its source it holds. */
export interface NextContent {
  doc: Y.Doc;
  /** Pending proposals whose marks and records the new revision holds, still attributed. */
  carried: string[];
  /** Pending proposals of the source the new revision does not hold. */
  leftBehind: string[];
}

/**
 * The content of the next revision, from `source` (a revision's Y.Doc as it stands; left
 * unchanged). The text is copied into a fresh Y.Doc, without the source's editing history,
 * keeping every paragraph's and section's id (`pid`, `sid`), status and formatting, so that
 * paragraphs can be followed from one revision to the next.
 *
 * Carried forward, the pending proposals keep their marks and their records (stances,
 * rationale, history). Left behind, they leave no trace: see `leaveProposalsBehind`.
 * Records of proposals already decided stay with the source revision's history.
 */
export function nextRevisionContent(source: Y.Doc, carryForward: boolean): NextContent {
  const doc = new Y.Doc();
  const pending = [...proposalIdsInText(source)];
  const records = proposalRecords(source);
  doc.transact(() => {
    // The binding writes elements and texts only; a hook would be none of the text's.
    const text = source
      .getXmlFragment(DOCUMENT_FIELD)
      .toArray()
      .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText);
    doc.getXmlFragment(DOCUMENT_FIELD).insert(
      0,
      text.map((node) => node.clone()),
    );
    if (!carryForward) return;
    for (const id of pending) {
      const record = records.get(id);
      // A copy: a record is a plain JSON value, and the two revisions' records part ways from here.
      if (record) proposalRecords(doc).set(id, structuredClone(record) as ProposalRecord);
    }
  });
  if (carryForward) return { doc, carried: pending, leftBehind: [] };
  leaveProposalsBehind(doc);
  return { doc, carried: [], leftBehind: pending };
}

/**
 * Takes every pending proposal out of a revision's text, as if each were rejected, in one
 * transaction: proposed words go, words proposed for deletion stay and lose their marks, a
 * proposed paragraph goes (words in it nobody proposed return to the paragraph before), and
 * their records go too; records of proposals already decided stay. Returns the ids of the proposals it took out.
 */
export function leaveProposalsBehind(doc: Y.Doc): string[] {
  const ids = proposalIdsInText(doc);
  doc.transact(() => {
    applyDecision(doc, ids, 'reject');
    const records = proposalRecords(doc);
    for (const id of ids) records.delete(id);
  });
  return [...ids];
}
