import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import type { ReactNode } from 'react';
import type { Clock } from '../time/format.ts';
import { timeLeft, timeLeftAnnounced } from './countdown.ts';
import { inReaderTime, readerTimeZone, withReaderTime } from './reader-time.ts';

/**
 * "Under silence procedure until Friday 30 July 2021, 12:00 (New York) — 18:00 in your time
 * (Zurich)": the deadline in the words the server uses for its refusals, and in the reader's time.
 */
export function SilenceHeadline({ procedure }: { procedure: SilenceProcedureView }) {
  const reader = inReaderTime(procedure.deadline, procedure.timeZone, readerTimeZone());
  return (
    <p className="zd-silence-headline">
      Under silence procedure until {procedure.deadlineAtVenue}
      {reader && <span className="zd-silence-reader-time"> — {reader}</span>}
    </p>
  );
}

interface Props {
  procedure: SilenceProcedureView;
  now: Date;
  venue: Clock;
  /** The acts this reader may take on the procedure. */
  children?: ReactNode;
}

/**
 * The rest of the lock over a text under silence (DESIGN.md §1): how long is left, who placed
 * it, what it means. The countdown is read on demand (`role="timer"` is not announced); a
 * hidden live region says the time left at most once a minute.
 */
export function SilenceLock({ procedure, now, venue, children }: Props) {
  const left = Date.parse(procedure.deadline) - now.getTime();
  return (
    <>
      <p className="zd-silence-countdown" role="timer" aria-atomic="true">
        {timeLeft(left)}
      </p>
      <p className="zd-visually-hidden" aria-live="polite">
        {timeLeftAnnounced(left)}
      </p>
      <p>
        Placed under silence by {procedure.startedBy.name} ({procedure.startedBy.delegation}) on{' '}
        {withReaderTime(procedure.startedAt, venue, readerTimeZone())}. The text is locked for everyone. Any delegation
        may break silence with a written objection before the deadline; if none does, the text is adopted at the
        deadline.
      </p>
      {children}
    </>
  );
}
