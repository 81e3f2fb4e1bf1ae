import type { Role } from '@zerodraft/shared/roles/permissions.ts';
import { describe, expect, it } from 'vitest';
import { actsOn, mayDecide, mayManageSection, type Participant } from './acts.ts';

const mexicosProposal = { status: 'pending' as const, delegationId: 'd-mex' };

const participant = (role: Role, delegationId: string, more: Partial<Participant> = {}): Participant => ({
  role,
  hasPen: false,
  sections: [],
  delegation: { id: delegationId },
  ...more,
});

const mexicanDelegate = participant('delegation', 'd-mex');
const japaneseDelegate = participant('delegation', 'd-jpn');
const chair = participant('chair', 'd-ken');
const bureauWithPen = participant('bureau', 'd-che', { hasPen: true });
const bureauWithoutPen = participant('bureau', 'd-bra');
const facilitator = participant('facilitator', 'd-nga', { sections: ['s-b'] });
const secretariat = participant('secretariat', 'd-unoda');
const observer = participant('observer', 'd-icrc');

describe('the acts the panel offers on a proposal', () => {
  it('lets the proposing delegation withdraw it and give its rationale, not support it', () => {
    expect(actsOn(mexicosProposal, mexicanDelegate, true)).toEqual({
      withdraw: true,
      rationale: true,
      stance: false,
      decide: false,
    });
  });

  it('lets another delegation support or oppose it, and nothing else', () => {
    expect(actsOn(mexicosProposal, japaneseDelegate, true)).toEqual({
      withdraw: false,
      rationale: false,
      stance: true,
      decide: false,
    });
  });

  it('lets a Bureau member without the pen take part as a delegation', () => {
    expect(actsOn(mexicosProposal, bureauWithoutPen, true)).toMatchObject({ stance: true, decide: false });
  });

  it('lets the Chair and a Bureau member with the pen accept or reject, not support or oppose', () => {
    for (const penHolder of [chair, bureauWithPen]) {
      expect(actsOn(mexicosProposal, penHolder, true)).toEqual({
        withdraw: false,
        rationale: false,
        stance: false,
        decide: true,
      });
      expect(mayDecide(penHolder, true)).toBe(true);
    }
    expect(actsOn({ ...mexicosProposal, delegationId: 'd-ken' }, chair, true)).toMatchObject({ withdraw: true });
  });

  it('offers the Secretariat, observers and facilitators on others’ proposals nothing', () => {
    for (const reader of [secretariat, observer, facilitator]) {
      expect(actsOn(mexicosProposal, reader, true)).toEqual({
        withdraw: false,
        rationale: false,
        stance: false,
        decide: false,
      });
      expect(mayDecide(reader, true)).toBe(false);
    }
  });

  it('offers nothing on a decided proposal or while the text cannot change', () => {
    const none = { withdraw: false, rationale: false, stance: false, decide: false };
    expect(actsOn({ ...mexicosProposal, status: 'accepted' }, chair, true)).toEqual(none);
    expect(actsOn({ ...mexicosProposal, status: 'withdrawn' }, mexicanDelegate, true)).toEqual(none);
    expect(actsOn(mexicosProposal, japaneseDelegate, false)).toEqual(none);
    expect(mayDecide(chair, false)).toBe(false);
  });
});

describe('who sets paragraph status and opens or closes a section', () => {
  it('is the Chair or a Bureau member with the pen for every section', () => {
    expect(mayManageSection(chair, 's-a', true)).toBe(true);
    expect(mayManageSection(bureauWithPen, 's-a', true)).toBe(true);
  });

  it('is a facilitator for their own sections only', () => {
    expect(mayManageSection(facilitator, 's-b', true)).toBe(true);
    expect(mayManageSection(facilitator, 's-a', true)).toBe(false);
  });

  it('is nobody else, and nobody while the text cannot change', () => {
    for (const reader of [mexicanDelegate, bureauWithoutPen, secretariat, observer]) {
      expect(mayManageSection(reader, 's-b', true)).toBe(false);
    }
    expect(mayManageSection(chair, 's-a', false)).toBe(false);
    expect(mayManageSection(chair, null, true)).toBe(false);
  });
});
