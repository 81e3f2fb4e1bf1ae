import { z } from 'zod';
import { MAX_OBJECTION_CHARS } from '../lifecycle/silence.ts';
import { isTimeZone } from './meetings.ts';

/**
 * `POST /api/revisions/:revisionId/silence`: the deadline as the Chair gives it, a day and a
 * time on the clocks of the venue (or of the zone named), e.g. 30 July 2021, 12:00, New York.
 */
export const StartSilenceRequest = z.strictObject({
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day such as 12:00.'),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'Not an IANA time zone, such as America/New_York or Europe/Zurich.')
    .optional(),
});
export type StartSilenceRequest = z.infer<typeof StartSilenceRequest>;

/** `POST /api/revisions/:revisionId/silence/break` */
export const BreakSilenceRequest = z.strictObject({
  objection: z
    .string()
    .trim()
    .min(1, 'Silence is broken in writing: give the objection.')
    .max(MAX_OBJECTION_CHARS, `An objection is at most ${MAX_OBJECTION_CHARS} characters.`),
});
export type BreakSilenceRequest = z.infer<typeof BreakSilenceRequest>;

const Actor = z.object({ name: z.string(), delegation: z.string() });

/** A silence procedure as everyone sees it, the objection included (DESIGN.md §1). */
export const SilenceProcedureView = z.object({
  id: z.string(),
  revisionId: z.string(),
  status: z.enum(['running', 'broken', 'withdrawn', 'adopted']),
  /** ISO 8601, UTC. */
  deadline: z.string(),
  timeZone: z.string(),
  /** "Friday 30 July 2021, 12:00 (New York)" */
  deadlineAtVenue: z.string(),
  startedAt: z.string(),
  startedBy: Actor,
  endedAt: z.string().nullable(),
  endedBy: Actor.nullable(),
  objection: z.string().nullable(),
});
export type SilenceProcedureView = z.infer<typeof SilenceProcedureView>;

/** The answer to every act on a silence procedure: the procedure as it now stands. */
export const SilenceSaved = z.object({ procedure: SilenceProcedureView });
export type SilenceSaved = z.infer<typeof SilenceSaved>;

/** `GET /api/revisions/:revisionId/silence`: the running procedure, if any, and the ended ones, newest first. */
export const SilenceList = z.object({
  current: SilenceProcedureView.nullable(),
  previous: z.array(SilenceProcedureView),
});
export type SilenceList = z.infer<typeof SilenceList>;
