import { z } from 'zod';
import { findState } from '../countries/states.ts';
import { MAX_SILENCE_NOTICE_HOURS } from '../lifecycle/silence.ts';
import { Delegation, Participation } from './session.ts';

export const RevisionState = z.enum(['in_preparation', 'circulated', 'superseded', 'under_silence', 'adopted']);
export type RevisionState = z.infer<typeof RevisionState>;

/** A calendar day, `YYYY-MM-DD`, in the venue's time zone. */
export const Day = z.iso.date();

const NOTICE_RANGE = `The minimum notice for a silence procedure is a whole number of hours, from 0 to ${MAX_SILENCE_NOTICE_HOURS} (30 days).`;

/** How many hours before its deadline a silence procedure must start, as the Chair sets it. */
export const SilenceNoticeHours = z
  .number({ error: NOTICE_RANGE })
  .int(NOTICE_RANGE)
  .min(0, NOTICE_RANGE)
  .max(MAX_SILENCE_NOTICE_HOURS, NOTICE_RANGE);

export const Meeting = z.object({
  id: z.string(),
  title: z.string(),
  /** Document symbol prefix, e.g. `A/CONF.192/BMS/2021`. */
  symbol: z.string(),
  venue: z.string(),
  /** IANA time zone of the venue, e.g. `America/New_York`. */
  timeZone: z.string(),
  /** First and last day, when known. */
  startsOn: Day.nullable(),
  endsOn: Day.nullable(),
  /** A silence procedure's deadline must be at least this many hours after it starts. */
  silenceNoticeHours: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

/** Whether the runtime knows this IANA zone; offsets such as `+02:00` are not a venue's zone. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const MeetingFields = z.object({
  title: text(300),
  symbol: text(100),
  venue: text(200),
  timeZone: z.string().max(64).refine(isTimeZone, 'Not an IANA time zone, such as America/New_York or Europe/Zurich.'),
  startsOn: Day.nullable(),
  endsOn: Day.nullable(),
  silenceNoticeHours: SilenceNoticeHours,
});

const datesInOrder = (m: { startsOn?: string | null; endsOn?: string | null }) =>
  !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn;
const DATES_IN_ORDER = { message: 'The meeting cannot end before it starts.', path: ['endsOn'] };

export const StateCode = z
  .string()
  .length(3)
  .refine((code) => findState(code) !== undefined, 'Not a Member or Observer State of the United Nations.');

export const Organisation = z.object({
  name: text(200),
  /** Stands as the delegation's code, e.g. `UNODA`, `ICRC`. */
  acronym: text(20).regex(/^[\p{L}\p{N}][\p{L}\p{N} .&'-]*$/u, 'Letters and digits, e.g. UNODA.'),
  kind: z.enum(['igo', 'ngo']),
});
export type Organisation = z.infer<typeof Organisation>;

/** A delegation picked from the list of States, or an organisation named by hand. */
export const DelegationChoice = z.union([
  z.strictObject({ stateCode: StateCode }),
  z.strictObject({ organisation: Organisation }),
]);
export type DelegationChoice = z.infer<typeof DelegationChoice>;

/** `POST /api/meetings`: the creator becomes its Secretariat, in the delegation they name. */
export const CreateMeetingRequest = MeetingFields.extend({
  startsOn: Day.nullish(),
  endsOn: Day.nullish(),
  /** 24 when not given. */
  silenceNoticeHours: SilenceNoticeHours.optional(),
  delegation: DelegationChoice,
}).refine(datesInOrder, DATES_IN_ORDER);
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/** `PATCH /api/meetings/:meetingId`: only the fields given change. */
export const UpdateMeetingRequest = MeetingFields.partial()
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'Name at least one field to change.')
  .refine(datesInOrder, DATES_IN_ORDER);
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/** `POST /api/meetings/:meetingId/delegations` */
export const AddDelegationRequest = DelegationChoice;
export type AddDelegationRequest = z.infer<typeof AddDelegationRequest>;

export const RevisionSummary = z.object({
  id: z.string(),
  documentId: z.string(),
  /** "Zero draft", "Draft 1", "Rev.1" … */
  name: z.string(),
  state: RevisionState,
  createdAt: z.string(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const DocumentSummary = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  revisions: z.array(RevisionSummary),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** The answer to `POST /api/meetings` (201) and `PATCH /api/meetings/:meetingId`. */
export const MeetingSaved = z.object({ meeting: Meeting });
export type MeetingSaved = z.infer<typeof MeetingSaved>;

/** `GET /api/meetings` */
export const MeetingList = z.object({ meetings: z.array(Meeting) });
export type MeetingList = z.infer<typeof MeetingList>;

/** `GET /api/meetings/:meetingId` */
export const MeetingDetail = z.object({
  meeting: Meeting,
  delegations: z.array(Delegation),
  documents: z.array(DocumentSummary),
  /** The caller's own place in this meeting. */
  participation: Participation,
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** `GET /api/revisions/:revisionId` */
export const RevisionDetail = z.object({
  meeting: Meeting,
  document: DocumentSummary.omit({ revisions: true }),
  revision: RevisionSummary,
  participation: Participation,
  /** Whether the caller is a facilitator the Chair appointed to run the silence procedure on this document. */
  appointedForSilence: z.boolean(),
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;
