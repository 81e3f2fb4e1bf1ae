import { z } from 'zod';
import { ROLES } from '../roles/permissions.ts';

export const SignInRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof User>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Delegation = z.object({
  id: z.string(),
  name: z.string(),
  /** ISO 3166 alpha-3 code for States, an acronym for organisations. */
  code: z.string(),
});
export type Delegation = z.infer<typeof Delegation>;

export const Participation = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  delegation: Delegation,
  role: Role,
  /** Bureau only: the Chair has given them the pen. */
  hasPen: z.boolean(),
  /** Facilitator only: the section ids (`sid`) assigned to them. */
  sections: z.array(z.string()),
});
export type Participation = z.infer<typeof Participation>;

/** `GET /api/me` and `POST /api/session`. */
export const Me = z.object({
  user: User,
  participations: z.array(Participation),
});
export type Me = z.infer<typeof Me>;

export const SessionSummary = z.object({
  /** Names the session for `DELETE /api/sessions/:id`; not the secret it is stored under. */
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** `GET /api/sessions`: the caller's own sessions that have not expired. */
export const SessionList = z.object({ sessions: z.array(SessionSummary) });
export type SessionList = z.infer<typeof SessionList>;
