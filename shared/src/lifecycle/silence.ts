import type { RevisionState } from '../api/meetings.ts';
import { permission, type Standing } from '../roles/permissions.ts';
import { formatAt } from '../time/venue-time.ts';
import { revisionTransition } from './revision-states.ts';

/**
 * A silence procedure (DESIGN.md §1): running until its deadline, then ended exactly once —
 * broken by a delegation's written objection or withdrawn, both before the deadline, or adopted
 * at the deadline with no objection. "Before" is to the millisecond of the server's clock:
 * an objection at 11:59:59.999 counts, one at 12:00:00.000 does not.
 */
export type SilenceStatus = 'running' | 'broken' | 'withdrawn' | 'adopted';

/** Who acted, as the procedure shows it to everyone. */
export interface SilenceActor {
  userId: string;
  userName: string;
  delegationId: string;
  delegationName: string;
}

export interface SilenceProcedure {
  id: string;
  revisionId: string;
  status: SilenceStatus;
  /** ISO 8601, UTC: the instant the procedure ends. */
  deadline: string;
  /** The IANA zone the deadline was given in: the venue's, unless the Chair named another. */
  timeZone: string;
  startedAt: string;
  startedBy: SilenceActor;
  /** When it was broken or withdrawn; for an adoption, the deadline itself. */
  endedAt: string | null;
  /** Who broke or withdrew it; null while running and for an adoption. */
  endedBy: SilenceActor | null;
  /** The objection that broke it, word for word. */
  objection: string | null;
}

/**
 * How long before its deadline a silence must start, unless the meeting sets otherwise. A day
 * is the shortest notice a capital can act on: instructions must reach it and come back across
 * time zones, and UN practice rarely gives less (a silence is often 72 hours).
 */
export const DEFAULT_SILENCE_NOTICE_HOURS = 24;

/** The longest minimum notice a meeting may set: 30 days, longer than any silence procedure runs. */
export const MAX_SILENCE_NOTICE_HOURS = 720;

/** "24 hours' notice", "1 hour's notice", as the refusal and the form say it. */
export function noticeInWords(hours: number): string {
  return hours === 1 ? "1 hour's notice" : `${hours} hours' notice`;
}

/** Longest objection accepted, in characters: a statement of a page or two. */
export const MAX_OBJECTION_CHARS = 5000;

/** The venue's clock, named after the venue ("New York"), for deadlines as people read them. */
export interface VenueClock {
  timeZone: string;
  place: string;
}

/**
 * The clock a deadline given in `timeZone` is read on: the venue's, named after the venue, or
 * another zone the Chair named, called after its city ("Europe/Zurich" → "Zurich").
 */
