import type { SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { useId } from 'react';
import type { Clock } from '../time/format.ts';
import { readerTimeZone, withReaderTime } from './reader-time.ts';

/** Every objection that broke a silence on this revision, with delegation, person and time: visible to all. */
export function ObjectionList({ broken, venue }: { broken: readonly SilenceProcedureView[]; venue: Clock }) {
  const headingId = useId();
  if (broken.length === 0) return null;
  return (
    <section className="zd-silence-objections" aria-labelledby={headingId}>
      <h2 id={headingId}>{broken.length === 1 ? 'Objection' : 'Objections'}</h2>
      <ol>
        {broken.map((procedure) => (
          <li key={procedure.id} className="zd-objection">
            <p className="zd-objection-by">
              <strong>{procedure.endedBy?.delegation}</strong> — {procedure.endedBy?.name},{' '}
              {procedure.endedAt && (
                <time dateTime={procedure.endedAt}>{withReaderTime(procedure.endedAt, venue, readerTimeZone())}</time>
              )}
            </p>
            <blockquote className="zd-objection-text">{procedure.objection}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
