import type { JSONContent } from '@tiptap/core';
import type { ProposalRecord, Stance } from '@zerodraft/shared/proposals/record.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { json } from '@zerodraft/shared/schema/test-editor.ts';

/**
 * A BMS7 revision with proposals for the panel's tests: Mexico replaces "grave" by "serious"
 * in paragraph 1, Japan deletes "all" in paragraph 2 (section B), and Mexico proposes a new
 * paragraph 3 in section B.
 */

export const delegations = {
  mexico: { id: 'd-mex', name: 'Mexico', code: 'MEX' },
  japan: { id: 'd-jpn', name: 'Japan', code: 'JPN' },
  chile: { id: 'd-chl', name: 'Chile', code: 'CHL' },
  kenya: { id: 'd-ken', name: 'Kenya', code: 'KEN' },
};

type Who = keyof typeof delegations;

const marks = {
  mexicoReplaces: { id: 'mexico-grave', delegation: 'd-mex', user: 'u-lucia', time: '2021-07-26T14:00:00.000Z' },
  japanDeletes: { id: 'japan-all-01', delegation: 'd-jpn', user: 'u-kenji', time: '2021-07-26T14:05:00.000Z' },
  mexicoAdds: { id: 'mexico-new-p', delegation: 'd-mex', user: 'u-lucia', time: '2021-07-26T14:10:00.000Z' },
};
export const proposalIds = {
  mexicoReplaces: marks.mexicoReplaces.id,
  japanDeletes: marks.japanDeletes.id,
  mexicoAdds: marks.mexicoAdds.id,
};

const text = (words: string, ...on: { kind: 'insertion' | 'deletion'; attrs: object }[]): JSONContent => ({
  type: 'text',
  text: words,
  ...(on.length ? { marks: on.map(({ kind, attrs }) => ({ type: kind, attrs })) } : {}),
});

export const bms7Json: JSONContent = json.doc(
  json.section(
    's-a',
    'A. Implementation of the Programme of Action',
    json.paragraph('p-recalling', 'preambular', 'Recalling the Programme of Action'),
    {
      type: 'paragraph',
      attrs: { pid: 'p-a-1', kind: 'operative' },
      content: [
        text('Expresses '),
        text('grave', { kind: 'deletion', attrs: marks.mexicoReplaces }),
        text('serious', { kind: 'insertion', attrs: marks.mexicoReplaces }),
        text(' concern at the illicit trade'),
      ],
    },
  ),
  json.section(
    's-b',
    'B. International cooperation and assistance',
    {
      type: 'paragraph',
      attrs: { pid: 'p-b-1', kind: 'operative' },
      content: [
        text('Encourages '),
        text('all ', { kind: 'deletion', attrs: marks.japanDeletes }),
        text('States to strengthen cooperation'),
      ],
    },
    {
      type: 'paragraph',
      attrs: { pid: 'p-b-2', kind: 'operative', insertion: marks.mexicoAdds },
      content: [text('Calls upon States to share information', { kind: 'insertion', attrs: marks.mexicoAdds })],
    },
  ),
);

export const bms7 = () => documentSchema.nodeFromJSON(bms7Json);

/** A record as the server writes it: pending, proposed by `by`, with the stances given. */
export function recordOf(
  id: string,
  by: Who,
  options: { stances?: Partial<Record<Who, Stance>>; rationale?: string; status?: ProposalRecord['status'] } = {},
): ProposalRecord {
  const delegation = delegations[by];
  const stances: ProposalRecord['stances'] = {};
  for (const [who, stance] of Object.entries(options.stances ?? {})) {
    const other = delegations[who as Who];
    stances[other.id] = {
      stance,
      delegationName: other.name,
      userName: `Delegate of ${other.name}`,
      at: '2021-07-26T15:00:00.000Z',
    };
  }
  return {
    id,
    delegationId: delegation.id,
    delegationName: delegation.name,
    delegationCode: delegation.code,
    userId: `u-${by}`,
    userName: `Delegate of ${delegation.name}`,
    createdAt: '2021-07-26T14:00:01.000Z',
    rationale: options.rationale ?? null,
    status: options.status ?? 'pending',
    stances,
    inserted: null,
    deleted: null,
    history: [
      {
        act: 'proposed',
        userName: `Delegate of ${delegation.name}`,
        delegationName: delegation.name,
        at: '2021-07-26T14:00:01.000Z',
      },
    ],
  };
}

/** A record decided by the Chair (Kenya) at `at`, with the words it had then. */
export function decidedRecord(
  id: string,
  by: Who,
  status: 'accepted' | 'rejected' | 'withdrawn',
  at: string,
  words: { inserted?: string; deleted?: string },
): ProposalRecord {
  const record = recordOf(id, by, { status });
  const actor = status === 'withdrawn' ? delegations[by].name : 'Kenya';
  return {
    ...record,
    inserted: words.inserted ?? null,
    deleted: words.deleted ?? null,
    history: [...record.history, { act: status, userName: `Delegate of ${actor}`, delegationName: actor, at }],
  };
}

export const recordsById = (...records: ProposalRecord[]) => new Map(records.map((record) => [record.id, record]));
