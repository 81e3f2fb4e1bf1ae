import { delegationColour } from '@zerodraft/shared/presence.ts';
import type { ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { describe, expect, it } from 'vitest';
import { delegationLooks, delegationStyles } from './delegation-styles.ts';

const record = (delegationId: string, delegationName: string, delegationCode: string): ProposalRecord => ({
  id: `p-${delegationId}-0001`,
  delegationId,
  delegationName,
  delegationCode,
  userId: 'u',
  userName: 'Someone',
  createdAt: '2026-11-25T10:00:00.000Z',
  rationale: null,
  status: 'pending',
  stances: {},
  inserted: null,
  deleted: null,
  history: [],
});

describe('delegation styles', () => {
  it('gives each delegation with proposals its colour and name', () => {
    const looks = delegationLooks([record('d-jpn', 'Japan', 'JPN'), record('d-jpn', 'Japan', 'JPN')], {
      id: 'd-mex',
      look: { name: 'Mexico', colour: delegationColour('MEX') },
    });

    expect(delegationStyles(looks).split('\n')).toEqual([
      `.zd-document [data-delegation="d-mex"] { --zd-delegation-colour: ${delegationColour('MEX')}; --zd-delegation-name: "Mexico"; }`,
      `.zd-document [data-delegation="d-jpn"] { --zd-delegation-colour: ${delegationColour('JPN')}; --zd-delegation-name: "Japan"; }`,
    ]);
  });

  it('keeps names and ids inside their CSS strings, whatever they hold', () => {
    const looks = delegationLooks([record('d-"x"', 'Côte d’Ivoire "\\" </style><b>', 'CIV')], null);

    expect(delegationStyles(looks)).toBe(
      `.zd-document [data-delegation="d-\\"x\\""] { --zd-delegation-colour: ${delegationColour('CIV')}; --zd-delegation-name: "Côte d’Ivoire \\"\\\\\\" \\3c /style>\\3c b>"; }`,
    );
  });

  it('leaves out a colour that is not one of ours', () => {
    expect(delegationStyles(new Map([['d-x', { name: 'X', colour: 'red;}*{display:none' }]]))).toBe('');
  });
});
