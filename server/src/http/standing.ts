import { revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import type { Context } from 'hono';
import { type MeetingStanding, standingIn } from '../authz/standing.ts';
import type { DocumentRecord, Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn } from './errors.ts';

/**
 * The caller's standing in a meeting: 401 when nobody is signed in, 404 when the meeting does
 * not exist for them (they take no part in it, or their API token is for another meeting).
 */
export async function requireStanding(c: Context<AppEnv>, store: Store, meetingId: string): Promise<MeetingStanding> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const standing = await standingIn(store, principal, meetingId);
  if (!standing) throw notFound('The meeting');
  return standing;
}

/**
 * A document and the caller's standing in its meeting: 401 when nobody is signed in, 404 when it
 * does not exist for them. A document exists for those who may read one of its revisions: its
 * title and its zero draft in preparation are the Chair's until circulated (DESIGN.md §3).
 */
export async function requireDocumentStanding(
  c: Context<AppEnv>,
  store: Store,
  documentId: string,
): Promise<{ standing: MeetingStanding; document: DocumentRecord }> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const document = await store.findDocument(documentId);
  const standing = document && (await standingIn(store, principal, document.meetingId));
  if (!document || !standing) throw notFound('The document');
  const revisions = await store.listRevisions(document.id);
  if (!revisions.some((r) => revisionAccess(standing.standing, r.state).read)) throw notFound('The document');
  return { standing, document };
}
