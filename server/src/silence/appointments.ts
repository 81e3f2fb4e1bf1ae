import type { MeetingStanding } from '../authz/standing.ts';
import type { Store } from '../store/store.ts';

/**
 * Whether this participant is a facilitator the Chair appointed to run the silence procedure on
 * the document (DESIGN.md §3, "own section's document, if appointed"). The appointment counts
 * only while they are a Facilitator: the standing is read afresh for every request, so a change
 * of role or a removal ends the right at once.
 */
export async function appointedToRunSilence(
  store: Store,
  { participant }: MeetingStanding,
  documentId: string,
): Promise<boolean> {
  if (participant.role !== 'facilitator') return false;
  return (await store.findFacilitatorAppointment(documentId, participant.userId)) !== undefined;
}
