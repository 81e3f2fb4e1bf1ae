import { describe, expect, it } from 'vitest';
import { proposalRange } from './locate.ts';
import { bms7, proposalIds } from './testing/bms7.ts';

describe('finding a proposal in the text', () => {
  it('finds the first words a proposal marks', () => {
    const doc = bms7();
    const range = proposalRange(doc, proposalIds.mexicoReplaces);

    expect(range && doc.textBetween(range.from, range.to)).toBe('grave');
  });

  it('finds a paragraph proposed whole by its content', () => {
    const doc = bms7();
    const range = proposalRange(doc, proposalIds.mexicoAdds);

    expect(range && doc.textBetween(range.from, range.to)).toBe('Calls upon States to share information');
  });

  it('finds nothing once a proposal has left the text', () => {
    expect(proposalRange(bms7(), 'accepted-before')).toBeNull();
  });
});
