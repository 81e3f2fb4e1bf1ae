import type { SilenceProcedureView, StartSilenceRequest } from '@zerodraft/shared/api/silence.ts';
import { type FormEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { startSilence } from '../api/silence.ts';
import { useDisclosure } from '../layout/use-disclosure.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';
import { TimeZoneSelect } from '../time/TimeZoneSelect.tsx';
import { type DeadlineFields, deadlinePreview, noticeRule, suggestedDeadline, type Venue } from './deadline-preview.ts';
import { readerTimeZone } from './reader-time.ts';

interface Props {
  revisionId: string;
  meeting: Venue;
  /** Called with what to tell the reader once the server has placed the text under silence. */
  onStarted: (message: string, procedure: SilenceProcedureView) => void;
}

function fieldsOf(form: HTMLFormElement): DeadlineFields {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { date: text('date'), time: text('time'), timeZone: text('timeZone') };
}

/**
 * "Place under silence…": the deadline as a day, a time and a zone (the venue's unless the
 * Chair names another), read back in the venue's time and the reader's own while it is typed.
 */
export function StartSilenceForm({ revisionId, meeting, onStarted }: Props) {
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
        Place under silence…
      </button>
    );
  }
  return (
    <DeadlineForm
      revisionId={revisionId}
      meeting={meeting}
      onCancel={() => setOpen(false)}
      onStarted={(message, procedure) => {
        setOpen(false);
        onStarted(message, procedure);
      }}
    />
  );
}

function DeadlineForm({ revisionId, meeting, onStarted, onCancel }: Props & { onCancel: () => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => suggestedDeadline(new Date(), meeting));
  const [fields, setFields] = useState(initial);
  const [edits, setEdits] = useState(0);
  /** Why the deadline sent was refused here, before asking the server; cleared by the next edit. */
  const [refused, setRefused] = useState<string | null>(null);
  const started = useRef<SilenceProcedureView | null>(null);
  const act = useAct((message) => started.current && onStarted(message, started.current));

  // Read after the render that an input caused: the zone list sets its choice in its own state.
  useLayoutEffect(() => {
    if (edits > 0 && formRef.current) setFields(fieldsOf(formRef.current));
  }, [edits]);

  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);

  const now = new Date();
  const preview = deadlinePreview(fields, meeting, now, readerTimeZone());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = fieldsOf(event.currentTarget);
    // What cannot be a deadline is not sent. One that looks past or too soon is: this browser's
    // clock may be wrong, and the server refuses on its own clock, in the same words.
    const checked = deadlinePreview(chosen, meeting, new Date(), readerTimeZone());
    if (checked.kind === 'incomplete' || checked.kind === 'impossible') {
      setRefused(checked.message);
      return;
    }
    setRefused(null);
    const request: StartSilenceRequest = { date: chosen.date, time: chosen.time, timeZone: chosen.timeZone };
    void act.run('Placing the text under silence…', async () => {
      const { procedure } = await startSilence(revisionId, request);
      started.current = procedure;
      return `The text is under silence procedure until ${procedure.deadlineAtVenue}. Everyone in the meeting sees the lock now.`;
    });
  };

  return (
    <form
      ref={formRef}
      className="zd-form zd-silence-form"
      aria-labelledby={`${id}-title`}
      onChange={() => {
        setEdits((n) => n + 1);
        setRefused(null);
      }}
      onSubmit={submit}
    >
      <h2 id={`${id}-title`}>Place this revision under silence</h2>
      <p className="zd-hint">
        The text is locked for everyone until the deadline. Any delegation may break silence with a written objection
        before it; if none does, the text is adopted at the deadline.
      </p>
      <p className="zd-hint">{noticeRule(meeting, now)}</p>
      <div className="zd-field-row">
        <div className="zd-field">
          <label htmlFor={`${id}-date`}>Day of the deadline</label>
          <input id={`${id}-date`} name="date" type="date" required defaultValue={initial.date} />
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-time`}>Time of the deadline</label>
          <input id={`${id}-time`} name="time" type="time" required defaultValue={initial.time} />
        </div>
      </div>
      <TimeZoneSelect name="timeZone" label="Time zone of the deadline" defaultValue={meeting.timeZone} />
      <div className="zd-silence-preview" aria-live="polite">
        {preview.kind === 'deadline' ? (
          <>
            <p>
              <strong>Deadline:</strong> {preview.inZoneChosen ? `${preview.inZoneChosen}, that is ` : ''}
              {preview.atVenue}
              {preview.inReaderTime && ` — ${preview.inReaderTime}`}
            </p>
            <p className="zd-hint">{preview.fromNow}.</p>
          </>
        ) : (
          // Once sent and refused, here or by the server, the alert below says it.
          preview.message !== refused &&
          preview.message !== act.error && (
            <p className={preview.kind === 'incomplete' ? 'zd-hint' : 'zd-field-error'}>{preview.message}</p>
          )
        )}
      </div>
      {refused && (
        <p className="zd-act-error" role="alert">
          {refused}
        </p>
      )}
      <ActStatus act={act} />
      <div className="zd-form-actions">
        <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
          Place under silence
        </button>
        <button type="button" className="zd-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
