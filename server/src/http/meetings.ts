import { randomUUID } from 'node:crypto';
import {
  AddDelegationRequest,
  CreateMeetingRequest,
  type DelegationChoice,
  type DocumentSummary,
  type Meeting,
  type MeetingDetail,
  type MeetingList,
  type MeetingSaved,
  type RevisionDetail,
  UpdateMeetingRequest,
} from '@zerodraft/shared/api/meetings.ts';
import type { DelegationAdded, DelegationPresent, DelegationsPresent } from '@zerodraft/shared/api/participants.ts';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import { findState } from '@zerodraft/shared/countries/states.ts';
import { maySetUpMeetings } from '@zerodraft/shared/roles/permissions.ts';
import { revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import { Hono } from 'hono';
import { changesBetween, recordAct } from '../audit/audit-log.ts';
import { authorize, type MeetingStanding, standingIn, standingOnRevision } from '../authz/standing.ts';
import { appointedToRunSilence } from '../silence/appointments.ts';
import type { DelegationRecord, Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notFound, notSignedIn, parseJson } from './errors.ts';
import { meetingView } from './meeting-view.ts';
import { requireSession } from './session.ts';
import { requireStanding } from './standing.ts';

export const toDelegation = (d: DelegationRecord): DelegationPresent => ({
  id: d.id,
  name: d.name,
  code: d.code,
  kind: d.kind,
});

export const participationOf = ({ meeting, delegation, participant }: MeetingStanding): Participation => ({
  meetingId: meeting.id,
  meetingTitle: meeting.title,
  delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
  role: participant.role,
  hasPen: participant.hasPen,
  sections: participant.sections,
});

/** A State from the shipped list, or an organisation as named; the acronym stands as its code. */
function delegationFrom(choice: DelegationChoice): Pick<DelegationRecord, 'name' | 'code' | 'kind'> {
  if ('organisation' in choice) {
    const { name, acronym, kind } = choice.organisation;
    return { name, code: acronym, kind };
  }
  const state = findState(choice.stateCode);
  if (!state) throw new HttpError(400, 'invalid_request', 'Not a Member or Observer State of the United Nations.');
  return state;
}

/**
 * Meetings, their delegations, documents and revisions, as the caller's standing lets them see
 * them. A meeting or revision that does not exist for the caller answers 404.
 */
export function meetingRoutes({ store }: { store: Store }) {
  /** The meeting's documents, each with only the revisions this participant may read; none without one. */
  async function documentsFor({ meeting, standing }: MeetingStanding): Promise<DocumentSummary[]> {
    const documents = await store.listDocuments(meeting.id);
    const listed = await Promise.all(
      documents.map(async (d) => ({
        id: d.id,
        meetingId: d.meetingId,
        title: d.title,
        revisions: (await store.listRevisions(d.id))
          .filter((r) => revisionAccess(standing, r.state).read)
          .map((r) => ({ id: r.id, documentId: r.documentId, name: r.name, state: r.state, createdAt: r.createdAt })),
      })),
    );
    // A document whose zero draft is still in preparation does not exist yet for those who may not read it.
    return listed.filter((d) => d.revisions.length > 0);
  }

  return new Hono<AppEnv>()
    .post('/meetings', async (c) => {
      // Creating a meeting takes a browser session: an API token lives inside one meeting.
      const session = requireSession(c);
      const rolesHeld = (await store.listParticipations(session.user.id)).map((p) => p.role);
      if (!maySetUpMeetings(rolesHeld)) {
        throw new HttpError(403, 'forbidden', 'Only the Secretariat of a meeting sets up new meetings.');
      }
      const request = await parseJson(c, CreateMeetingRequest);
      const meetingId = randomUUID();
      const delegationId = randomUUID();
      // One transaction: a meeting never exists without the Secretariat who manages it.
      const meeting = await store.createMeeting(
        {
          id: meetingId,
          title: request.title,
          symbol: request.symbol,
          venue: request.venue,
          timeZone: request.timeZone,
          startsOn: request.startsOn ?? null,
          endsOn: request.endsOn ?? null,
          silenceNoticeHours: request.silenceNoticeHours,
        },
        {
          delegation: { id: delegationId, meetingId, ...delegationFrom(request.delegation) },
          participant: {
            meetingId,
            userId: session.user.id,
            delegationId,
            role: 'secretariat',
            hasPen: false,
            sections: [],
          },
        },
      );
      const creator = await standingIn(store, session, meeting.id);
      if (creator)
        await recordAct(store, creator, {
          action: 'meeting.create',
          target: meeting.title,
          detail: meetingView(meeting),
        });
      return c.json({ meeting: meetingView(meeting) } satisfies MeetingSaved, 201);
    })
    .get('/meetings', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const meetings: Meeting[] = [];
      for (const p of await store.listParticipations(principal.user.id)) {
        if (principal.kind === 'token' && principal.meetingId !== p.meetingId) continue;
        const meeting = await store.findMeeting(p.meetingId);
        if (meeting) meetings.push(meetingView(meeting));
      }
      return c.json({ meetings } satisfies MeetingList);
    })
    .get('/meetings/:meetingId', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      const body: MeetingDetail = {
        meeting: meetingView(standing.meeting),
        delegations: (await store.listDelegations(standing.meeting.id)).map((d) => ({
          id: d.id,
          name: d.name,
          code: d.code,
        })),
        documents: await documentsFor(standing),
        participation: participationOf(standing),
      };
      return c.json(body);
    })
    .patch('/meetings/:meetingId', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      authorize(standing, 'editMeeting');
      const request = await parseJson(c, UpdateMeetingRequest);
      const { id, ...before } = meetingView(standing.meeting);
      // How soon a text can be adopted is the Chair's to decide; others may send it back unchanged.
      if (request.silenceNoticeHours !== undefined && request.silenceNoticeHours !== before.silenceNoticeHours) {
        authorize(standing, 'setSilenceNotice');
      }
      // JSON has no undefined: a field left out is absent, so spreading keeps the current value.
      const after = { ...before, ...request };
      if (after.startsOn && after.endsOn && after.startsOn > after.endsOn) {
        throw new HttpError(400, 'invalid_request', 'The meeting cannot end before it starts.');
      }
      const changes = changesBetween(before, after);
      if (Object.keys(changes).length > 0) {
        await store.updateMeeting(id, after);
        await recordAct(store, standing, { action: 'meeting.update', target: after.title, detail: changes });
      }
      return c.json({ meeting: { id, ...after } } satisfies MeetingSaved);
    })
    .get('/meetings/:meetingId/delegations', async (c) => {
      const { meeting } = await requireStanding(c, store, c.req.param('meetingId'));
      const delegations = (await store.listDelegations(meeting.id)).map(toDelegation);
      return c.json({ delegations } satisfies DelegationsPresent);
    })
    .post('/meetings/:meetingId/delegations', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      authorize(standing, 'manageParticipants');
      const request = await parseJson(c, AddDelegationRequest);
      const wanted = delegationFrom(request);
      const present = (await store.listDelegations(standing.meeting.id)).find((d) => d.code === wanted.code);
      if (present) {
        throw new HttpError(409, 'delegation_present', `${present.name} (${present.code}) is already in this meeting.`);
      }
      const delegation = await store.createDelegation({ id: randomUUID(), meetingId: standing.meeting.id, ...wanted });
      await recordAct(store, standing, {
        action: 'delegation.add',
        target: delegation.name,
        detail: { code: delegation.code, kind: delegation.kind },
      });
      return c.json({ delegation: toDelegation(delegation) } satisfies DelegationAdded, 201);
    })
    .get('/revisions/:revisionId', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const standing = await standingOnRevision(store, principal, c.req.param('revisionId'));
      if (!standing) throw notFound('The revision');
      const { meeting, document, revision } = standing;
      const body: RevisionDetail = {
        meeting: meetingView(meeting),
        document: { id: document.id, meetingId: document.meetingId, title: document.title },
        revision: {
          id: revision.id,
          documentId: revision.documentId,
          name: revision.name,
          state: revision.state,
          createdAt: revision.createdAt,
        },
        participation: participationOf(standing),
        appointedForSilence: await appointedToRunSilence(store, standing, document.id),
      };
      return c.json(body);
    });
}
