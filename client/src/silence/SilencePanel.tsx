import type { Meeting, RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRevalidator } from 'react-router';
import { withdrawSilence } from '../api/silence.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { ConfirmButton } from '../proposals/ConfirmButton.tsx';
import { useAct } from '../proposals/use-act.ts';
import { venueClock } from '../time/format.ts';
import { BreakSilenceDialog } from './BreakSilenceDialog.tsx';
import { ObjectionList } from './ObjectionList.tsx';
import { objections, procedureOutcome } from './outcome.ts';
import { SilenceHeadline, SilenceLock } from './SilenceLock.tsx';
import { StartSilenceForm } from './StartSilenceForm.tsx';
import { silenceControls } from './silence-controls.ts';
import { useNowUntil } from './use-now-until.ts';
import { useSilence } from './use-silence.ts';
import './silence.css';

interface Props {
  meeting: Meeting;
  revision: RevisionSummary;
  participation: Participation;
  /** Whether the reader is a facilitator appointed to run the silence procedure on this document. */
  appointed: boolean;
}

/** How often to ask again, once the deadline has passed, until the server has recorded the adoption. */
const AFTER_DEADLINE_POLL_MS = 2000;

/**
 * The silence procedure of a revision (DESIGN.md §1), above its text: the lock and countdown
 * while it runs, how the last one ended, the objections, and the acts this reader may take.
 */
export function SilencePanel({ meeting, revision, participation, appointed }: Props) {
  const { revalidate } = useRevalidator();
  const { list, error, refresh } = useSilence(revision);
  const current = list?.current ?? null;
  const now = useNowUntil(current?.deadline ?? null);
  const venue = venueClock(meeting);
  const controls = silenceControls({
    standing: participation,
    appointed,
    revisionState: revision.state,
    current,
    now,
  });
  const [said, setSaid] = useState<{ message: string; state: string } | null>(null);
  const saidRef = useRef<HTMLParagraphElement>(null);

  // What this reader's own act did, said for as long as the procedure stands as it left it.
  const acted = useCallback(
    (message: string, procedure: SilenceProcedureView) => {
      setSaid({ message, state: stateOf(procedure) });
      refresh();
    },
    [refresh],
  );
  const last = list?.previous[0] ?? null;
  const standing = current ?? last;
  const standingState = standing ? stateOf(standing) : 'none';
  const sayNow = said && said.state === standingState ? said.message : null;
  // The button that started the act is gone by now: focus goes to what happened.
  useEffect(() => {
    if (sayNow) saidRef.current?.focus();
  }, [sayNow]);

  // The page's header shows the revision's state from the route's loader, which the editor
  // reloads when the server's Access message changes. Should the procedure read here say
  // otherwise (an act of one's own, a deadline passed), load it again, once for each change.
  const headerBehind = list !== null && (current !== null) !== (revision.state === 'under_silence');
  useEffect(() => {
    if (headerBehind && standingState) void revalidate();
  }, [headerBehind, standingState, revalidate]);

  // At the deadline the server adopts the text: ask it, until it has.
  const passed = current !== null && now.getTime() >= Date.parse(current.deadline);
  const runningId = current?.id;
  useEffect(() => {
    if (!passed || runningId === undefined) return;
    refresh();
    const timer = setInterval(refresh, AFTER_DEADLINE_POLL_MS);
    return () => clearInterval(timer);
  }, [passed, runningId, refresh]);

  const withdrawn = useRef<SilenceProcedureView | null>(null);
  const withdraw = useAct((message) => withdrawn.current && acted(message, withdrawn.current));
  const broken = objections(list?.previous ?? []);

  const shown = current !== null || last !== null || controls.start || error !== null;
  return (
    <section
      className="zd-silence"
      data-silence={current ? 'running' : (last?.status ?? 'none')}
      aria-label={shown ? 'Silence procedure' : undefined}
    >
      {/* Always in the page, so that a procedure started or ended elsewhere is said aloud. */}
      <div className="zd-silence-state" aria-live="polite">
        {current ? (
          <SilenceHeadline procedure={current} />
        ) : (
          last && <Outcome procedure={last} revision={revision} venue={venue} />
        )}
      </div>
      {current && (
        <SilenceLock procedure={current} now={now} venue={venue}>
          {passed && <p className="zd-hint">The deadline has passed. Waiting for the server to record the outcome…</p>}
          {(controls.breakSilence || controls.withdraw) && (
            <div className="zd-silence-acts">
              {controls.breakSilence && (
                <BreakSilenceDialog
                  revisionId={revision.id}
                  delegationName={participation.delegation.name}
                  deadlineAtVenue={current.deadlineAtVenue}
                  onBroken={acted}
                />
              )}
              {controls.withdraw && (
                <ConfirmButton
                  label="Withdraw silence procedure"
                  question="Withdraw the silence procedure? The text opens again for proposals, and everyone is told at once."
                  confirmLabel="Withdraw it"
                  danger
                  busy={withdraw.running !== null}
                  onConfirm={() =>
                    void withdraw.run('Withdrawing the silence procedure…', async () => {
                      withdrawn.current = (await withdrawSilence(revision.id)).procedure;
                      return 'The silence procedure is withdrawn. The text is open again.';
                    })
                  }
                />
              )}
            </div>
          )}
          <ActStatus act={withdraw} />
        </SilenceLock>
      )}
      {sayNow && (
        <p ref={saidRef} className="zd-success" role="status" tabIndex={-1}>
          {sayNow}
        </p>
      )}
      {error && (
        <p className="zd-act-error" role="alert">
          {error}
        </p>
      )}
      {controls.start && <StartSilenceForm revisionId={revision.id} meeting={meeting} onStarted={acted} />}
      <ObjectionList broken={broken} venue={venue} />
    </section>
  );
}

/** A procedure's id and how it stands: a message about it holds until either changes. */
const stateOf = (procedure: SilenceProcedureView) => `${procedure.id}:${procedure.status}`;

/** How the last procedure left the text: adopted and final, or open again. */
function Outcome({
  procedure,
  revision,
  venue,
}: {
  procedure: SilenceProcedureView;
  revision: RevisionSummary;
  venue: { timeZone: string; place: string };
}) {
  const outcome = procedureOutcome(procedure, venue);
  if (procedure.status === 'adopted') {
    return (
      <p className="zd-silence-outcome" data-outcome="adopted">
        <strong>{outcome}</strong> The text is final and can no longer change.
      </p>
    );
  }
  return (
    <p className="zd-silence-outcome" data-outcome={procedure.status}>
      {outcome}
      {revision.state === 'circulated' && ' The text is open again for proposals.'}
    </p>
  );
}
