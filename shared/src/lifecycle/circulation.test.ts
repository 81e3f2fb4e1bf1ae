import { describe, expect, it } from 'vitest';
import {
  acknowledgementRefusal,
  mayAcknowledge,
  mayCirculate,
  maySeeAllAcknowledgements,
  nextRevisionName,
  revisionNameTaken,
} from './circulation.ts';

const as = (role: 'chair' | 'bureau' | 'facilitator' | 'secretariat' | 'delegation' | 'observer', hasPen = false) => ({
  role,
  hasPen,
});

describe('circulating revisions', () => {
  it('is the Chair’s alone, even against a Bureau member holding the pen', () => {
    expect(mayCirculate(as('chair'))).toBe(true);
    expect(mayCirculate(as('bureau', true))).toBe(false);
    expect(mayCirculate(as('secretariat'))).toBe(false);
    expect(mayCirculate(as('delegation'))).toBe(false);
  });

  it('names the next revision after the highest numbered draft, unless that name is taken', () => {
    expect(nextRevisionName(['Zero draft'])).toBe('Draft 1');
    expect(nextRevisionName(['Zero draft', 'Draft 1', 'Draft 2'])).toBe('Draft 3');
    expect(nextRevisionName(['Zero draft', 'Rev.1', 'draft 4'])).toBe('Draft 5');
  });

  it('takes a name as taken whatever its case and spaces', () => {
    expect(revisionNameTaken(' draft 1 ', ['Zero draft', 'Draft 1'])).toBe(true);
    expect(revisionNameTaken('Rev.1', ['Zero draft', 'Draft 1'])).toBe(false);
  });
});

describe('confirming receipt', () => {
  it('is for the delegations, not for the Chair who sends nor the Secretariat who distributes', () => {
    expect(mayAcknowledge(as('delegation'))).toBe(true);
    expect(mayAcknowledge(as('observer'))).toBe(true);
    expect(mayAcknowledge(as('facilitator'))).toBe(true);
    expect(mayAcknowledge(as('chair'))).toBe(false);
    expect(mayAcknowledge(as('secretariat'))).toBe(false);
  });

  it('shows every delegation’s receipt to the Chair and the Secretariat only', () => {
    expect(maySeeAllAcknowledgements(as('chair'))).toBe(true);
    expect(maySeeAllAcknowledgements(as('secretariat'))).toBe(true);
    expect(maySeeAllAcknowledgements(as('bureau', true))).toBe(false);
    expect(maySeeAllAcknowledgements(as('delegation'))).toBe(false);
  });

  it('is for a revision that has gone out and is still current', () => {
    expect(acknowledgementRefusal('circulated')).toBeNull();
    expect(acknowledgementRefusal('under_silence')).toBeNull();
    expect(acknowledgementRefusal('adopted')).toBeNull();
    expect(acknowledgementRefusal('in_preparation')).toBe('This revision has not been circulated yet.');
    expect(acknowledgementRefusal('superseded')).toMatch(/superseded by a later one/);
  });
});
