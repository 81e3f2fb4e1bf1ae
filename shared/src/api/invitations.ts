import { z } from 'zod';
import { Delegation, Role } from './session.ts';

/** The shortest password a new account may choose. */
export const NEW_PASSWORD_MIN_LENGTH = 12;

export const NewPassword = z
  .string()
  .min(NEW_PASSWORD_MIN_LENGTH, `Choose a password of at least ${NEW_PASSWORD_MIN_LENGTH} characters.`)
  .max(1024);

/** `POST /api/meetings/:meetingId/invitations`, by the Chair or the Secretariat. */
export const CreateInvitationRequest = z.object({
  email: z.email().max(254),
  role: Role,
  delegationId: z.string().min(1).max(100),
  /** Bureau only: the invitee will hold the pen. */
  hasPen: z.boolean().optional(),
  /** Facilitator only: the section ids (`sid`) assigned. */
  sections: z.array(z.string().min(1).max(100)).max(100).optional(),
});
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

/** The link to copy and hand to the invitee; the product sends no mail. */
export const CreatedInvitation = z.object({
  id: z.string(),
  /** `<origin>/invitations/<token>`; the token is shown this once and stored only hashed. */
  url: z.string(),
  expiresAt: z.string(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const InvitationSummary = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  delegation: Delegation,
  hasPen: z.boolean(),
  sections: z.array(z.string()),
  status: InvitationStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/** `GET /api/meetings/:meetingId/invitations` */
export const InvitationList = z.object({ invitations: z.array(InvitationSummary) });
export type InvitationList = z.infer<typeof InvitationList>;

/** `GET /api/invitations/:token`: what the invitee sees before accepting; needs no sign-in. */
export const InvitationPreview = z.object({
  meeting: z.object({ id: z.string(), title: z.string() }),
  delegation: Delegation,
  role: Role,
  email: z.string(),
  /** Accepting then asks for that account's password rather than a name and a new password. */
  accountExists: z.boolean(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * `POST /api/invitations/:token/accept`: a name and a new password (at least
 * `NEW_PASSWORD_MIN_LENGTH` characters) create the account; for an email that already has an
 * account, its password alone. Answers `Me` and signs the person in.
 */
export const AcceptInvitationRequest = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(1).max(1024),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;