export function deadlineClock(timeZone: string, meeting: { timeZone: string; venue: string }): VenueClock {
  if (timeZone === meeting.timeZone) return { timeZone, place: meeting.venue };
  return { timeZone, place: (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ') };
}

export type SilenceStep = { ok: true; procedure: SilenceProcedure } | { ok: false; reason: string };

const HOUR_MS = 60 * 60 * 1000;

/** "Friday 30 July 2021, 12:00 (New York)" */
export function deadlineInWords(deadline: string, venue: VenueClock): string {
  return formatAt(deadline, venue.timeZone, venue.place);
}

/** Why a text under silence cannot change, naming the deadline. */
export function underSilenceReason(deadline: string, venue: VenueClock): string {
  return `The text is under silence procedure until ${deadlineInWords(deadline, venue)}.`;
}

const MINUTE_MS = 60 * 1000;

/**
 * The earliest deadline a silence procedure started at `now` may have, as people give one: to
 * the minute, rounded up, so that the time named is one the procedure takes.
 */
export function earliestDeadline(now: Date, noticeHours: number): Date {
  return new Date(Math.ceil((now.getTime() + noticeHours * HOUR_MS) / MINUTE_MS) * MINUTE_MS);
}

/** Why this deadline cannot be set at `now`, or null when it can. */
export function deadlineRefusal(deadline: string, now: Date, noticeHours: number, venue: VenueClock): string | null {
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return 'The deadline is not a date and time.';
  if (at <= now.getTime()) {
    return `The deadline ${deadlineInWords(deadline, venue)} has already passed. Choose a later one.`;
  }
  if (at < now.getTime() + noticeHours * HOUR_MS) {
    const earliest = earliestDeadline(now, noticeHours).toISOString();
    return `A silence procedure in this meeting needs at least ${noticeInWords(noticeHours)}: choose a deadline at or after ${deadlineInWords(earliest, venue)}.`;
  }
  return null;
}

/** Places a circulated revision under silence until `deadline`. */
export function startSilence(input: {
  id: string;
  revisionId: string;
  revisionState: RevisionState;
  deadline: string;
  timeZone: string;
  by: SilenceActor;
  now: Date;
  noticeHours: number;
  venue: VenueClock;
}): SilenceStep {
  const transition = revisionTransition(input.revisionState, 'startSilence');
  if (!transition.ok) return transition;
  const refusal = deadlineRefusal(input.deadline, input.now, input.noticeHours, input.venue);
  if (refusal) return { ok: false, reason: refusal };
  return {
    ok: true,
    procedure: {
      id: input.id,
      revisionId: input.revisionId,
      status: 'running',
      deadline: new Date(input.deadline).toISOString(),
      timeZone: input.timeZone,
      startedAt: input.now.toISOString(),
      startedBy: input.by,
      endedAt: null,
      endedBy: null,
      objection: null,
    },
  };
}

/** Why a running procedure can no longer be ended by a person at `now`, or null while it can. */
function endedOrRunOut(procedure: SilenceProcedure, now: Date, venue: VenueClock): string | null {
  if (procedure.status !== 'running') return `This silence procedure has already ended: it was ${procedure.status}.`;
  if (now.getTime() >= Date.parse(procedure.deadline)) {
    return `The silence procedure ended at ${deadlineInWords(procedure.deadline, venue)}, with no objection before it: the text is adopted.`;
  }
  return null;
}

/** A delegation breaks silence, before the deadline, with a written objection. */
export function breakSilence(
  procedure: SilenceProcedure,
  input: { by: SilenceActor; objection: string; now: Date; venue: VenueClock },
): SilenceStep {
  const objection = input.objection.trim();
  if (objection === '') return { ok: false, reason: 'Silence is broken in writing: give the objection.' };
  if (objection.length > MAX_OBJECTION_CHARS) {
    return { ok: false, reason: `The objection is longer than ${MAX_OBJECTION_CHARS} characters.` };
  }
  const refusal = endedOrRunOut(procedure, input.now, input.venue);
  if (refusal) return { ok: false, reason: refusal };
  return {
    ok: true,
    procedure: { ...procedure, status: 'broken', endedAt: input.now.toISOString(), endedBy: input.by, objection },
  };
}

/** The Chair (or the facilitator running it) ends the procedure before the deadline. */
export function withdrawSilence(
  procedure: SilenceProcedure,
  input: { by: SilenceActor; now: Date; venue: VenueClock },
): SilenceStep {
  const refusal = endedOrRunOut(procedure, input.now, input.venue);
  if (refusal) return { ok: false, reason: refusal };
  return {
    ok: true,
    procedure: { ...procedure, status: 'withdrawn', endedAt: input.now.toISOString(), endedBy: input.by },
  };
}

/** At or after the deadline, with no objection: adopted, as of the deadline itself. */
export function adoptSilence(procedure: SilenceProcedure, now: Date): SilenceStep {
  if (procedure.status !== 'running') {
    return { ok: false, reason: `This silence procedure has already ended: it was ${procedure.status}.` };
  }
  if (now.getTime() < Date.parse(procedure.deadline)) {
    return { ok: false, reason: 'The deadline has not passed yet.' };
  }
  return { ok: true, procedure: { ...procedure, status: 'adopted', endedAt: procedure.deadline } };
}

/** Any delegation may break silence; the Chair, the Secretariat, facilitators and observers may not. */
export function mayBreakSilence(standing: Pick<Standing, 'role' | 'hasPen'>): boolean {
  return permission(standing, 'breakSilence') === 'yes';
}
