import type { Delegation } from '@zerodraft/shared/api/session.ts';
import type { ProposalInText } from '@zerodraft/shared/proposals/in-text.ts';
import type { ProposalRecord, ProposalStatus, Stance } from '@zerodraft/shared/proposals/record.ts';

/** One proposal as the panel lists it: the text's account of it joined with the server's record. */
export interface PanelProposal {
  id: string;
  status: ProposalStatus;
  delegationId: string;
  /** Null for a proposal typed a moment ago whose record the server has not written yet. */
  delegationName: string | null;
  delegationCode: string | null;
  userName: string | null;
  /** The server's time once recorded; the proposer's clock until then. */
  proposedAt: string;
  /** When it was accepted, rejected or withdrawn. */
  decidedAt: string | null;
  inserted: string;
  deleted: string;
  newParagraph: boolean;
  rationale: string | null;
  /** Delegation names, sorted. */
  supporters: string[];
  opponents: string[];
  /** This reader's own delegation's stance on it. */
  ownStance: Stance | null;
  /** The `pid`s of the paragraphs it touches (none known once decided: its marks are gone). */
  paragraphs: string[];
  sections: string[];
}

const DECISIONS = new Set(['accepted', 'rejected', 'withdrawn', 'lapsed']);

const namesTaking = (record: ProposalRecord, stance: Stance) =>
  Object.values(record.stances)
    .filter((s) => s.stance === stance)
    .map((s) => s.delegationName)
    .sort((a, b) => a.localeCompare(b));

function fromRecord(record: ProposalRecord | undefined, ownDelegation: Delegation) {
  if (!record) return { supporters: [], opponents: [], ownStance: null, rationale: null };
  return {
    supporters: namesTaking(record, 'support'),
    opponents: namesTaking(record, 'oppose'),
    ownStance: record.stances[ownDelegation.id]?.stance ?? null,
    rationale: record.rationale,
  };
}

function pending(text: ProposalInText, record: ProposalRecord | undefined, ownDelegation: Delegation): PanelProposal {
  // The reader's own delegation is known before the server has recorded what it just typed.
  const own = text.delegation === ownDelegation.id ? ownDelegation : null;
  return {
    id: text.id,
    status: 'pending',
    delegationId: text.delegation,
    delegationName: record?.delegationName ?? own?.name ?? null,
    delegationCode: record?.delegationCode ?? own?.code ?? null,
    userName: record?.userName ?? null,
    proposedAt: record?.createdAt ?? text.time,
    decidedAt: null,
    inserted: text.inserted,
    deleted: text.deleted,
    newParagraph: text.newParagraph,
    ...fromRecord(record, ownDelegation),
    paragraphs: text.paragraphs.filter((pid): pid is string => pid !== null),
    sections: text.sections,
  };
}

function decided(record: ProposalRecord, ownDelegation: Delegation): PanelProposal {
  const decision = record.history.findLast((event) => DECISIONS.has(event.act));
  return {
    id: record.id,
    status: record.status,
    delegationId: record.delegationId,
    delegationName: record.delegationName,
    delegationCode: record.delegationCode,
    userName: record.userName,
    proposedAt: record.createdAt,
    decidedAt: decision?.at ?? null,
    inserted: record.inserted ?? '',
    deleted: record.deleted ?? '',
    newParagraph: false,
    ...fromRecord(record, ownDelegation),
    paragraphs: [],
    sections: [],
  };
}

/**
 * Every proposal the panel can show: the pending ones as the text has them, in the order they
 * appear in it, then the decided ones from their records, the latest decision first. A pending
 * record whose marks are no longer in the text is left out: the text is the account of what
 * is pending, and the server settles the record.
 */
export function panelProposals(
  inText: readonly ProposalInText[],
  records: ReadonlyMap<string, ProposalRecord>,
  ownDelegation: Delegation,
): PanelProposal[] {
  const shown = inText.map((text) => pending(text, records.get(text.id), ownDelegation));
  const inTextIds = new Set(inText.map((text) => text.id));
  const decidedOnes = [...records.values()]
    .filter((record) => record.status !== 'pending' && !inTextIds.has(record.id))
    .map((record) => decided(record, ownDelegation))
    .sort((a, b) => (b.decidedAt ?? b.proposedAt).localeCompare(a.decidedAt ?? a.proposedAt));
  return [...shown, ...decidedOnes];
}

/** "Proposed by Mexico, supported by Japan; opposed by Chile", as the panel attributes a proposal. */
export function proposalSentence(proposal: Pick<PanelProposal, 'delegationName' | 'supporters' | 'opponents'>): string {
  if (proposal.delegationName === null) return 'Proposed just now; the server is recording it';
  const supported = proposal.supporters.length ? `, supported by ${proposal.supporters.join(', ')}` : '';
  const opposed = proposal.opponents.length ? `; opposed by ${proposal.opponents.join(', ')}` : '';
  return `Proposed by ${proposal.delegationName}${supported}${opposed}`;
}

/** Long passages are cut for the list; the text itself shows them whole. */
export function clipWords(words: string, max = 280): string {
  const trimmed = words.trim();
  if (trimmed.length <= max) return trimmed;
  return `${trimmed.slice(0, max).trimEnd()}…`;
}

/**
 * Whether the panel would show the two alike. Every change to the text makes a new list, in
 * which most proposals are as they were; their rows need not be drawn again.
 */
export function sameListing(a: PanelProposal, b: PanelProposal): boolean {
  return (
    a.id === b.id &&
    a.status === b.status &&
    a.delegationName === b.delegationName &&
    a.delegationCode === b.delegationCode &&
    a.userName === b.userName &&
    a.proposedAt === b.proposedAt &&
    a.decidedAt === b.decidedAt &&
    a.inserted === b.inserted &&
    a.deleted === b.deleted &&
    a.newParagraph === b.newParagraph &&
    a.rationale === b.rationale &&
    a.ownStance === b.ownStance &&
    a.supporters.join('\n') === b.supporters.join('\n') &&
    a.opponents.join('\n') === b.opponents.join('\n') &&
    a.paragraphs.join('\n') === b.paragraphs.join('\n')
  );
}
