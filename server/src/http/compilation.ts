import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { RevisionCompilation } from '@zerodraft/shared/api/compilation.ts';
import { compile } from '@zerodraft/shared/proposals/compilation.ts';
import { PROPOSALS_FIELD, ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { Hono } from 'hono';
import type * as Y from 'yjs';
import { standingOnRevision } from '../authz/standing.ts';
import type { Clock } from '../clock.ts';
import type { Rooms } from '../collab/rooms.ts';
import { withCurrentText } from '../revisions/current-text.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notFound, notSignedIn } from './errors.ts';
import { meetingView } from './meeting-view.ts';

/** Revision ids are UUIDs; anything a store could hold is at most this, in url-safe characters. */
const REVISION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The compilation text of a revision (DESIGN.md §1) for everyone who may read the revision:
 * its text as it stands now, every pending proposal inline with its attribution.
 */
export function compilationRoutes({ store, rooms, clock }: { store: Store; rooms: Rooms; clock: Clock }) {
  return new Hono<AppEnv>().get('/revisions/:revisionId/compilation', async (c) => {
    const principal = c.get('principal');
    if (!principal) throw notSignedIn();
    const revisionId = c.req.param('revisionId');
    if (!REVISION_ID.test(revisionId)) {
      throw new HttpError(
        400,
        'invalid_request',
        'This address does not name a revision. Open it from the meeting page.',
      );
    }
    const standing = await standingOnRevision(store, principal, revisionId);
    if (!standing) throw notFound('The revision');
    const { meeting, document, revision } = standing;
    const delegations = new Map((await store.listDelegations(meeting.id)).map((d) => [d.id, d.name]));

    const compiledAt = clock.now().toISOString();
    const compilation = await withCurrentText({ store, rooms }, revisionId, (doc) => {
      const text = documentSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD)));
      return compile(text, { records: recordsOf(doc), delegations });
    });
    const body: RevisionCompilation = {
      meeting: meetingView(meeting),
      document: { id: document.id, title: document.title },
      revision: {
        id: revision.id,
        documentId: revision.documentId,
        name: revision.name,
        state: revision.state,
        createdAt: revision.createdAt,
      },
      compiledAt,
      compilation,
    };
    return c.json(body);
  });
}

/** The proposal records the server wrote; one it cannot read is left out, and its proposal named from its marks. */
function recordsOf(doc: Y.Doc): Map<string, ProposalRecord> {
  const records = new Map<string, ProposalRecord>();
  doc.getMap<unknown>(PROPOSALS_FIELD).forEach((value, id) => {
    const parsed = ProposalRecord.safeParse(value);
    if (parsed.success) records.set(id, parsed.data);
  });
  return records;
}
