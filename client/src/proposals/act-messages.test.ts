import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import {
  actFailure,
  bulkLabel,
  bulkQuestion,
  decisionDone,
  proposalDecided,
  requestScope,
  sectionDone,
  stanceDone,
  statusDone,
  withdrawn,
} from './act-messages.ts';

const mexico = { kind: 'delegation', delegationId: 'd-mex', delegationName: 'Mexico' } as const;
const paragraph12 = { kind: 'paragraph', pid: 'p-12', paragraphLabel: 'Paragraph 12' } as const;

describe('what the panel says of an act', () => {
  it('names bulk decisions by what they cover and asks before taking them', () => {
    expect(bulkLabel('accept', { kind: 'all' })).toBe('Accept all');
    expect(bulkLabel('reject', mexico)).toBe('Reject all of Mexico');
    expect(bulkLabel('accept', paragraph12)).toBe('Accept all in paragraph 12');
    expect(bulkQuestion('accept', 5, mexico)).toBe(
      'Accept all 5 pending proposals of Mexico? The text changes for everyone at once.',
    );
    expect(bulkQuestion('reject', 1, { kind: 'all' })).toBe(
      'Reject the 1 pending proposal? The text changes for everyone at once.',
    );
  });

  it('sends the server the scope the button names', () => {
    expect(requestScope(mexico)).toEqual({ kind: 'delegation', delegationId: 'd-mex' });
    expect(requestScope(paragraph12)).toEqual({ kind: 'paragraph', pid: 'p-12' });
    expect(requestScope({ kind: 'all' })).toEqual({ kind: 'all' });
  });

  it('says what was decided, and which proposals lapsed with it', () => {
    expect(proposalDecided('accept', { proposalIds: ['p1'], lapsed: [] }, 'Mexico')).toBe(
      'Accepted Mexico’s proposal.',
    );
    expect(proposalDecided('reject', { proposalIds: ['p1'], lapsed: ['p2'] }, 'Japan')).toBe(
      'Rejected Japan’s proposal. 1 other proposal lapsed, as the words it marked are gone.',
    );
    expect(proposalDecided('accept', { proposalIds: [], lapsed: [] }, 'Mexico')).toBe(
      'Mexico’s proposal was no longer pending: it was decided or withdrawn first.',
    );
    expect(decisionDone('accept', { proposalIds: ['p1', 'p2', 'p3'], lapsed: ['p4', 'p5'] })).toBe(
      'Accepted 3 proposals. 2 other proposals lapsed, as the words they marked are gone.',
    );
    expect(decisionDone('reject', { proposalIds: [], lapsed: [] })).toBe(
      'No pending proposal was left to reject: someone may have decided them first.',
    );
    expect(withdrawn({ proposalIds: ['p1'], lapsed: [] })).toBe(
      'Your delegation’s proposal is withdrawn; its words have left the text.',
    );
  });

  it('says a stance, a status and a section’s state in the words of the negotiation', () => {
    expect(stanceDone('support', 'Mexico')).toBe('Your delegation supports Mexico’s proposal.');
    expect(stanceDone('oppose', null)).toBe('Your delegation opposes the proposal.');
    expect(stanceDone(null, 'Mexico')).toBe('Your delegation no longer supports or opposes Mexico’s proposal.');
    expect(statusDone('Paragraph 12', 'agreed_ad_ref')).toBe('Paragraph 12 is now marked “Agreed ad ref”.');
    expect(statusDone('This paragraph', 'open')).toBe('This paragraph is open again.');
    expect(sectionDone('B. International cooperation', true)).toBe(
      'B. International cooperation is closed for proposals.',
    );
  });

  it('passes on the server’s own words when an act fails', () => {
    const refused = new ApiRequestError(409, 'paragraph_agreed', 'Paragraph 12 is agreed and takes no new proposals.');

    expect(actFailure(refused)).toBe('Paragraph 12 is agreed and takes no new proposals.');
    expect(actFailure(new TypeError('x is undefined'))).toBe(
      'Zerodraft could not complete that. Try again; if it persists, reload the page.',
    );
  });
});
