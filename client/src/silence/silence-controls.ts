import type { RevisionState } from '@zerodraft/shared/api/meetings.ts';
import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { mayRunSilence } from '@zerodraft/shared/lifecycle/revision-states.ts';
import { mayBreakSilence } from '@zerodraft/shared/lifecycle/silence.ts';
import type { Standing } from '@zerodraft/shared/roles/permissions.ts';

/** Which acts on the silence procedure the page offers this reader now. */
export interface SilenceControls {
  /** "Place under silence…" */
  start: boolean;
  /** "Break silence…" */
  breakSilence: boolean;
  /** "Withdraw silence procedure" */
  withdraw: boolean;
}

/**
 * From the matrix of DESIGN.md §3 and the procedure's own rules. The server decides each act;
 * the page only leaves out the buttons that could not work. A facilitator is offered the
 * procedure when the Chair appointed them for this document, as the server said.
 */
export function silenceControls({
  standing,
  appointed,
  revisionState,
  current,
  now,
}: {
  standing: Pick<Standing, 'role' | 'hasPen'>;
  /** Whether the reader is a facilitator appointed to run the silence procedure on this document. */
  appointed: boolean;
  revisionState: RevisionState;
  current: SilenceProcedureView | null;
  now: Date;
}): SilenceControls {
  const runs = mayRunSilence(standing, appointed);
  const open = current !== null && current.status === 'running' && now.getTime() < Date.parse(current.deadline);
  return {
    start: runs && revisionState === 'circulated' && current === null,
    breakSilence: open && mayBreakSilence(standing),
    withdraw: open && runs,
  };
}
