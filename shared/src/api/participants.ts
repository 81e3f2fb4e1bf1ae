import { z } from 'zod';
import type { Role as RoleValue } from '../roles/permissions.ts';
import { Delegation, Role } from './session.ts';

export const DelegationKind = z.enum(['state', 'observer_state', 'igo', 'ngo']);
export type DelegationKind = z.infer<typeof DelegationKind>;

/** A delegation taking part in a meeting: a Member or Observer State, or an organisation. */
export const DelegationPresent = Delegation.extend({ kind: DelegationKind });
export type DelegationPresent = z.infer<typeof DelegationPresent>;

/** `GET /api/meetings/:meetingId/delegations`, for everyone in the meeting. */
export const DelegationsPresent = z.object({ delegations: z.array(DelegationPresent) });
export type DelegationsPresent = z.infer<typeof DelegationsPresent>;

/** `POST /api/meetings/:meetingId/delegations` answers 201 with the delegation added. */
export const DelegationAdded = z.object({ delegation: DelegationPresent });
export type DelegationAdded = z.infer<typeof DelegationAdded>;

export const RosterEntry = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  delegation: Delegation,
  role: Role,
  hasPen: z.boolean(),
  sections: z.array(z.string()),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

/** `GET /api/meetings/:meetingId/roster`, for the Chair and the Secretariat: people by delegation. */
export const Roster = z.object({
  delegations: z.array(z.object({ delegation: DelegationPresent, participants: z.array(RosterEntry) })),
});
export type Roster = z.infer<typeof Roster>;

/**
 * Why a role cannot go with this pen or these sections, or null when they fit. Only a Bureau
 * member is given the pen (the Chair holds it by role), only a Facilitator is assigned sections.
 */
export function placeProblem({
  role,
  hasPen,
  sections,
}: {
  role: RoleValue;
  hasPen?: boolean | undefined;
  sections?: readonly string[] | undefined;
}): string | null {
  if (hasPen === true && role !== 'bureau') return 'Only a Bureau member can be given the pen.';
  if (sections && sections.length > 0 && role !== 'facilitator') return 'Only a Facilitator is assigned sections.';
  return null;
}

export const SectionIds = z
  .array(z.string().min(1).max(64))
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'Each section is assigned once.');

/**
 * `PATCH /api/meetings/:meetingId/participants/:userId`. Without `role`, the pen and sections
 * are judged against the participant's current role, on the server.
 */
export const UpdateParticipantRequest = z
  .strictObject({
    role: Role.optional(),
    hasPen: z.boolean().optional(),
    sections: SectionIds.optional(),
    delegationId: z.string().min(1).max(64).optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), 'Name at least one thing to change.')
  .superRefine((r, ctx) => {
    const problem = r.role && placeProblem({ role: r.role, hasPen: r.hasPen, sections: r.sections });
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: r.hasPen ? ['hasPen'] : ['sections'] });
  });
export type UpdateParticipantRequest = z.infer<typeof UpdateParticipantRequest>;

/** The answer to a participant's change: their place now. */
export const ParticipantSaved = z.object({ participant: RosterEntry });
export type ParticipantSaved = z.infer<typeof ParticipantSaved>;
