import type { ProposalEvent, ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { describe, expect, it } from 'vitest';
import { type LaterRevision, proposalOutcomes } from './proposal-outcomes.ts';

const at = (minute: number) => `2021-07-27T14:${String(minute).padStart(2, '0')}:00.000Z`;
const by = (delegationName: string, userName = `A delegate of ${delegationName}`) => ({ delegationName, userName });

function record(
  id: string,
  delegationName: string,
  minute: number,
  more: Partial<ProposalRecord> = {},
): ProposalRecord {
  return {
    id,
    delegationId: `d-${delegationName.toLowerCase()}`,
    delegationName,
    delegationCode: delegationName.slice(0, 3).toUpperCase(),
    userId: `u-${delegationName.toLowerCase()}`,
    userName: `A delegate of ${delegationName}`,
    createdAt: at(minute),
    rationale: null,
    status: 'pending',
    stances: {},
    inserted: null,
    deleted: null,
    history: [{ act: 'proposed', ...by(delegationName), at: at(minute) }],
    ...more,
  };
}

const settled = (
  base: ProposalRecord,
  status: ProposalRecord['status'],
  act: ProposalEvent['act'],
  who: string,
  minute: number,
  words: { inserted?: string; deleted?: string } = {},
): ProposalRecord => ({
  ...base,
  status,
  inserted: words.inserted ?? null,
  deleted: words.deleted ?? null,
  history: [...base.history, { act, ...by(who), at: at(minute) }],
});

const records = (...list: ProposalRecord[]) => new Map(list.map((r) => [r.id, r]));
const draft = (name: string, ...list: ProposalRecord[]): LaterRevision => ({
  revision: { id: `r-${name}`, name },
  records: records(...list),
});
const noDelegations = new Map<string, { name: string; code: string }>();

describe('what became of the older revision’s proposals', () => {
  const mexico = record('p-mexico', 'Mexico', 1, {
    stances: { 'd-chile': { stance: 'support', delegationName: 'Chile', userName: 'Valentina Rojas', at: at(2) } },
  });
  const japan = record('p-japan', 'Japan', 3);
  const brazil = record('p-brazil', 'Brazil', 4);
  const swiss = record('p-swiss', 'Switzerland', 5);
  const nigeria = record('p-nigeria', 'Nigeria', 6);

  it('reads decisions and withdrawals from the older revision’s records, a lapse as such, in the order proposed', () => {
    const older = {
      records: records(
        settled(swiss, 'withdrawn', 'withdrawn', 'Switzerland', 20, { inserted: 'as appropriate, ' }),
        settled(mexico, 'accepted', 'accepted', 'Kenya', 10, { inserted: ' firmly' }),
        settled(japan, 'rejected', 'rejected', 'Kenya', 11, { deleted: 'grave' }),
        settled(brazil, 'rejected', 'lapsed', 'Kenya', 10, { deleted: 'grave' }),
      ),
      inText: new Map(),
    };
    const outcomes = proposalOutcomes(older, [draft('Draft 2')], noDelegations);
    expect(
      outcomes.map((o) => [o.delegation.name, o.outcome, o.inserted, o.deleted, o.decided?.delegationName]),
    ).toEqual([
      ['Mexico', 'accepted', ' firmly', '', 'Kenya'],
      ['Japan', 'rejected', '', 'grave', 'Kenya'],
      ['Brazil', 'lapsed', '', 'grave', 'Kenya'],
      ['Switzerland', 'withdrawn', 'as appropriate, ', '', 'Switzerland'],
    ]);
    expect(outcomes[0]).toMatchObject({ attribution: 'Mexico; supported by Chile', delegation: { code: 'MEX' } });
  });

  it('follows a pending proposal into the revisions after: carried forward, decided on the way, or left behind', () => {
    const inText = new Map([
      [
        'p-nigeria',
        {
          attrs: { id: 'p-nigeria', delegation: 'd-nigeria', user: 'u', time: at(6) },
          inserted: ' and ammunition',
          deleted: '',
        },
      ],
      [
        'p-japan',
        { attrs: { id: 'p-japan', delegation: 'd-japan', user: 'u', time: at(3) }, inserted: '', deleted: 'grave' },
      ],
      [
        'p-brazil',
        { attrs: { id: 'p-brazil', delegation: 'd-brazil', user: 'u', time: at(4) }, inserted: 'serious', deleted: '' },
      ],
      [
        'p-unrecorded',
        {
          attrs: { id: 'p-unrecorded', delegation: 'd-peru', user: 'u', time: at(9) },
          inserted: ' fully',
          deleted: '',
        },
      ],
    ]);
    const older = { records: records(nigeria, japan, brazil), inText };
    const later = [
      draft('Draft 1', nigeria, settled(japan, 'accepted', 'accepted', 'Kenya', 30, { deleted: 'grave' }), brazil),
      draft('Draft 2', nigeria),
    ];
    const outcomes = proposalOutcomes(older, later, new Map([['d-peru', { name: 'Peru', code: 'PER' }]]));
    expect(
      outcomes.map((o) => [o.delegation.name, o.outcome, o.settledIn?.name ?? null, o.inserted || o.deleted]),
    ).toEqual([
      ['Japan', 'accepted', 'Draft 1', 'grave'],
      ['Brazil', 'left_behind', 'Draft 1', 'serious'],
      ['Nigeria', 'carried_forward', null, ' and ammunition'],
      ['Peru', 'left_behind', null, ' fully'],
    ]);
    expect(outcomes[3]).toMatchObject({
      userName: null,
      delegation: { id: 'd-peru', code: 'PER' },
      attribution: 'Peru',
    });
  });
});
