import type { MeetingDetail, MeetingList, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import { Hono } from 'hono';
import type { Store, UserRecord } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn } from './errors.ts';
import { describeMe } from './me.ts';

/**
 * Meetings, their documents and revisions, as the signed-in participant sees them. A meeting
 * the caller does not take part in answers 404, as if it did not exist.
 */
export function meetingRoutes({ store }: { store: Store }) {
  async function participationIn(user: UserRecord, meetingId: string) {
    return (await describeMe(store, user)).participations.find((p) => p.meetingId === meetingId);
  }

  async function documentsOf(meetingId: string) {
    const documents = await store.listDocuments(meetingId);
    return Promise.all(
      documents.map(async (d) => ({
        id: d.id,
        meetingId: d.meetingId,
        title: d.title,
        revisions: (await store.listRevisions(d.id)).map((r) => ({
          id: r.id,
          documentId: r.documentId,
          name: r.name,
          state: r.state,
          createdAt: r.createdAt,
        })),
      })),
    );
  }

  const toMeeting = (m: { id: string; title: string; symbol: string; venue: string; timeZone: string }) => ({
    id: m.id,
    title: m.title,
    symbol: m.symbol,
    venue: m.venue,
    timeZone: m.timeZone,
  });

  return new Hono<AppEnv>()
    .get('/meetings', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const meetings = [];
      for (const p of await store.listParticipations(principal.user.id)) {
        const meeting = await store.findMeeting(p.meetingId);
        if (meeting) meetings.push(toMeeting(meeting));
      }
      return c.json({ meetings } satisfies MeetingList);
    })
    .get('/meetings/:meetingId', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const meetingId = c.req.param('meetingId');
      const participation = await participationIn(principal.user, meetingId);
      const meeting = await store.findMeeting(meetingId);
      if (!participation || !meeting) throw notFound('The meeting');
      const delegations = (await store.listDelegations(meetingId)).map((d) => ({
        id: d.id,
        name: d.name,
        code: d.code,
      }));
      const body: MeetingDetail = {
        meeting: toMeeting(meeting),
        delegations,
        documents: await documentsOf(meetingId),
        participation,
      };
      return c.json(body);
    })
    .get('/revisions/:revisionId', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const revision = await store.findRevision(c.req.param('revisionId'));
      const document = revision && (await store.findDocument(revision.documentId));
      const meeting = document && (await store.findMeeting(document.meetingId));
      const participation = meeting && (await participationIn(principal.user, meeting.id));
      if (!revision || !document || !meeting || !participation) throw notFound('The revision');
      const body: RevisionDetail = {
        meeting: toMeeting(meeting),
        document: { id: document.id, meetingId: document.meetingId, title: document.title },
        revision: {
          id: revision.id,
          documentId: revision.documentId,
          name: revision.name,
          state: revision.state,
          createdAt: revision.createdAt,
        },
        participation,
      };
      return c.json(body);
    });
}
