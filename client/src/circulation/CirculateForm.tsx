import type { Meeting, RevisionSummary } from '@zerodraft/shared/api/meetings.ts';
import { MAX_COVER_NOTE_CHARS, MAX_REVISION_NAME_CHARS } from '@zerodraft/shared/lifecycle/circulation.ts';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { circulateRevision } from '../api/revisions.ts';
import { useDisclosure } from '../layout/use-disclosure.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';
import { venueToday } from './venue-today.ts';

interface Props {
  meeting: Pick<Meeting, 'timeZone' | 'venue'>;
  revision: RevisionSummary;
  /** Called with what to tell the reader once the server has circulated it. */
  onCirculated: (message: string) => void;
}

/**
 * The Chair's "Circulate…" on a revision in preparation: its name, the date printed on it (the
 * venue's today unless changed) and the cover note that goes with it to every delegation.
 */
export function CirculateForm(props: Props) {
  const { open, setOpen, openerRef } = useDisclosure();

  if (!open) {
    return (
      <button
        ref={openerRef}
        type="button"
        className="zd-button zd-button-primary"
        aria-expanded="false"
        onClick={() => setOpen(true)}
      >
        Circulate…
      </button>
    );
  }
  return <CirculationFields {...props} onCancel={() => setOpen(false)} />;
}

function CirculationFields({ meeting, revision, onCirculated, onCancel }: Props & { onCancel: () => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const act = useAct(onCirculated);

  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const request = { name: text('name'), date: text('date'), coverNote: text('coverNote') };
    void act.run(`Circulating ${request.name || revision.name}…`, async () => {
      const { revision: circulated, superseded } = await circulateRevision(revision.id, request);
      const replaced = superseded.map((r) => r.name).join(', ');
      return `${circulated.name} is circulated to every delegation${replaced ? `; ${replaced} is superseded` : ''}.`;
    });
  };

  return (
    <form ref={formRef} className="zd-form zd-form-wide" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>Circulate this revision</h2>
      <p className="zd-hint">
        Every participant sees it at once, with your cover note; the revision circulated before it is superseded and its
        text frozen. The text as circulated is kept unchanged for comparison.
      </p>
      <div className="zd-field-row">
        <div className="zd-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={MAX_REVISION_NAME_CHARS}
            defaultValue={revision.name}
            aria-describedby={`${id}-name-hint`}
          />
          <p id={`${id}-name-hint`} className="zd-hint">
            For example Draft 1 or Rev.1.
          </p>
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-date`}>Date printed on it</label>
          <input
            id={`${id}-date`}
            name="date"
            type="date"
            required
            defaultValue={venueToday(meeting.timeZone)}
            aria-describedby={`${id}-date-hint`}
          />
          <p id={`${id}-date-hint`} className="zd-hint">
            A day in {meeting.venue}.
          </p>
        </div>
      </div>
      <div className="zd-field">
        <label htmlFor={`${id}-note`}>Cover note</label>
        <textarea
          id={`${id}-note`}
          name="coverNote"
          required
          rows={8}
          maxLength={MAX_COVER_NOTE_CHARS}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="zd-hint">
          The letter that goes with the revision: what it reflects, and how consultations will go on.
        </p>
      </div>
      <ActStatus act={act} />
      <div className="zd-form-actions">
        <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
          Circulate to all delegations
        </button>
        <button type="button" className="zd-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
