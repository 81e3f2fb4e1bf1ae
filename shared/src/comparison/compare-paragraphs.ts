import type {
  ComparisonCounts,
  ComparisonRow,
  ParagraphPlace,
  RowChange,
  SectionRef,
  WordSegment,
} from '../api/comparison.ts';
import { keptInOrder } from './kept-in-order.ts';
import { wordChanges } from './word-changes.ts';

/** A paragraph of one revision as the comparison reads it (see `comparableParagraphs`). */
export interface ComparableParagraph {
  /** Its stable id, unique within the revision: the same paragraph in two revisions has the same. */
  pid: string;
  place: ParagraphPlace;
  section: SectionRef;
  text: string;
}

export interface ParagraphComparison {
  rows: ComparisonRow[];
  counts: ComparisonCounts;
}

/**
 * The redline of two revisions by paragraph, followed through their pids (DESIGN.md §1, "para
 * 12 (was 10 in Draft 1)"), in reading order: the newer revision's paragraphs in its order, each
 * paragraph only the older one has right after the paragraph it followed there. A paragraph both
 * have is `moved` when it left the longest order they share, else `changed` or `unchanged` by
 * its words; a renumbered paragraph keeps its words and says where it was in `old`.
 */
export function compareParagraphs(
  older: readonly ComparableParagraph[],
  newer: readonly ComparableParagraph[],
): ParagraphComparison {
  const olderAt = new Map(older.map((paragraph, i) => [paragraph.pid, i]));
  const inNewer = new Set(newer.map((paragraph) => paragraph.pid));
  const shared = newer.filter((paragraph) => olderAt.has(paragraph.pid));
  const kept = keptInOrder(shared.map((paragraph) => olderAt.get(paragraph.pid) as number));
  const stayed = new Set(shared.filter((_, i) => kept[i]).map((paragraph) => paragraph.pid));

  // A deleted paragraph stays after the paragraph it followed, if that one kept its place.
  const deletedAfter = new Map<string | null, ComparableParagraph[]>();
  let anchor: string | null = null;
  for (const paragraph of older) {
    if (stayed.has(paragraph.pid)) anchor = paragraph.pid;
    else if (!inNewer.has(paragraph.pid)) deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), paragraph]);
  }

  const rows: ComparisonRow[] = [];
  const addDeleted = (after: string | null) => {
    for (const paragraph of deletedAfter.get(after) ?? []) rows.push(deletedRow(paragraph));
  };
  addDeleted(null);
  for (const paragraph of newer) {
    const before = older[olderAt.get(paragraph.pid) ?? -1];
    if (!before) {
      rows.push(insertedRow(paragraph));
      continue;
    }
    rows.push(sharedRow(before, paragraph, !stayed.has(paragraph.pid)));
    addDeleted(paragraph.pid);
  }
  return { rows, counts: countRows(rows) };
}

function sharedRow(before: ComparableParagraph, after: ComparableParagraph, moved: boolean): ComparisonRow {
  const wordsChanged = before.text !== after.text;
  return {
    pid: after.pid,
    change: moved ? 'moved' : wordsChanged ? 'changed' : 'unchanged',
    wordsChanged,
    old: before.place,
    new: after.place,
    section: after.section,
    segments: wordChanges(before.text, after.text),
  };
}

const whole = (text: string, change: WordSegment['change']): WordSegment[] => (text ? [{ text, change }] : []);

const insertedRow = (paragraph: ComparableParagraph): ComparisonRow => ({
  pid: paragraph.pid,
  change: 'inserted',
  wordsChanged: true,
  old: null,
  new: paragraph.place,
  section: paragraph.section,
  segments: whole(paragraph.text, 'inserted'),
});

const deletedRow = (paragraph: ComparableParagraph): ComparisonRow => ({
  pid: paragraph.pid,
  change: 'deleted',
  wordsChanged: true,
  old: paragraph.place,
  new: null,
  section: paragraph.section,
  segments: whole(paragraph.text, 'deleted'),
});

function countRows(rows: readonly ComparisonRow[]): ComparisonCounts {
  const counts: Record<RowChange, number> = { unchanged: 0, changed: 0, inserted: 0, deleted: 0, moved: 0 };
  for (const row of rows) counts[row.change] += 1;
  return counts;
}
