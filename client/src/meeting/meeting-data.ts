import type { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { type LoaderFunctionArgs, useRouteLoaderData } from 'react-router';
import { fetchMeeting } from '../api/meetings.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

/** Route id of `/meetings/:meetingId`, whose loader every page of the meeting shares. */
export const MEETING_ROUTE = 'meeting';

export function meetingLoader({ request, params }: LoaderFunctionArgs) {
  return loadSignedIn(request, () => fetchMeeting(params.meetingId ?? '', request.signal));
}

/** The meeting the current page belongs to, with the caller's place in it. */
export function useMeeting(): MeetingDetail {
  const detail = useRouteLoaderData<typeof meetingLoader>(MEETING_ROUTE);
  if (!detail) throw new Error('useMeeting() is only for pages under /meetings/:meetingId');
  return detail;
}

export const meetingPath = (meetingId: string, page = '') =>
  `/meetings/${encodeURIComponent(meetingId)}${page ? `/${page}` : ''}`;
