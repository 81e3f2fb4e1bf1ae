import { proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { describe, expect, it } from 'vitest';
import { clipWords, panelProposals, proposalSentence, sameListing } from './panel-items.ts';
import { bms7, decidedRecord, delegations, proposalIds, recordOf, recordsById } from './testing/bms7.ts';

const { mexico, japan } = delegations;

describe('the proposals the panel lists', () => {
  it('lists pending proposals in the order of the text, with their words, names, rationale and stances', () => {
    const records = recordsById(
      recordOf(proposalIds.mexicoReplaces, 'mexico', {
        rationale: 'Consistent with the 2018 outcome.',
        stances: { japan: 'support', chile: 'oppose', kenya: 'support' },
      }),
      recordOf(proposalIds.japanDeletes, 'japan'),
      recordOf(proposalIds.mexicoAdds, 'mexico'),
    );

    const listed = panelProposals(proposalsInText(bms7()), records, japan);

    expect(listed.map((p) => [p.id, p.deleted, p.inserted])).toEqual([
      [proposalIds.mexicoReplaces, 'grave', 'serious'],
      [proposalIds.japanDeletes, 'all ', ''],
      [proposalIds.mexicoAdds, '', 'Calls upon States to share information'],
    ]);
    expect(listed[0]).toMatchObject({
      status: 'pending',
      delegationName: 'Mexico',
      userName: 'Delegate of Mexico',
      rationale: 'Consistent with the 2018 outcome.',
      supporters: ['Japan', 'Kenya'],
      opponents: ['Chile'],
      ownStance: 'support',
      paragraphs: ['p-a-1'],
      sections: ['s-a'],
    });
    expect(listed[2]).toMatchObject({ newParagraph: true, paragraphs: ['p-b-2'], sections: ['s-b'] });
  });

  it('names the reader’s own new proposal before the server has recorded it, and says so of others’', () => {
    const [own, japans] = panelProposals(proposalsInText(bms7()), new Map(), mexico);

    expect(own).toMatchObject({
      delegationName: 'Mexico',
      delegationCode: 'MEX',
      proposedAt: '2021-07-26T14:00:00.000Z',
    });
    expect(japans?.delegationName).toBeNull();
    expect(japans && proposalSentence(japans)).toBe('Proposed just now; the server is recording it');
  });

  it('lists decided proposals from their records with the words they had, the latest decision first', () => {
    const records = recordsById(
      decidedRecord('chile-early1', 'chile', 'rejected', '2021-07-27T09:00:00.000Z', { deleted: 'firearms' }),
      decidedRecord('japan-later1', 'japan', 'accepted', '2021-07-27T11:00:00.000Z', { inserted: 'light weapons' }),
      decidedRecord('mexico-gone1', 'mexico', 'withdrawn', '2021-07-27T10:00:00.000Z', { inserted: 'tracing' }),
    );

    const listed = panelProposals([], records, japan);

    expect(listed.map((p) => [p.status, p.inserted || p.deleted, p.decidedAt])).toEqual([
      ['accepted', 'light weapons', '2021-07-27T11:00:00.000Z'],
      ['withdrawn', 'tracing', '2021-07-27T10:00:00.000Z'],
      ['rejected', 'firearms', '2021-07-27T09:00:00.000Z'],
    ]);
  });

  it('leaves out a pending record whose words are no longer in the text', () => {
    const listed = panelProposals([], recordsById(recordOf('mexico-typo01', 'mexico')), japan);

    expect(listed).toEqual([]);
  });
});

describe('the panel’s wording', () => {
  it('says "Proposed by Mexico, supported by Japan; opposed by Chile"', () => {
    const proposal = { delegationName: 'Mexico', supporters: ['Japan'], opponents: ['Chile'] };

    expect(proposalSentence(proposal)).toBe('Proposed by Mexico, supported by Japan; opposed by Chile');
    expect(proposalSentence({ ...proposal, opponents: [] })).toBe('Proposed by Mexico, supported by Japan');
    expect(proposalSentence({ ...proposal, supporters: [] })).toBe('Proposed by Mexico; opposed by Chile');
    expect(proposalSentence({ ...proposal, supporters: ['Japan', 'Peru'], opponents: [] })).toBe(
      'Proposed by Mexico, supported by Japan, Peru',
    );
  });

  it('cuts long passages for the list and keeps short ones whole', () => {
    expect(clipWords('  grave  ')).toBe('grave');
    expect(clipWords('a'.repeat(300), 280)).toBe(`${'a'.repeat(280)}…`);
  });

  it('redraws a row only when something it shows has changed', () => {
    const records = recordsById(recordOf(proposalIds.mexicoReplaces, 'mexico'));
    const [before] = panelProposals(proposalsInText(bms7()), records, japan);
    const [same] = panelProposals(proposalsInText(bms7()), records, japan);
    const supported = recordOf(proposalIds.mexicoReplaces, 'mexico', { stances: { japan: 'support' } });
    const [after] = panelProposals(proposalsInText(bms7()), recordsById(supported), japan);

    expect(before && same && sameListing(before, same)).toBe(true);
    expect(before && after && sameListing(before, after)).toBe(false);
  });
});
