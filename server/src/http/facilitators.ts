import type { AuditAction } from '@zerodraft/shared/api/audit.ts';
import type {
  DocumentFacilitators,
  Facilitator,
  FacilitatorAppointed,
  FacilitatorAppointment,
} from '@zerodraft/shared/api/facilitators.ts';
import { mayEver, ROLE_NAMES } from '@zerodraft/shared/roles/permissions.ts';
import { Hono } from 'hono';
import { personIn } from '../audit/audit-log.ts';
import { authorize, type MeetingStanding } from '../authz/standing.ts';
import type { Clock } from '../clock.ts';
import type {
  AuditInput,
  DocumentRecord,
  FacilitatorAppointmentRecord,
  ParticipantRecord,
  Store,
} from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { requireDocumentStanding } from './standing.ts';

/**
 * The facilitators the Chair appoints to run the silence procedure on a document (DESIGN.md §1,
 * §3): who is appointed, for everyone in the meeting; appointing and removing, for the Chair.
 */
export function facilitatorRoutes({ store, clock }: { store: Store; clock: Clock }) {
  const path = '/documents/:documentId/facilitators';

  /** A participant as named on the page; undefined when their user or delegation is gone. */
  async function facilitatorOf(participant: ParticipantRecord): Promise<Facilitator | undefined> {
    const [user, delegation] = await Promise.all([
      store.findUserById(participant.userId),
      store.findDelegation(participant.delegationId),
    ]);
    if (!user || !delegation) return undefined;
    return {
      userId: user.id,
      name: user.name,
      delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
    };
  }

  /** The facilitator to appoint: a participant of the meeting with the Facilitator role, or 400 saying why not. */
  async function facilitatorToAppoint({ meeting }: MeetingStanding, userId: string): Promise<ParticipantRecord> {
    const participant = await store.findParticipant(meeting.id, userId);
    if (!participant) {
      throw new HttpError(
        400,
        'not_a_facilitator',
        'That person does not take part in this meeting. Only a Facilitator of the meeting can be appointed.',
      );
    }
    if (participant.role !== 'facilitator') {
      const user = await store.findUserById(userId);
      throw new HttpError(
        400,
        'not_a_facilitator',
        `${user?.name ?? 'That person'} takes part as ${ROLE_NAMES[participant.role]}, not as a Facilitator. Give them the Facilitator role on the roster first.`,
      );
    }
    return participant;
  }

  function audit(
    by: MeetingStanding,
    action: AuditAction,
    target: Facilitator,
    document: DocumentRecord,
    at: string,
  ): AuditInput {
    return {
      meetingId: by.meeting.id,
      actorUserId: by.principal.user.id,
      actorName: by.principal.user.name,
      actorDelegation: by.delegation.name,
      action,
      target: personIn(target.name, target.delegation.name),
      detail: { document: document.title, documentId: document.id },
      at,
    };
  }

  return new Hono<AppEnv>()
    .get(path, async (c) => {
      const { standing, document } = await requireDocumentStanding(c, store, c.req.param('documentId'));
      const [records, participants] = await Promise.all([
        store.listFacilitatorAppointments(document.id),
        store.listParticipants(standing.meeting.id),
      ]);
      const facilitators = new Map(participants.filter((p) => p.role === 'facilitator').map((p) => [p.userId, p]));
      const appointed: FacilitatorAppointment[] = [];
      for (const record of records) {
        const participant = facilitators.get(record.userId);
        const facilitator = participant && (await facilitatorOf(participant));
        if (facilitator) appointed.push(appointmentView(facilitator, record));
      }
      const candidates: Facilitator[] = [];
      if (mayEver(standing.standing, 'appointFacilitators')) {
        const appointedIds = new Set(appointed.map((a) => a.userId));
        for (const participant of facilitators.values()) {
          if (appointedIds.has(participant.userId)) continue;
          const facilitator = await facilitatorOf(participant);
          if (facilitator) candidates.push(facilitator);
        }
        candidates.sort((a, b) => a.name.localeCompare(b.name, 'en'));
      }
      return c.json({ documentId: document.id, appointed, candidates } satisfies DocumentFacilitators);
    })
    .put(`${path}/:userId`, async (c) => {
      const { standing, document } = await requireDocumentStanding(c, store, c.req.param('documentId'));
      authorize(standing, 'appointFacilitators');
      const participant = await facilitatorToAppoint(standing, c.req.param('userId'));
      const facilitator = await facilitatorOf(participant);
      if (!facilitator) throw new HttpError(400, 'not_a_facilitator', 'That person no longer has an account.');
      const at = clock.now().toISOString();
      const { appointment, created } = await store.appointFacilitator(
        {
          documentId: document.id,
          meetingId: standing.meeting.id,
          userId: participant.userId,
          appointedBy: {
            userId: standing.principal.user.id,
            userName: standing.principal.user.name,
            delegationId: standing.delegation.id,
            delegationName: standing.delegation.name,
          },
          appointedAt: at,
        },
        audit(standing, 'facilitator.appoint', facilitator, document, at),
      );
      const body: FacilitatorAppointed = { appointment: appointmentView(facilitator, appointment) };
      return c.json(body, created ? 201 : 200);
    })
    .delete(`${path}/:userId`, async (c) => {
      const { standing, document } = await requireDocumentStanding(c, store, c.req.param('documentId'));
      authorize(standing, 'appointFacilitators');
      const userId = c.req.param('userId');
      const participant = await store.findParticipant(standing.meeting.id, userId);
      const facilitator = participant && (await facilitatorOf(participant));
      const removed =
        facilitator !== undefined &&
        (await store.removeFacilitatorAppointment(
          document.id,
          userId,
          audit(standing, 'facilitator.remove', facilitator, document, clock.now().toISOString()),
        ));
      if (!removed) {
        throw new HttpError(
          404,
          'not_found',
          `${facilitator?.name ?? 'That person'} is not appointed to run the silence procedure on ${document.title}.`,
        );
      }
      return c.body(null, 204);
    });
}

const appointmentView = (facilitator: Facilitator, record: FacilitatorAppointmentRecord): FacilitatorAppointment => ({
  ...facilitator,
  appointedAt: record.appointedAt,
  appointedBy: { name: record.appointedBy.userName, delegation: record.appointedBy.delegationName },
});
