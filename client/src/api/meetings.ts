import { MeetingDetail, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import { requestJson } from './http.ts';

export function fetchMeeting(meetingId: string, signal: AbortSignal): Promise<MeetingDetail> {
  return requestJson(`/api/meetings/${encodeURIComponent(meetingId)}`, MeetingDetail, { signal });
}

export function fetchRevision(revisionId: string, signal: AbortSignal): Promise<RevisionDetail> {
  return requestJson(`/api/revisions/${encodeURIComponent(revisionId)}`, RevisionDetail, { signal });
}
