import {
  type AcceptInvitationRequest,
  CreatedInvitation,
  type CreateInvitationRequest,
  InvitationList,
  InvitationPreview,
} from '@zerodraft/shared/api/invitations.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { requestJson } from './http.ts';

const meetingInvitations = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/invitations`;
const invitationPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export function createInvitation(meetingId: string, request: CreateInvitationRequest): Promise<CreatedInvitation> {
  return requestJson(meetingInvitations(meetingId), CreatedInvitation, { method: 'POST', body: request });
}

export function fetchInvitations(meetingId: string, signal: AbortSignal): Promise<InvitationList> {
  return requestJson(meetingInvitations(meetingId), InvitationList, { signal });
}

/** What the invitee sees before accepting; needs no sign-in. */
export function fetchInvitationPreview(token: string, signal: AbortSignal): Promise<InvitationPreview> {
  return requestJson(invitationPath(token), InvitationPreview, { signal });
}

/** Joins the meeting and signs in: a new account with a name and password, or an existing one's password. */
export function acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<Me> {
  return requestJson(`${invitationPath(token)}/accept`, Me, { method: 'POST', body: request });
}
