import { ParticipantSaved, Roster, type UpdateParticipantRequest } from '@zerodraft/shared/api/participants.ts';
import { requestJson, requestNoContent } from './http.ts';

const participantPath = (meetingId: string, userId: string) =>
  `/api/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(userId)}`;

/** For the Chair and the Secretariat: everyone in the meeting, by delegation. */
export function fetchRoster(meetingId: string, signal: AbortSignal): Promise<Roster> {
  return requestJson(`/api/meetings/${encodeURIComponent(meetingId)}/roster`, Roster, { signal });
}

export function updateParticipant(
  meetingId: string,
  userId: string,
  request: UpdateParticipantRequest,
): Promise<ParticipantSaved> {
  return requestJson(participantPath(meetingId, userId), ParticipantSaved, { method: 'PATCH', body: request });
}

export function removeParticipant(meetingId: string, userId: string): Promise<void> {
  return requestNoContent(participantPath(meetingId, userId), { method: 'DELETE' });
}
