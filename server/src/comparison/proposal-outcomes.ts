import type { ProposalOutcome, ProposalOutcomeKind } from '@zerodraft/shared/api/comparison.ts';
import { UNKNOWN_DELEGATION } from '@zerodraft/shared/proposals/compilation.ts';
import { attribution, type ProposalEvent, type ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';

/** The older revision's proposals as its live Y.Doc holds them. */
export interface OlderProposals {
  records: ReadonlyMap<string, ProposalRecord>;
  /** Pending proposals as its text shows them, by id: their words are in the marks until decided. */
  inText: ReadonlyMap<string, { attrs: SuggestionAttrs; inserted: string; deleted: string }>;
}

/** A revision after the older one, up to the newer one (last), with its records. */
export interface LaterRevision {
  revision: { id: string; name: string };
  records: ReadonlyMap<string, ProposalRecord>;
}

type Delegations = ReadonlyMap<string, { name: string; code: string }>;

const SETTLING_ACTS: readonly ProposalEvent['act'][] = ['accepted', 'rejected', 'withdrawn', 'lapsed'];

/** How a decided or withdrawn record was settled, and by whom; null while pending. */
function settlement(record: ProposalRecord): Pick<ProposalOutcome, 'outcome' | 'decided'> | null {
  if (record.status === 'pending') return null;
  const event = record.history.findLast((e) => SETTLING_ACTS.includes(e.act));
  const lapsed = record.status === 'rejected' && record.history.some((e) => e.act === 'lapsed');
  return {
    outcome: lapsed ? 'lapsed' : record.status,
    decided: event ? { userName: event.userName, delegationName: event.delegationName, at: event.at } : null,
  };
}

/**
 * What became of each proposal of the older revision by the newer one (issue 6): decided or
 * withdrawn in the older revision, as its records say; else, being pending when the next
 * revision started, followed from revision to revision as `nextRevisionContent` carries it
 * (same id, its record copied): carried all the way into the newer one, decided in a revision
 * between, or left behind where it was last pending. Records first, in the order they were
 * made; then proposals the text shows without a record yet.
 */
export function proposalOutcomes(
  older: OlderProposals,
  later: readonly LaterRevision[],
  delegations: Delegations,
): ProposalOutcome[] {
  const records = [...older.records.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const unrecorded = [...older.inText.keys()].filter((id) => !older.records.has(id));
  return [
    ...records.map((record) => outcomeOf(record.id, record, older, later, delegations)),
    ...unrecorded.map((id) => outcomeOf(id, null, older, later, delegations)),
  ];
}

function outcomeOf(
  id: string,
  record: ProposalRecord | null,
  older: OlderProposals,
  later: readonly LaterRevision[],
  delegations: Delegations,
): ProposalOutcome {
  let latest = record;
  let settledIn: LaterRevision['revision'] | null = null;
  let settled = record && settlement(record);
  if (!settled) {
    let pendingIn: LaterRevision['revision'] | null = null;
    let outcome: ProposalOutcomeKind = 'carried_forward';
    for (const { revision, records } of later) {
      const there = records.get(id);
      if (!there) {
        outcome = 'left_behind';
        settledIn = pendingIn;
        break;
      }
      latest = there;
      const decided = settlement(there);
      if (decided) {
        settled = decided;
        settledIn = revision;
        break;
      }
      pendingIn = revision;
    }
    settled ??= { outcome, decided: null };
  }

  const words = older.inText.get(id);
  const attrs = words?.attrs;
  const delegationId = latest?.delegationId ?? attrs?.delegation ?? '';
  const known = delegations.get(delegationId);
  const delegationName = latest?.delegationName ?? known?.name ?? UNKNOWN_DELEGATION;
  return {
    id,
    delegation: { id: delegationId, name: delegationName, code: latest?.delegationCode ?? known?.code ?? null },
    userName: latest?.userName ?? null,
    attribution: attribution(latest ?? { delegationName, stances: {} }),
    inserted: latest?.inserted ?? words?.inserted ?? '',
    deleted: latest?.deleted ?? words?.deleted ?? '',
    outcome: settled.outcome,
    settledIn,
    decided: settled.decided,
  };
}
