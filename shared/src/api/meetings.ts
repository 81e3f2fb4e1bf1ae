import { z } from 'zod';
import { Delegation, Participation } from './session.ts';

export const RevisionState = z.enum(['in_preparation', 'circulated', 'superseded', 'under_silence', 'adopted']);
export type RevisionState = z.infer<typeof RevisionState>;

export const Meeting = z.object({
  id: z.string(),
  title: z.string(),
  /** Document symbol prefix, e.g. `A/CONF.192/BMS/2021`. */
  symbol: z.string(),
  venue: z.string(),
  /** IANA time zone of the venue, e.g. `America/New_York`. */
  timeZone: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

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
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;
