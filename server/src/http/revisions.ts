import {
  type AcknowledgementSaved,
  type Acknowledgements,
  CirculateRequest,
  type DocumentHistory,
  type RevisionCirculated,
  type RevisionStarted,
  StartRevisionRequest,
} from '@zerodraft/shared/api/revisions.ts';
import { type Context, Hono } from 'hono';
import { type MeetingStanding, type RevisionStanding, standingIn, standingOnRevision } from '../authz/standing.ts';
import type { RevisionCirculation } from '../revisions/circulation.ts';
import type { DocumentRecord, Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn, parseJson } from './errors.ts';
import { participationOf } from './meetings.ts';

async function revisionStanding(c: Context<AppEnv>, store: Store): Promise<RevisionStanding> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const standing = await standingOnRevision(store, principal, c.req.param('revisionId') ?? '');
  if (!standing) throw notFound('The revision');
  return standing;
}

/** The document and the caller's standing in its meeting; 404 when it does not exist for them. */
async function documentStanding(
  c: Context<AppEnv>,
  store: Store,
): Promise<{ standing: MeetingStanding; document: DocumentRecord }> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const document = await store.findDocument(c.req.param('documentId') ?? '');
  const standing = document && (await standingIn(store, principal, document.meetingId));
  if (!document || !standing) throw notFound('The document');
  return { standing, document };
}

/**
 * A document's revisions through their circulation (DESIGN.md §1): starting the next one,
 * circulating it, delegations' receipts, and the document's history.
 */
export function revisionRoutes({ store, circulation }: { store: Store; circulation: RevisionCirculation }) {
  return new Hono<AppEnv>()
    .post('/documents/:documentId/revisions', async (c) => {
      const { standing, document } = await documentStanding(c, store);
      const request = await parseJson(c, StartRevisionRequest);
      const started = await circulation.start(standing, document, request);
      return c.json(started satisfies RevisionStarted, 201);
    })
    .get('/documents/:documentId/history', async (c) => {
      const { standing, document } = await documentStanding(c, store);
      const history = await circulation.history(standing, document, participationOf(standing));
      return c.json(history satisfies DocumentHistory);
    })
    .post('/revisions/:revisionId/circulate', async (c) => {
      const standing = await revisionStanding(c, store);
      const request = await parseJson(c, CirculateRequest);
      return c.json((await circulation.circulate(standing, request)) satisfies RevisionCirculated);
    })
    .post('/revisions/:revisionId/acknowledge', async (c) => {
      const standing = await revisionStanding(c, store);
      const { receipt, created } = await circulation.acknowledge(standing);
      return c.json({ receipt } satisfies AcknowledgementSaved, created ? 201 : 200);
    })
    .get('/revisions/:revisionId/acknowledgements', async (c) => {
      const standing = await revisionStanding(c, store);
      return c.json((await circulation.acknowledgements(standing)) satisfies Acknowledgements);
    });
}
