import type { FacilitatorAppointment } from '@zerodraft/shared/api/facilitators.ts';
import type { Participation } from '@zerodraft/shared/api/session.ts';
import { mayEver } from '@zerodraft/shared/roles/permissions.ts';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { appointFacilitator, fetchFacilitators, removeFacilitator } from '../api/facilitators.ts';
import { useLatestAnswer } from '../api/use-latest-answer.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';
import { DateTime } from '../time/DateTime.tsx';
import type { Clock } from '../time/format.ts';
import './silence.css';

interface Props {
  documentId: string;
  documentTitle: string;
  participation: Participation;
  /** The signed-in user, to tell them when they are the one appointed. */
  userId: string | undefined;
  clock: Clock;
}

const person = (f: { name: string; delegation: { name: string } }) => `${f.name} (${f.delegation.name})`;

/**
 * "Facilitators for the silence procedure", on a document's history page: who the Chair
 * appointed to run the procedure on this document (DESIGN.md §3, "if appointed"), and for the
 * Chair, appointing one of the meeting's facilitators and removing an appointment.
 */
export function SilenceFacilitators({ documentId, documentTitle, participation, userId, clock }: Props) {
  const id = useId();
  const { answer, error, load, cancel } = useLatestAnswer(fetchFacilitators);
  const [said, setSaid] = useState<string | null>(null);
  const mayAppoint = mayEver(participation, 'appointFacilitators');

  useEffect(() => {
    load(documentId);
    return cancel;
  }, [documentId, load, cancel]);

  const done = useCallback(
    (message: string) => {
      setSaid(message);
      load(documentId);
    },
    [documentId, load],
  );
  const act = useAct(done);

  const appoint = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('facilitator');
    const candidate = answer?.candidates.find((c) => c.userId === chosen);
    if (!candidate) return;
    void act.run(`Appointing ${candidate.name}…`, async () => {
      await appointFacilitator(documentId, candidate.userId);
      return `${person(candidate)} is appointed to run the silence procedure on ${documentTitle}.`;
    });
  };

  const remove = (appointment: FacilitatorAppointment) =>
    void act.run(`Removing ${appointment.name}’s appointment…`, async () => {
      await removeFacilitator(documentId, appointment.userId);
      return `${person(appointment)} no longer runs the silence procedure on ${documentTitle}.`;
    });

  const appointed = answer?.appointed ?? [];
  const you = appointed.some((a) => a.userId === userId);
  return (
    <section className="zd-silence-facilitators" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Facilitators for the silence procedure</h2>
      {you && <p className="zd-appointed-you">You are appointed to run the silence procedure on this document.</p>}
      {/* Always in the page, so the outcome of an act is said aloud. */}
      <div aria-live="polite">{said && <p className="zd-success">{said}</p>}</div>
      {error && (
        <p className="zd-act-error" role="alert">
          {error}
        </p>
      )}
      {answer &&
        (appointed.length === 0 ? (
          <p className="zd-hint">No facilitator is appointed: the Chair runs the silence procedure on this document.</p>
        ) : (
          <ul className="zd-facilitator-list">
            {appointed.map((appointment) => (
              <li key={appointment.userId}>
                <strong>{person(appointment)}</strong>{' '}
                <span className="zd-muted">
                  appointed by {appointment.appointedBy.name} ({appointment.appointedBy.delegation}),{' '}
                  <DateTime iso={appointment.appointedAt} clock={clock} />
                </span>{' '}
                {mayAppoint && (
                  <button
                    type="button"
                    className="zd-button zd-act"
                    aria-label={`Remove ${person(appointment)}`}
                    aria-disabled={act.running !== null}
                    onClick={() => remove(appointment)}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {answer &&
        mayAppoint &&
        (answer.candidates.length > 0 ? (
          <form className="zd-appoint-facilitator" aria-label="Appoint a facilitator" onSubmit={appoint}>
            <div className="zd-field">
              <label htmlFor={`${id}-facilitator`}>Facilitator to appoint</label>
              <select id={`${id}-facilitator`} name="facilitator" required>
                {answer.candidates.map((candidate) => (
                  <option key={candidate.userId} value={candidate.userId}>
                    {person(candidate)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
              Appoint
            </button>
          </form>
        ) : (
          <p className="zd-hint">
            {appointed.length === 0 ? 'No one' : 'No one else'} takes part in this meeting as a Facilitator. Give
            someone the Facilitator role on the roster to appoint them.
          </p>
        ))}
      <ActStatus act={act} />
    </section>
  );
}
