import type { ComparisonQuery, RevisionComparison } from '@zerodraft/shared/api/comparison.ts';
import { compareParagraphs } from '@zerodraft/shared/comparison/compare-paragraphs.ts';
import { revisionAccess } from '@zerodraft/shared/roles/revision-access.ts';
import type { Principal } from '../auth/principal.ts';
import { type MeetingStanding, standingOnRevision } from '../authz/standing.ts';
import type { Rooms } from '../collab/rooms.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { meetingView } from '../http/meeting-view.ts';
import { proposalsInDoc } from '../proposals/in-doc.ts';
import { revisionSummary } from '../revisions/circulation.ts';
import { withCurrentText } from '../revisions/current-text.ts';
import type { DocumentRecord, RevisionRecord, Store } from '../store/store.ts';
import { comparedText } from './compared-text.ts';
import { type LaterRevision, type OlderProposals, proposalOutcomes } from './proposal-outcomes.ts';
import { readableRecords } from './readable-records.ts';

export interface ComparisonParts {
  store: Store;
  rooms: Pick<Rooms, 'openRevisionIds' | 'open' | 'released'>;
}

/**
 * Compares two revisions of a document for a reader (issue 6): the redline of their agreed
 * texts by paragraph, and what became of the older one's proposals. Either revision may be
 * left out of the query (see `ComparisonQuery`); the two are taken oldest first.
 */
export async function compareRevisions(
  parts: ComparisonParts,
  s: MeetingStanding,
  document: DocumentRecord,
  query: ComparisonQuery,
): Promise<RevisionComparison> {
  const { store, rooms } = parts;
  const revisions = await store.listRevisions(document.id);
  const readable = revisions.filter((r) => revisionAccess(s.standing, r.state).read);
  const to = query.to ? await chosen(store, s.principal, document, readable, query.to) : readable.at(-1);
  const from = query.from
    ? await chosen(store, s.principal, document, readable, query.from)
    : to && readable.slice(0, readable.indexOf(to)).findLast((r) => r.state !== 'in_preparation');
  if (!to) throw nothingToCompare(`${document.title} has no revision you may read yet.`);
  if (!from) {
    throw nothingToCompare(
      readable.length === 1
        ? `${document.title} has only one revision so far, ${to.name}: there is nothing to compare it with yet.`
        : `There is no circulated revision of ${document.title} before ${to.name} to compare it with.`,
    );
  }
  if (from.id === to.id) throw new HttpError(400, 'invalid_request', 'Choose two different revisions to compare.');
  const [older, newer] = readable.indexOf(from) < readable.indexOf(to) ? [from, to] : [to, from];

  const olderText = await comparedText(parts, older);
  const newerText = await comparedText(parts, newer);
  const { rows, counts } = compareParagraphs(olderText.paragraphs, newerText.paragraphs);

  const olderProposals = await withCurrentText(
    { store, rooms },
    older.id,
    (doc): OlderProposals => ({ records: readableRecords(doc), inText: proposalsInDoc(doc) }),
  );
  const later: LaterRevision[] = [];
  // Proposals go from a revision to the next one started from it; the revisions of a document follow one another.
  for (const revision of readable.slice(readable.indexOf(older) + 1, readable.indexOf(newer) + 1)) {
    later.push({
      revision: { id: revision.id, name: revision.name },
      records: await withCurrentText({ store, rooms }, revision.id, readableRecords),
    });
  }
  const delegations = new Map((await store.listDelegations(s.meeting.id)).map((d) => [d.id, d] as const));

  const { meeting } = s;
  return {
    meeting: meetingView(meeting),
    document: { id: document.id, title: document.title },
    revisions: readable.map(revisionSummary),
    older: { revision: revisionSummary(older), text: olderText.text },
    newer: { revision: revisionSummary(newer), text: newerText.text },
    counts,
    rows,
    proposals: proposalOutcomes(olderProposals, later, delegations),
  };
}

const nothingToCompare = (reason: string) => new HttpError(409, 'nothing_to_compare', reason);

/**
 * A revision the reader asked for: one of this document's they may read. Another document's
 * revision they may read is refused with the reason; one that does not exist for them (unknown,
 * of a meeting they are not in, in preparation while they may not see it) is not found.
 */
async function chosen(
  store: Store,
  principal: Principal,
  document: DocumentRecord,
  readable: readonly RevisionRecord[],
  revisionId: string,
): Promise<RevisionRecord> {
  const revision = readable.find((r) => r.id === revisionId);
  if (revision) return revision;
  const elsewhere = await standingOnRevision(store, principal, revisionId);
  if (elsewhere && elsewhere.document.id !== document.id) {
    throw new HttpError(
      400,
      'invalid_request',
      `${elsewhere.revision.name} is a revision of ${elsewhere.document.title}, not of ${document.title}: compare two revisions of the same document.`,
    );
  }
  throw notFound('The revision');
}
