import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { formatAt } from '@zerodraft/shared/time/venue-time.ts';

interface VenueClock {
  timeZone: string;
  place: string;
}

/**
 * How an ended silence procedure ended, in one sentence with the venue's time:
 * "Silence was broken by Nigeria on Thursday 29 July 2021, 10:15 (New York)."
 */
export function procedureOutcome(procedure: SilenceProcedureView, venue: VenueClock): string {
  const at = (iso: string) => formatAt(iso, venue.timeZone, venue.place);
  const ended = procedure.endedAt ?? procedure.deadline;
  if (procedure.status === 'adopted') {
    return `Adopted on ${at(ended)}, at the end of a silence procedure with no objection.`;
  }
  if (procedure.status === 'broken') {
    return `Silence was broken by ${procedure.endedBy?.delegation ?? 'a delegation'} on ${at(ended)}.`;
  }
  if (procedure.status === 'withdrawn') {
    const by = procedure.endedBy ? ` by ${procedure.endedBy.name} (${procedure.endedBy.delegation})` : '';
    return `The silence procedure was withdrawn${by} on ${at(ended)}.`;
  }
  return `Under silence procedure until ${procedure.deadlineAtVenue}.`;
}

/** Every objection made to this revision, oldest first, as the record of its silence procedures. */
export function objections(previous: readonly SilenceProcedureView[]): SilenceProcedureView[] {
  return previous
    .filter((p) => p.status === 'broken' && p.objection !== null)
    .sort((a, b) => Date.parse(a.endedAt ?? a.deadline) - Date.parse(b.endedAt ?? b.deadline));
}
