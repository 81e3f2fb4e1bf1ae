import type { Meeting, RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import type { Acknowledgements, Circulation } from '@zerodraft/shared/api/revisions.ts';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import { mayCirculate } from '@zerodraft/shared/lifecycle/circulation.ts';
import { useCallback, useState } from 'react';
import { useRevalidator } from 'react-router';
import { acknowledgeRevision } from '../api/revisions.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';
import { DateTime } from '../time/DateTime.tsx';
import { type Clock, venueClock } from '../time/format.ts';
import { CirculateForm } from './CirculateForm.tsx';
import { useAcknowledgements } from './use-acknowledgements.ts';
import { formatDated } from './venue-today.ts';
import './circulation.css';

interface Props {
  meeting: Meeting;
  revision: RevisionSummary;
  participation: Participation;
}

/**
 * A revision's circulation, in its page's header: for the Chair, "Circulate…" while it is in
 * preparation; once circulated, its date and cover note, the reader's "Acknowledge receipt"
 * (or when their delegation did), and for the Chair and the Secretariat who has and has not.
 */
export function RevisionCirculation({ meeting, revision, participation }: Props) {
  const { revalidate } = useRevalidator();
  const [said, setSaid] = useState<string | null>(null);
  const circulated = revision.state !== 'in_preparation';
  const { acknowledgements, error, refresh } = useAcknowledgements(revision);
  const clock = venueClock(meeting);

  const circulatedNow = useCallback(
    (message: string) => {
      setSaid(message);
      void revalidate();
    },
    [revalidate],
  );

  return (
    <section className="zd-circulation" aria-label="Circulation">
      {/* Always in the page, so the outcome of an act is said aloud. */}
      <div aria-live="polite">{said && <p className="zd-success">{said}</p>}</div>
      {!circulated && mayCirculate(participation) && (
        <CirculateForm meeting={meeting} revision={revision} onCirculated={circulatedNow} />
      )}
      {error && (
        <p className="zd-act-error" role="alert">
          {error}
        </p>
      )}
      {acknowledgements?.circulation && <CirculationFacts circulation={acknowledgements.circulation} clock={clock} />}
      {acknowledgements && circulated && (
        <Receipts acknowledgements={acknowledgements} clock={clock} onAcknowledged={refresh} />
      )}
    </section>
  );
}

function CirculationFacts({ circulation, clock }: { circulation: Circulation; clock: Clock }) {
  return (
    <>
      <p className="zd-revision-facts">
        Dated {formatDated(circulation.dated)} · circulated by {circulation.circulatedBy.name} (
        {circulation.circulatedBy.delegation}), <DateTime iso={circulation.circulatedAt} clock={clock} />
      </p>
      <details className="zd-cover-note">
        <summary>Cover note</summary>
        <p>{circulation.coverNote}</p>
      </details>
    </>
  );
}

function Receipts({
  acknowledgements,
  clock,
  onAcknowledged,
}: {
  acknowledgements: Acknowledgements;
  clock: Clock;
  onAcknowledged: () => void;
}) {
  const act = useAct(onAcknowledged);
  const { scope, delegations, mayAcknowledge, revisionId } = acknowledgements;
  const acknowledge = () =>
    void act.run('Confirming receipt…', async () => {
      const { receipt } = await acknowledgeRevision(revisionId);
      return `Receipt confirmed for ${receipt.delegation.name}.`;
    });

  if (scope === 'own') {
    const own = delegations[0];
    return (
      <div className="zd-receipt" aria-live="polite">
        {own?.receivedAt ? (
          <p>
            Received on <DateTime iso={own.receivedAt} clock={clock} /> by {own.receivedBy} for {own.delegation.name}.
          </p>
        ) : (
          mayAcknowledge && (
            <button type="button" className="zd-button" aria-disabled={act.running !== null} onClick={acknowledge}>
              Acknowledge receipt
            </button>
          )
        )}
        <ActStatus act={act} />
      </div>
    );
  }

  const received = delegations.filter((d) => d.receivedAt !== null);
  const waiting = delegations.filter((d) => d.receivedAt === null);
  return (
    <details className="zd-receipts">
      <summary>
        Receipt confirmed by {received.length} of {delegations.length}{' '}
        {delegations.length === 1 ? 'delegation' : 'delegations'}
      </summary>
      <div className="zd-receipts-lists">
        <section aria-label="Have confirmed receipt">
          <h3>Have confirmed</h3>
          {received.length === 0 ? (
            <p className="zd-muted">None yet.</p>
          ) : (
            <ul>
              {received.map((d) => (
                <li key={d.delegation.id}>
                  {d.delegation.name}: {d.receivedBy}, {d.receivedAt && <DateTime iso={d.receivedAt} clock={clock} />}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Have not confirmed receipt">
          <h3>Have not confirmed</h3>
          {waiting.length === 0 ? (
            <p className="zd-muted">Every delegation has confirmed.</p>
          ) : (
            <ul>
              {waiting.map((d) => (
                <li key={d.delegation.id}>{d.delegation.name}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </details>
  );
}
