import type { ComparisonRow, ParagraphPlace, ProposalOutcome } from '@zerodraft/shared/api/comparison.ts';
import { describe, expect, it } from 'vitest';
import { outcomeInWords, rowHeading, rowTag } from './comparison-words.ts';

const operative = (label: string): ParagraphPlace => ({ kind: 'operative', number: `${label}.`, label });
const sub = (label: string): ParagraphPlace => ({ kind: 'subparagraph', number: label.split(' ')[1] ?? '', label });
const preambular = (label: string): ParagraphPlace => ({ kind: 'preambular', number: null, label });

function row(change: ComparisonRow['change'], old: ParagraphPlace | null, now: ParagraphPlace | null): ComparisonRow {
  return {
    pid: 'p-1',
    change,
    wordsChanged: change !== 'unchanged',
    old,
    new: now,
    section: { sid: 's-a', heading: 'A. Implementation' },
    segments: [],
  };
}

describe('the heading of each paragraph of the redline', () => {
  it('says where a renumbered paragraph was', () => {
    expect(rowHeading(row('changed', operative('10'), operative('12')), 'Draft 1')).toBe(
      'Paragraph 12 (was 10 in Draft 1)',
    );
    expect(rowHeading(row('unchanged', operative('4'), operative('4')), 'Draft 1')).toBe('Paragraph 4');
    expect(rowHeading(row('unchanged', sub('3 (a)'), sub('4 (a)')), 'Zero draft')).toBe(
      'Paragraph 4 (a) (was 3 (a) in Zero draft)',
    );
    expect(rowHeading(row('unchanged', preambular('3'), operative('1')), 'Draft 1')).toBe(
      'Paragraph 1 (was preambular paragraph 3 in Draft 1)',
    );
  });

  it('names new, deleted and moved paragraphs', () => {
    expect(rowHeading(row('inserted', null, operative('4')), 'Draft 1')).toBe('New paragraph 4');
    expect(rowHeading(row('inserted', null, preambular('2')), 'Draft 1')).toBe('New preambular paragraph 2');
    expect(rowHeading(row('deleted', operative('7'), null), 'Draft 1')).toBe('Paragraph 7 of Draft 1, deleted');
    expect(rowHeading(row('moved', operative('5'), operative('9')), 'Draft 1')).toBe(
      'Paragraph 9, moved (was 5 in Draft 1)',
    );
    expect(rowTag({ ...row('moved', operative('5'), operative('9')), wordsChanged: true })).toBe('Moved and changed');
    expect(rowTag(row('unchanged', operative('5'), operative('6')))).toBeNull();
  });
});

describe('what became of a proposal, in words', () => {
  const proposal = (outcome: ProposalOutcome['outcome'], settledIn: string | null = null): ProposalOutcome => ({
    id: 'p-mexico',
    delegation: { id: 'd-mex', name: 'Mexico', code: 'MEX' },
    userName: 'Lucía Hernández',
    attribution: 'Mexico',
    inserted: ' firmly',
    deleted: '',
    outcome,
    settledIn: settledIn ? { id: `r-${settledIn}`, name: settledIn } : null,
    decided: null,
  });

  it('says where a proposal was carried, left or decided', () => {
    expect(outcomeInWords(proposal('accepted'), 'Draft 1', 'Draft 2')).toBe('Accepted');
    expect(outcomeInWords(proposal('rejected', 'Draft 2'), 'Draft 1', 'Draft 3')).toBe('Rejected in Draft 2');
    expect(outcomeInWords(proposal('lapsed'), 'Draft 1', 'Draft 2')).toBe(
      'Lapsed: its words went with a decision on another proposal',
    );
    expect(outcomeInWords(proposal('carried_forward'), 'Draft 1', 'Draft 2')).toBe(
      'Carried forward into Draft 2, still pending',
    );
    expect(outcomeInWords(proposal('left_behind'), 'Draft 1', 'Draft 2')).toBe('Left behind: still pending in Draft 1');
  });
});
