import type { HistoryEntry } from '@zerodraft/shared/api/revisions.ts';
import { Link, useLoaderData, useRouteLoaderData } from 'react-router';
import { comparisonPath } from '../comparison/comparison-data.ts';
import type { appLoader } from '../layout/AppLayout.tsx';
import { revisionStateLabel } from '../meeting/labels.ts';
import { meetingPath } from '../meeting/meeting-data.ts';
import { SilenceFacilitators } from '../silence/SilenceFacilitators.tsx';
import { DateTime } from '../time/DateTime.tsx';
import { type Clock, venueClock } from '../time/format.ts';
import type { historyLoader } from './history-data.ts';
import { proposalsInWords } from './history-words.ts';
import { formatDated } from './venue-today.ts';
import './circulation.css';

/** `/documents/:documentId/history`: every revision the reader may see, oldest first. */
export function HistoryPage() {
  const { meeting, document, revisions, participation } = useLoaderData<typeof historyLoader>();
  const me = useRouteLoaderData<typeof appLoader>('app');
  const clock = venueClock(meeting);
  const names = new Map(revisions.map((entry) => [entry.revision.id, entry.revision.name]));
  return (
    <article className="zd-history">
      <title>{`History — ${document.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>{document.title}: history</h1>
        <p className="zd-hint">Every revision, oldest first. Times are {meeting.venue} time.</p>
        {revisions.length > 1 && (
          <p>
            <Link to={comparisonPath(document.id)}>Compare revisions</Link>
          </p>
        )}
      </header>
      <SilenceFacilitators
        documentId={document.id}
        documentTitle={document.title}
        participation={participation}
        userId={me?.user.id}
        clock={clock}
      />
      <ol className="zd-history-list">
        {revisions.map((entry) => (
          <li key={entry.revision.id} className="zd-document-entry">
            <HistoryItem entry={entry} clock={clock} startedFrom={entry.basedOn && names.get(entry.basedOn)} />
            {entry.basedOn && names.has(entry.basedOn) && (
              <p>
                <Link to={comparisonPath(document.id, { from: entry.basedOn, to: entry.revision.id })}>
                  Compare with the previous revision
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

function HistoryItem({
  entry,
  clock,
  startedFrom,
}: {
  entry: HistoryEntry;
  clock: Clock;
  startedFrom: string | null | undefined;
}) {
  const { revision, circulation, carryForward, proposals } = entry;
  const headingId = `revision-${revision.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/revisions/${encodeURIComponent(revision.id)}`}>{revision.name}</Link>{' '}
        <span className="zd-state" data-state={revision.state}>
          {revisionStateLabel[revision.state]}
        </span>
      </h2>
      <dl className="zd-facts">
        {circulation ? (
          <div>
            <dt>Dated</dt>
            <dd>{formatDated(circulation.dated)}</dd>
          </div>
        ) : (
          <div>
            <dt>Created</dt>
            <dd>
              <DateTime iso={revision.createdAt} clock={clock} />
            </dd>
          </div>
        )}
        {circulation && (
          <div>
            <dt>Circulated</dt>
            <dd>
              <DateTime iso={circulation.circulatedAt} clock={clock} /> by {circulation.circulatedBy.name} (
              {circulation.circulatedBy.delegation})
            </dd>
          </div>
        )}
        {startedFrom && (
          <div>
            <dt>Started from</dt>
            <dd>
              {startedFrom}, pending proposals {carryForward ? 'carried forward' : 'left behind'}
            </dd>
          </div>
        )}
        <div>
          <dt>Proposals</dt>
          <dd>{proposalsInWords(proposals)}</dd>
        </div>
      </dl>
      {circulation && (
        <details>
          <summary>Cover note</summary>
          <p className="zd-history-note">{circulation.coverNote}</p>
        </details>
      )}
    </section>
  );
}
