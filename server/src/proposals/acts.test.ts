import { describe, expect, it } from 'vitest';
import { decide, setStance, withdraw } from './acts.ts';
import { meetingWith } from './test-meeting.ts';
import { deleted, inserted, paragraph, paragraphWords, proposalsShown, words } from './test-text.ts';

describe('acts on proposals, as one change of the revision', () => {
  it("accepts all of a paragraph's proposals in one stored change, with an audit entry each", async () => {
    const m = await meetingWith((who) => [
      paragraph('p-1', words('Expresses '), words('deep ', inserted(who('Mexico', 'mexico-deep'))), words('concern')),
      paragraph(
        'p-2',
        words('Notes '),
        words('the report', deleted(who('Japan', 'japan-report'))),
        words(' today', inserted(who('Japan', 'japan-today'))),
      ),
      paragraph('p-3', words('Decides'), words(' again', inserted(who('Mexico', 'mexico-again')))),
    ]);
    const chair = await m.as('Kenya');
    const before = await m.stored();

    const result = await decide(m.parts, chair, { decision: 'accept', scope: { kind: 'paragraph', pid: 'p-2' } });

    expect(result).toEqual({ proposalIds: ['japan-report', 'japan-today'], lapsed: [] });
    expect(paragraphWords(await m.doc())).toEqual(['Expresses deep concern', 'Notes  today', 'Decides again']);
    expect(proposalsShown(await m.doc()).map((p) => p.id)).toEqual(['mexico-deep', 'mexico-again']);
    expect(await m.stored()).toBe(before + 1);
    // The records were missing (no client update announced them): made from the store's names.
    expect(await m.record('japan-report')).toMatchObject({
      delegationName: 'Japan',
      userName: 'Haruto Sato',
      status: 'accepted',
      deleted: 'the report',
      inserted: null,
    });
    expect(await m.audit()).toEqual([
      'proposal.accept: Proposal by Japan in paragraph 2',
      'proposal.accept: Proposal by Japan in paragraph 2',
    ]);
  });

  it("rejects all of one delegation's proposals, and then all that are left", async () => {
    const m = await meetingWith((who) => [
      paragraph('p-1', words('Expresses '), words('deep ', inserted(who('Mexico', 'mexico-deep'))), words('concern')),
      paragraph('p-2', words('Notes'), words(' today', inserted(who('Japan', 'japan-today')))),
      paragraph('p-3', words('Decides'), words(' again', inserted(who('Mexico', 'mexico-again')))),
    ]);
    const chair = await m.as('Kenya');
    const delegationId = (await m.as('Mexico')).delegation.id;
    const mexicos = await decide(m.parts, chair, { decision: 'reject', scope: { kind: 'delegation', delegationId } });
    expect(mexicos.proposalIds).toEqual(['mexico-deep', 'mexico-again']);
    expect(paragraphWords(await m.doc())).toEqual(['Expresses concern', 'Notes today', 'Decides']);
    const rest = await decide(m.parts, chair, { decision: 'accept', scope: { kind: 'all' } });
    expect(rest.proposalIds).toEqual(['japan-today']);
    expect(proposalsShown(await m.doc())).toEqual([]);
    expect(await decide(m.parts, chair, { decision: 'accept', scope: { kind: 'all' } })).toEqual({
      proposalIds: [],
      lapsed: [],
    });
  });

  it("records Mexico's deletion of a word as rejected when Japan's replacement of the word is accepted", async () => {
    const m = await meetingWith((who) => [
      paragraph(
        'p-1',
        words('Expresses '),
        words('grave', deleted(who('Mexico', 'mexico-grave')), deleted(who('Japan', 'japan-serious'))),
        words('serious', inserted(who('Japan', 'japan-serious'))),
        words(' concern'),
      ),
    ]);
    const result = await decide(m.parts, await m.as('Kenya'), {
      decision: 'accept',
      scope: { kind: 'proposal', proposalId: 'japan-serious' },
    });
    expect(result).toEqual({ proposalIds: ['japan-serious'], lapsed: ['mexico-grave'] });
    expect(paragraphWords(await m.doc())).toEqual(['Expresses serious concern']);
    const lapsed = await m.record('mexico-grave');
    expect(lapsed).toMatchObject({ status: 'rejected', deleted: 'grave' });
    expect(lapsed?.history.at(-1)).toMatchObject({ act: 'lapsed', delegationName: 'Kenya' });
    expect(await m.audit()).toEqual([
      'proposal.reject: Proposal by Mexico in paragraph 1',
      'proposal.accept: Proposal by Japan in paragraph 1',
    ]);
  });

  it("keeps a proposal pending while some of its words remain after another's decision", async () => {
    const m = await meetingWith((who) => [
      paragraph(
        'p-1',
        words('Expresses '),
        words('grave', deleted(who('Mexico', 'mexico-grave')), deleted(who('Japan', 'japan-serious'))),
        words('serious', inserted(who('Japan', 'japan-serious'))),
        words(' concern'),
        words(' deeply', inserted(who('Mexico', 'mexico-grave'))),
      ),
    ]);
    const result = await decide(m.parts, await m.as('Kenya'), {
      decision: 'accept',
      scope: { kind: 'proposal', proposalId: 'japan-serious' },
    });
    expect(result.lapsed).toEqual([]);
    expect(proposalsShown(await m.doc())).toEqual([{ id: 'mexico-grave', inserted: ' deeply', deleted: '' }]);
  });

  it('tells the people of each delegation whose proposals a decision closed, with the change, and nobody of a withdrawal', async () => {
    const m = await meetingWith((who) => [
      paragraph(
        'p-1',
        words('Expresses '),
        words('grave', deleted(who('Mexico', 'mexico-grave')), deleted(who('Japan', 'japan-serious'))),
        words('serious', inserted(who('Japan', 'japan-serious'))),
        words(' concern'),
      ),
      paragraph('p-2', words('Notes'), words(' today', inserted(who('Mexico', 'mexico-today')))),
    ]);
    await withdraw(m.parts, await m.as('Mexico'), 'mexico-today');
    expect(await m.told()).toEqual([]);

    await decide(m.parts, await m.as('Kenya'), {
      decision: 'accept',
      scope: { kind: 'proposal', proposalId: 'japan-serious' },
    });
    const told = await m.told();
    expect(told.map((n) => [n.delegation, n.kind, n.headline, n.detail])).toEqual([
      [
        'Japan',
        'proposals_accepted',
        "Japan's proposal on Draft 1 was accepted",
        { delegation: 'Japan', proposals: ['japan-serious'], lapsed: [] },
      ],
      [
        'Mexico',
        'proposals_rejected',
        "Mexico's proposal on Draft 1 lapsed",
        { delegation: 'Mexico', proposals: ['mexico-grave'], lapsed: ['mexico-grave'] },
      ],
    ]);
    expect(told[1]?.message).toContain('to delete “grave”');
    // Stored with the change, then handed on once committed: the same notifications, once each.
    expect(m.published.map((n) => n.id)).toEqual(told.map((n) => n.id));
  });

  it('takes a withdrawn proposal out of the text and refuses a stance on it after', async () => {
    const m = await meetingWith((who) => [
      paragraph('p-1', words('Expresses '), words('deep ', inserted(who('Mexico', 'mexico-deep'))), words('concern')),
    ]);
    const japan = await m.as('Japan');
    await setStance(m.parts, japan, 'mexico-deep', 'support');
    await expect(withdraw(m.parts, japan, 'mexico-deep')).rejects.toMatchObject({
      status: 403,
      message: 'Only Mexico, which made this proposal, withdraws it.',
    });
    await withdraw(m.parts, await m.as('Mexico'), 'mexico-deep');
    expect(paragraphWords(await m.doc())).toEqual(['Expresses concern']);
    expect(await m.record('mexico-deep')).toMatchObject({ status: 'withdrawn', inserted: 'deep ' });
    await expect(setStance(m.parts, japan, 'mexico-deep', 'oppose')).rejects.toMatchObject({
      status: 409,
      message: 'This proposal was already withdrawn.',
    });
  });
});
