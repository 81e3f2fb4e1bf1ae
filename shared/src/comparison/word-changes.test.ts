import { describe, expect, it } from 'vitest';
import { wordChanges } from './word-changes.ts';

describe('the words that changed in a paragraph', () => {
  it('puts the deleted words before the inserted ones where words were replaced', () => {
    expect(wordChanges('note with grave concern', 'note with serious concern')).toEqual([
      { text: 'note with ', change: 'same' },
      { text: 'grave', change: 'deleted' },
      { text: 'serious', change: 'inserted' },
      { text: ' concern', change: 'same' },
    ]);
  });

  it('shows a long paragraph rewritten from end to end as its old words deleted and its new words inserted', () => {
    const older = Array.from({ length: 1_200 }, (_, i) => `old${i}`).join(' ');
    const newer = Array.from({ length: 1_200 }, (_, i) => `new${i}`).join(' ');
    expect(wordChanges(older, newer)).toEqual([
      { text: older, change: 'deleted' },
      { text: newer, change: 'inserted' },
    ]);
  });

  it('has nothing to show for two empty paragraphs', () => {
    expect(wordChanges('', '')).toEqual([]);
    expect(wordChanges('', 'New.')).toEqual([{ text: 'New.', change: 'inserted' }]);
  });
});
