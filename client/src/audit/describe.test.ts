import { describe, expect, it } from 'vitest';
import { actionLabel, describeDetail } from './describe.ts';

const newYork = { timeZone: 'America/New_York', place: 'New York' };

describe('the audit log in words', () => {
  it('names the known actions as the page shows them, and others as the server wrote them', () => {
    expect(actionLabel('participant.update')).toBe('Participant changed');
    expect(actionLabel('revision.circulate')).toBe('Revision circulated');
    expect(actionLabel('document.archive')).toBe('document.archive');
    expect(actionLabel('toString')).toBe('toString');
  });

  it('says a role change in the roles’ own names', () => {
    expect(describeDetail({ role: { from: 'delegation', to: 'observer' } }, newYork)).toBe(
      'role: Delegation member → Observer',
    );
  });

  it('says the pen, sections and plain values in words', () => {
    expect(
      describeDetail(
        {
          hasPen: { from: false, to: true },
          sections: { from: [], to: ['s-a', 's-b'] },
          code: 'BRA',
        },
        newYork,
      ),
    ).toBe('pen: no pen → holds the pen; sections: (none) → s-a, s-b; code: BRA');
  });

  it('gives times in the venue’s clock and leaves internal ids out', () => {
    expect(
      describeDetail(
        { invitationId: '08e38b7d', email: 'delegate2@mexico.example', expiresAt: '2021-07-30T16:00:00.000Z' },
        newYork,
      ),
    ).toBe('email: delegate2@mexico.example; expires: Friday 30 July 2021, 12:00 (New York)');
  });
});
