import { describe, expect, it } from 'vitest';
import type { Standing } from './permissions.ts';
import { revisionAccess } from './revision-access.ts';

const as = (role: Standing['role'], hasPen = false): Standing => ({ role, hasPen, sections: [] });

describe('access to a revision', () => {
  it('lets delegations propose on a circulated revision, and observers and the Secretariat only read', () => {
    expect(revisionAccess(as('delegation'), 'circulated')).toEqual({ read: true, write: true, mode: 'propose' });
    expect(revisionAccess(as('chair'), 'circulated')).toEqual({ read: true, write: true, mode: 'pen' });
    expect(revisionAccess(as('observer'), 'circulated')).toMatchObject({ read: true, write: false });
    expect(revisionAccess(as('secretariat'), 'circulated')).toMatchObject({ read: true, write: false });
  });

  it('hides a revision in preparation from all but the pen-holders and the Secretariat', () => {
    expect(revisionAccess(as('delegation'), 'in_preparation')).toMatchObject({ read: false });
    expect(revisionAccess(as('facilitator'), 'in_preparation')).toMatchObject({ read: false });
    expect(revisionAccess(as('bureau', true), 'in_preparation')).toMatchObject({ write: true, mode: 'pen' });
    expect(revisionAccess(as('secretariat'), 'in_preparation')).toMatchObject({ read: true, write: false });
  });

  it('lets nobody change a superseded, silenced or adopted revision, and says why', () => {
    for (const state of ['superseded', 'under_silence', 'adopted'] as const) {
      for (const role of ['chair', 'delegation', 'observer'] as const) {
        const access = revisionAccess(as(role), state);
        expect(access).toMatchObject({ read: true, write: false });
        expect('reason' in access && access.reason).toBeTruthy();
      }
    }
  });
});

describe('access under silence', () => {
  it('names the deadline in the venue’s time when it says why the text cannot change', () => {
    const silence = {
      deadline: '2021-07-30T16:00:00.000Z',
      venue: { timeZone: 'America/New_York', place: 'New York' },
    };
    for (const role of ['chair', 'delegation', 'observer'] as const) {
      expect(revisionAccess(as(role), 'under_silence', silence)).toEqual({
        read: true,
        write: false,
        reason: 'The text is under silence procedure until Friday 30 July 2021, 12:00 (New York).',
      });
    }
  });
});
