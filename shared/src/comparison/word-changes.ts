import { diffWordsWithSpace } from 'diff';
import type { WordSegment } from '../api/comparison.ts';

/**
 * Beyond this many words and spaces added or removed, a paragraph is shown as rewritten whole
 * (its old words deleted, its new words inserted): a word-by-word account of so much change
 * reads worse than the two texts, and costs time on a long paragraph.
 */
const MAX_EDITS = 2_000;

/**
 * The words of a paragraph in its older and newer text, as `same`, `deleted` and `inserted`
 * runs (jsdiff's word diff). Spaces count as words, so the runs give back both texts exactly;
 * where words were replaced, the deleted ones come first.
 */
export function wordChanges(older: string, newer: string): WordSegment[] {
  if (older === newer) return older ? [{ text: older, change: 'same' }] : [];
  const changes = diffWordsWithSpace(older, newer, { maxEditLength: MAX_EDITS });
  if (!changes) return rewritten(older, newer);
  return changes
    .filter((change) => change.value !== '')
    .map((change) => ({
      text: change.value,
      change: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    }));
}

function rewritten(older: string, newer: string): WordSegment[] {
  const segments: WordSegment[] = [];
  if (older) segments.push({ text: older, change: 'deleted' });
  if (newer) segments.push({ text: newer, change: 'inserted' });
  return segments;
}
