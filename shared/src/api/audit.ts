import { z } from 'zod';

/** Every act the audit log records, with how the log page names it. */
export const AUDIT_ACTIONS = {
  'meeting.create': 'Meeting created',
  'meeting.update': 'Meeting changed',
  'delegation.add': 'Delegation added',
  'participant.update': 'Participant changed',
  'participant.remove': 'Participant removed',
  'invitation.create': 'Invitation issued',
  'invitation.accept': 'Invitation accepted',
  'proposal.accept': 'Proposal accepted',
  'proposal.reject': 'Proposal rejected',
  'proposal.withdraw': 'Proposal withdrawn',
  'proposal.support': 'Proposal supported',
  'proposal.oppose': 'Proposal opposed',
  'proposal.stance_withdrawn': 'Support or opposition withdrawn',
  'proposal.rationale': 'Rationale given',
  'paragraph.status': 'Paragraph status set',
  'section.open': 'Section opened',
  'section.close': 'Section closed',
  'silence.start': 'Silence procedure started',
  'silence.break': 'Silence broken',
  'silence.withdraw': 'Silence procedure withdrawn',
  'silence.adopt': 'Adopted at the end of silence',
  'facilitator.appoint': 'Appointed to run the silence procedure',
  'facilitator.remove': 'Appointment to run the silence procedure removed',
  'document.create': 'Document started, with its zero draft',
  'revision.start': 'Next revision started',
  'revision.circulate': 'Revision circulated',
  'revision.acknowledge': 'Receipt confirmed',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  actorDelegation: z.string().nullable(),
  action: z.string(),
  /** What was acted on, in words: "Lucía Hernández (Mexico)". */
  target: z.string(),
  /** The change itself, e.g. `{ role: { from: 'delegation', to: 'observer' } }`. */
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/meetings/:meetingId/audit`, newest first. */
export const AuditList = z.object({ entries: z.array(AuditEntry) });
export type AuditList = z.infer<typeof AuditList>;

/**
 * The filters of `GET /api/meetings/:meetingId/audit` and `audit.csv`, as query parameters:
 * `actor` is a user id; `since` (inclusive) and `until` (exclusive) are ISO 8601 date-times.
 */
export const AuditQuery = z.object({
  action: z.string().min(1).max(64).optional(),
  actor: z.string().min(1).max(64).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
