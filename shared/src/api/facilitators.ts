import { z } from 'zod';
import { Delegation } from './session.ts';

/**
 * The facilitators the Chair appoints to run the silence procedure on a document (DESIGN.md §1,
 * §3 "own section's document, if appointed"). An appointment stands while its holder is a
 * Facilitator of the meeting: a change of role or a removal ends it.
 */

/** A facilitator of the meeting, as the Chair chooses among them. */
export const Facilitator = z.object({
  userId: z.string(),
  name: z.string(),
  delegation: Delegation,
});
export type Facilitator = z.infer<typeof Facilitator>;

/** A facilitator appointed for the document, with who appointed them and when. */
export const FacilitatorAppointment = Facilitator.extend({
  /** ISO 8601, UTC. */
  appointedAt: z.string(),
  appointedBy: z.object({ name: z.string(), delegation: z.string() }),
});
export type FacilitatorAppointment = z.infer<typeof FacilitatorAppointment>;

/**
 * `GET /api/documents/:documentId/facilitators`, for everyone in the meeting: who is appointed,
 * oldest appointment first, and for the Chair the meeting's other facilitators to appoint.
 */
export const DocumentFacilitators = z.object({
  documentId: z.string(),
  appointed: z.array(FacilitatorAppointment),
  /** The meeting's facilitators not appointed for this document, by name; empty for all but the Chair. */
  candidates: z.array(Facilitator),
});
export type DocumentFacilitators = z.infer<typeof DocumentFacilitators>;

/**
 * The answer to `PUT /api/documents/:documentId/facilitators/:userId`: 201 with the new
 * appointment, or 200 with the one that already stood.
 */
export const FacilitatorAppointed = z.object({ appointment: FacilitatorAppointment });
export type FacilitatorAppointed = z.infer<typeof FacilitatorAppointed>;
