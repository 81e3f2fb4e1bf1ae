import {
  PROPOSALS_FIELD,
  type ProposalEvent,
  type ProposalRecord,
  type ProposalStatus,
  type Stance,
} from '@zerodraft/shared/proposals/record.ts';
import type * as Y from 'yjs';
import { type ProposalInDoc, proposalsInDoc } from './in-doc.ts';

/** Who does something to a proposal, as its record and history name them. */
export interface Actor {
  userName: string;
  delegationId: string;
  delegationName: string;
}

/** The names a new record needs, looked up by the ids its marks carry. */
export interface Names {
  delegation(id: string): { name: string; code: string } | undefined;
  user(id: string): string | undefined;
}

/** The revision's proposal records; only the server writes them (proposals/record.ts). */
export const proposalRecords = (doc: Y.Doc): Y.Map<ProposalRecord> => doc.getMap<ProposalRecord>(PROPOSALS_FIELD);

export const findRecord = (doc: Y.Doc, id: string): ProposalRecord | undefined => proposalRecords(doc).get(id);

/** Stores a record; a Y.Map value is replaced whole, so every client gets it as one change. */
export const saveRecord = (doc: Y.Doc, record: ProposalRecord): void => {
  proposalRecords(doc).set(record.id, record);
};

const event = (act: ProposalEvent['act'], by: Pick<Actor, 'userName' | 'delegationName'>, at: string) => ({
  act,
  userName: by.userName,
  delegationName: by.delegationName,
  at,
});

/** A pending record for a proposal first seen in the text; null when its names are not known. */
export function newRecord(proposal: ProposalInDoc, names: Names, at: string): ProposalRecord | null {
  const delegation = names.delegation(proposal.attrs.delegation);
  const userName = names.user(proposal.attrs.user);
  if (!delegation || userName === undefined) return null;
  return {
    id: proposal.id,
    delegationId: proposal.attrs.delegation,
    delegationName: delegation.name,
    delegationCode: delegation.code,
    userId: proposal.attrs.user,
    userName,
    createdAt: at,
    rationale: null,
    status: 'pending',
    stances: {},
    inserted: null,
    deleted: null,
    history: [event('proposed', { userName, delegationName: delegation.name }, at)],
  };
}

/**
 * Gives each of `ids` that is in the text and has no record yet a pending record, at server
 * time `at`. Returns the ids it created records for, and those whose proposer `names` does not
 * know, which stay without one.
 */
export function ensureRecords(
  doc: Y.Doc,
  ids: Iterable<string>,
  names: Names,
  at: string,
  inDoc: Map<string, ProposalInDoc> = proposalsInDoc(doc),
): { created: string[]; unknown: ProposalInDoc[] } {
  const created: string[] = [];
  const unknown: ProposalInDoc[] = [];
  for (const id of ids) {
    const proposal = inDoc.get(id);
    if (!proposal || findRecord(doc, id)) continue;
    const record = newRecord(proposal, names, at);
    if (!record) {
      unknown.push(proposal);
      continue;
    }
    saveRecord(doc, record);
    created.push(id);
  }
  return { created, unknown };
}

/**
 * The record with a delegation's stance set, changed or (null) withdrawn; one stance per
 * delegation, the latest replacing the earlier. Null when nothing would change.
 */
export function withStance(
  record: ProposalRecord,
  by: Actor,
  stance: Stance | null,
  at: string,
): ProposalRecord | null {
  const current = record.stances[by.delegationId]?.stance ?? null;
  if (current === stance) return null;
  const stances = { ...record.stances };
  if (stance === null) delete stances[by.delegationId];
  else stances[by.delegationId] = { stance, delegationName: by.delegationName, userName: by.userName, at };
  return { ...record, stances, history: [...record.history, event(stance ?? 'stance_withdrawn', by, at)] };
}

/** The record with its rationale set or (null) removed; null when nothing would change. */
export function withRationale(
  record: ProposalRecord,
  by: Actor,
  rationale: string | null,
  at: string,
): ProposalRecord | null {
  if (record.rationale === rationale) return null;
  return { ...record, rationale, history: [...record.history, event('rationale', by, at)] };
}

const closingAct = { accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn' } as const;

/**
 * The record of a proposal that was accepted, rejected or withdrawn, with the words it had
 * then: its marks leave the text with the act, so the record keeps them.
 */
export function closedRecord(
  record: ProposalRecord,
  status: Exclude<ProposalStatus, 'pending'>,
  words: { inserted: string; deleted: string } | undefined,
  by: Actor,
  at: string,
  act: ProposalEvent['act'] = closingAct[status],
): ProposalRecord {
  return {
    ...record,
    status,
    inserted: words ? words.inserted || null : record.inserted,
    deleted: words ? words.deleted || null : record.deleted,
    history: [...record.history, event(act, by, at)],
  };
}
