import {
  type ParticipantSaved,
  placeProblem,
  type Roster,
  type RosterEntry,
  UpdateParticipantRequest,
} from '@zerodraft/shared/api/participants.ts';
import { ROLE_NAMES, type Role } from '@zerodraft/shared/roles/permissions.ts';
import { Hono } from 'hono';
import { changesBetween, personIn, recordAct } from '../audit/audit-log.ts';
import type { AccessChanges } from '../authz/access-changes.ts';
import { authorizePlacement } from '../authz/placement.ts';
import { authorize, type MeetingStanding } from '../authz/standing.ts';
import type { DelegationRecord, ParticipantRecord, Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notFound, parseJson } from './errors.ts';
import { toDelegation } from './meetings.ts';
import { requireStanding } from './standing.ts';

/** Those who can still manage the meeting's people; it must never be left without one. */
const ADMINISTRATORS: readonly Role[] = ['chair', 'secretariat'];

/**
 * The people of a meeting: the roster for the Chair and the Secretariat, changes to a
 * participant's role, pen, sections or delegation, and removal. Every change is recorded in the
 * audit log and applied to the participant's open connections at once.
 */
export function participantRoutes({ store, accessChanges }: { store: Store; accessChanges: AccessChanges }) {
  async function rosterEntry(participant: ParticipantRecord, delegation: DelegationRecord): Promise<RosterEntry> {
    const user = await store.findUserById(participant.userId);
    return {
      userId: participant.userId,
      name: user?.name ?? '',
      email: user?.email ?? '',
      delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
      role: participant.role,
      hasPen: participant.hasPen,
      sections: participant.sections,
    };
  }

  /** The participant acted on, with their delegation and name; 404 when they take no part in the meeting. */
  async function targetOf({ meeting }: MeetingStanding, userId: string) {
    const participant = await store.findParticipant(meeting.id, userId);
    const delegation = participant && (await store.findDelegation(participant.delegationId));
    const user = participant && (await store.findUserById(userId));
    if (!participant || !delegation || !user) throw notFound('The participant');
    return { participant, delegation, user };
  }

  /** Refuses, with the reason, a change that would leave nobody able to manage the meeting. */
  async function keepAnAdministrator({ meeting }: MeetingStanding, leaving: ParticipantRecord, what: string) {
    if (!ADMINISTRATORS.includes(leaving.role)) return;
    const others = (await store.listParticipants(meeting.id)).filter(
      (p) => p.userId !== leaving.userId && ADMINISTRATORS.includes(p.role),
    );
    if (others.length === 0) {
      throw new HttpError(
        409,
        'last_administrator',
        `${what} would leave the meeting without a Chair or Secretariat to manage it. Give someone else one of these roles first.`,
      );
    }
  }

  return new Hono<AppEnv>()
    .get('/meetings/:meetingId/roster', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      authorize(standing, 'readRoster');
      const [delegations, participants] = await Promise.all([
        store.listDelegations(standing.meeting.id),
        store.listParticipants(standing.meeting.id),
      ]);
      const body: Roster = {
        delegations: await Promise.all(
          delegations.map(async (delegation) => ({
            delegation: toDelegation(delegation),
            participants: (
              await Promise.all(
                participants.filter((p) => p.delegationId === delegation.id).map((p) => rosterEntry(p, delegation)),
              )
            ).sort((a, b) => a.name.localeCompare(b.name, 'en')),
          })),
        ),
      };
      return c.json(body);
    })
    .patch('/meetings/:meetingId/participants/:userId', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      authorize(standing, 'manageParticipants');
      const request = await parseJson(c, UpdateParticipantRequest);
      const target = await targetOf(standing, c.req.param('userId'));
      const before = target.participant;
      const role = request.role ?? before.role;
      const problem = placeProblem({ role, hasPen: request.hasPen, sections: request.sections });
      if (problem) throw new HttpError(400, 'invalid_request', problem);
      const delegation = request.delegationId ? await store.findDelegation(request.delegationId) : target.delegation;
      if (!delegation || delegation.meetingId !== standing.meeting.id) {
        throw new HttpError(
          400,
          'unknown_delegation',
          'That delegation does not take part in this meeting. Add it first.',
        );
      }
      // A pen or sections that the new role cannot hold are dropped with the old role.
      const after = {
        role,
        hasPen: role === 'bureau' && (request.hasPen ?? before.hasPen),
        sections: role === 'facilitator' ? (request.sections ?? before.sections) : [],
        delegationId: delegation.id,
      };
      authorizePlacement(standing, { userId: before.userId, before, after });
      if (!ADMINISTRATORS.includes(role)) {
        await keepAnAdministrator(standing, before, `Changing ${target.user.name}'s role to ${ROLE_NAMES[role]}`);
      }
      const changes = changesBetween(
        { role: before.role, hasPen: before.hasPen, sections: before.sections, delegation: target.delegation.name },
        { role: after.role, hasPen: after.hasPen, sections: after.sections, delegation: delegation.name },
      );
      if (Object.keys(changes).length === 0) {
        return c.json({ participant: await rosterEntry(before, delegation) } satisfies ParticipantSaved);
      }
      const updated = await store.updateParticipant(standing.meeting.id, before.userId, after);
      await recordAct(store, standing, {
        action: 'participant.update',
        target: personIn(target.user.name, target.delegation.name),
        detail: changes,
      });
      accessChanges.participantChanged(standing.meeting.id, before.userId);
      return c.json({ participant: await rosterEntry(updated, delegation) } satisfies ParticipantSaved);
    })
    .delete('/meetings/:meetingId/participants/:userId', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      authorize(standing, 'manageParticipants');
      const { participant, delegation, user } = await targetOf(standing, c.req.param('userId'));
      authorizePlacement(standing, { userId: participant.userId, before: participant, after: null });
      await keepAnAdministrator(standing, participant, `Removing ${user.name}`);
      await store.removeParticipant(standing.meeting.id, participant.userId);
      await recordAct(store, standing, {
        action: 'participant.remove',
        target: personIn(user.name, delegation.name),
        detail: { role: participant.role, delegation: delegation.name },
      });
      accessChanges.participantChanged(standing.meeting.id, participant.userId);
      return c.body(null, 204);
    });
}
