import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { attribution } from '@zerodraft/shared/proposals/record.ts';
import { describe, expect, it } from 'vitest';
import { NameBook } from './names.ts';
import { closedRecord, ensureRecords, findRecord, withRationale, withStance } from './records.ts';
import { inserted, japan, mexico, paragraph, revisionText, words } from './test-text.ts';

const at = '2026-11-25T10:05:00.000Z';
const names = () =>
  new NameBook().knowDelegation('d-mex', { name: 'Mexico', code: 'MEX' }).knowUser('u-lucia', 'Lucía Hernández');

const chile = { userName: 'Pablo Soto', delegationId: 'd-chl', delegationName: 'Chile' };
const peru = { userName: 'Rosa Quispe', delegationId: 'd-per', delegationName: 'Peru' };

function pendingRecord(): ProposalRecord {
  const doc = revisionText(paragraph('p-1', words('Expresses '), words('deep ', inserted(mexico)), words('concern')));
  ensureRecords(doc, [mexico.id], names(), at);
  const record = findRecord(doc, mexico.id);
  if (!record) throw new Error('No record made');
  return record;
}

describe('proposal records', () => {
  it('makes a pending record with the names and server time for a proposal new in the text', () => {
    const doc = revisionText(paragraph('p-1', words('Expresses '), words('deep ', inserted(mexico)), words('concern')));
    expect(ensureRecords(doc, [mexico.id, 'prop-not-in-text'], names(), at)).toEqual({
      created: [mexico.id],
      unknown: [],
    });
    expect(findRecord(doc, mexico.id)).toEqual({
      id: mexico.id,
      delegationId: 'd-mex',
      delegationName: 'Mexico',
      delegationCode: 'MEX',
      userId: 'u-lucia',
      userName: 'Lucía Hernández',
      createdAt: at,
      rationale: null,
      status: 'pending',
      stances: {},
      inserted: null,
      deleted: null,
      history: [{ act: 'proposed', userName: 'Lucía Hernández', delegationName: 'Mexico', at }],
    });
    // A second time changes nothing: the first record and its time stay.
    expect(ensureRecords(doc, [mexico.id], names(), '2026-11-25T11:00:00.000Z').created).toEqual([]);
    expect(findRecord(doc, mexico.id)?.createdAt).toBe(at);
  });

  it('leaves a proposal whose proposer it cannot name without a record', () => {
    const doc = revisionText(paragraph('p-1', words('Now', inserted(japan))));
    const { created, unknown } = ensureRecords(doc, [japan.id], names(), at);
    expect(created).toEqual([]);
    expect(unknown.map((p) => p.id)).toEqual([japan.id]);
    expect(findRecord(doc, japan.id)).toBeUndefined();
  });

  it('keeps one stance per delegation, changeable and removable', () => {
    let record = pendingRecord();
    record = withStance(record, chile, 'support', at) ?? record;
    record = withStance(record, peru, 'support', at) ?? record;
    expect(attribution(record)).toBe('Mexico; supported by Chile, Peru');
    expect(withStance(record, chile, 'support', at)).toBeNull();
    record = withStance(record, chile, 'oppose', at) ?? record;
    expect(attribution(record)).toBe('Mexico; supported by Peru; opposed by Chile');
    record = withStance(record, peru, null, at) ?? record;
    expect(attribution(record)).toBe('Mexico; opposed by Chile');
    expect(record.history.map((e) => `${e.act} ${e.delegationName}`)).toEqual([
      'proposed Mexico',
      'support Chile',
      'support Peru',
      'oppose Chile',
      'stance_withdrawn Peru',
    ]);
  });

  it('sets and removes a rationale', () => {
    const by = { userName: 'Lucía Hernández', delegationId: 'd-mex', delegationName: 'Mexico' };
    const given = withRationale(pendingRecord(), by, 'Consistency with A/RES/75/241', at);
    expect(given?.rationale).toBe('Consistency with A/RES/75/241');
    expect(given && withRationale(given, by, 'Consistency with A/RES/75/241', at)).toBeNull();
    expect(given && withRationale(given, by, null, at)?.rationale).toBeNull();
  });

  it('keeps the words a proposal had when it is closed', () => {
    const chair = { userName: 'Amina Wanjiru', delegationId: 'd-ken', delegationName: 'Kenya' };
    const closed = closedRecord(pendingRecord(), 'accepted', { inserted: 'deep ', deleted: '' }, chair, at);
    expect(closed).toMatchObject({ status: 'accepted', inserted: 'deep ', deleted: null });
    expect(closed.history.at(-1)).toEqual({ act: 'accepted', userName: 'Amina Wanjiru', delegationName: 'Kenya', at });
  });
});
