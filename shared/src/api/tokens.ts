import { z } from 'zod';

/** `POST /api/meetings/:meetingId/tokens`: a personal API token for scripts, valid in that meeting only. */
export const CreateApiTokenRequest = z.object({
  /** What the token is for, e.g. "Compilation export script". */
  name: z.string().trim().min(1).max(100),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const ApiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  meetingId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummary>;

/** The token itself is in this answer only: the server keeps its hash. Send it as `Authorization: Bearer <token>`. */
export const CreatedApiToken = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  meetingId: z.string(),
  createdAt: z.string(),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

/** `GET /api/tokens`: the caller's own tokens, revoked ones included, without their secrets. */
export const ApiTokenList = z.object({ tokens: z.array(ApiTokenSummary) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;
