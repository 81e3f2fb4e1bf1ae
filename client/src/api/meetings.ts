import {
  type AddDelegationRequest,
  type CreateMeetingRequest,
  MeetingDetail,
  MeetingSaved,
  RevisionDetail,
  type UpdateMeetingRequest,
} from '@zerodraft/shared/api/meetings.ts';
import { DelegationAdded, DelegationsPresent } from '@zerodraft/shared/api/participants.ts';
import { requestJson } from './http.ts';

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export function fetchMeeting(meetingId: string, signal: AbortSignal): Promise<MeetingDetail> {
  return requestJson(meetingPath(meetingId), MeetingDetail, { signal });
}

export function fetchRevision(revisionId: string, signal: AbortSignal): Promise<RevisionDetail> {
  return requestJson(`/api/revisions/${encodeURIComponent(revisionId)}`, RevisionDetail, { signal });
}

/** The creator becomes the new meeting's Secretariat, in the delegation they name. */
export function createMeeting(request: CreateMeetingRequest): Promise<MeetingSaved> {
  return requestJson('/api/meetings', MeetingSaved, { method: 'POST', body: request });
}

export function updateMeeting(meetingId: string, request: UpdateMeetingRequest): Promise<MeetingSaved> {
  return requestJson(meetingPath(meetingId), MeetingSaved, { method: 'PATCH', body: request });
}

export function fetchDelegations(meetingId: string, signal: AbortSignal): Promise<DelegationsPresent> {
  return requestJson(`${meetingPath(meetingId)}/delegations`, DelegationsPresent, { signal });
}

export function addDelegation(meetingId: string, request: AddDelegationRequest): Promise<DelegationAdded> {
  return requestJson(`${meetingPath(meetingId)}/delegations`, DelegationAdded, { method: 'POST', body: request });
}
