import {
  type AcknowledgementSaved,
  type Acknowledgements,
  CirculateRequest,
  type DocumentHistory,
  type DocumentStarted,
  NewDocumentRequest,
  type RevisionCirculated,
  type RevisionStarted,
  StartRevisionRequest,
} from '@zerodraft/shared/api/revisions.ts';
import { type Context, Hono } from 'hono';
import { type RevisionStanding, standingOnRevision } from '../authz/standing.ts';
import type { RevisionCirculation } from '../revisions/circulation.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn, parseJson } from './errors.ts';
import { participationOf } from './meetings.ts';
import { requireDocumentStanding, requireStanding } from './standing.ts';

async function revisionStanding(c: Context<AppEnv>, store: Store): Promise<RevisionStanding> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const standing = await standingOnRevision(store, principal, c.req.param('revisionId') ?? '');
  if (!standing) throw notFound('The revision');
  return standing;
}

/**
 * A document's revisions through their circulation (DESIGN.md §1): starting the document with
 * its zero draft, starting the next one,
 * circulating it, delegations' receipts, and the document's history.
 */
export function revisionRoutes({ store, circulation }: { store: Store; circulation: RevisionCirculation }) {
  return new Hono<AppEnv>()
    .post('/meetings/:meetingId/documents', async (c) => {
      const standing = await requireStanding(c, store, c.req.param('meetingId'));
      const request = await parseJson(c, NewDocumentRequest);
      return c.json((await circulation.startDocument(standing, request)) satisfies DocumentStarted, 201);
    })
    .post('/documents/:documentId/revisions', async (c) => {
      const { standing, document } = await requireDocumentStanding(c, store, c.req.param('documentId'));
      const request = await parseJson(c, StartRevisionRequest);
      const started = await circulation.start(standing, document, request);
      return c.json(started satisfies RevisionStarted, 201);
    })
    .get('/documents/:documentId/history', async (c) => {
      const { standing, document } = await requireDocumentStanding(c, store, c.req.param('documentId'));
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
