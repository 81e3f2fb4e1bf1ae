import type { ProposalActResult } from '@zerodraft/shared/api/proposals.ts';
import type { RevisionStanding } from '../authz/standing.ts';
import type { RevisionRecord, SilenceRecord } from '../store/store.ts';

/*
 * The points where an act, once committed, is told to the participants (notifier.ts). Each is
 * called after the act's transaction and resolves without ever rejecting: a notification that
 * cannot be made is logged, and the act stands.
 */

export interface CirculationNotices {
  /** `revision` as it was just circulated, with its circulation. */
  revisionCirculated(s: RevisionStanding, revision: RevisionRecord): Promise<void>;
}

export interface SilenceNotices {
  /** A procedure just started (`running`), broken, withdrawn or adopted, as its status says. */
  silenceChanged(procedure: SilenceRecord): Promise<void>;
}

export interface ProposalNotices {
  /** Proposals an act just closed: decided, withdrawn, or lapsed with them. */
  proposalsClosed(s: RevisionStanding, result: ProposalActResult): Promise<void>;
}
