import { describe, expect, it } from 'vitest';
import { proposalsInWords } from './history-words.ts';

const none = { pending: 0, accepted: 0, rejected: 0, withdrawn: 0, carriedForward: 0, leftBehind: 0 };

describe('what became of a revision’s proposals, in words', () => {
  it('names only the outcomes that happened, in the order of a decision', () => {
    expect(proposalsInWords({ ...none, accepted: 3, rejected: 1, carriedForward: 2 })).toBe(
      '3 accepted, 1 rejected, 2 carried forward',
    );
  });

  it('says when there were none', () => {
    expect(proposalsInWords(none)).toBe('No proposals');
  });
});
