import { BreakSilenceRequest, type SilenceProcedureView } from '@zerodraft/shared/api/silence.ts';
import { MAX_OBJECTION_CHARS } from '@zerodraft/shared/lifecycle/silence.ts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { breakSilence } from '../api/silence.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';

interface Props {
  revisionId: string;
  /** The reader's delegation, in whose name silence is broken. */
  delegationName: string;
  /** "Friday 30 July 2021, 12:00 (New York)" */
  deadlineAtVenue: string;
  /** Called with what to tell the reader once the server has recorded the objection. */
  onBroken: (message: string, procedure: SilenceProcedureView) => void;
}

/**
 * "Break silence…": a written objection (required, visible to all), read back for a second,
 * deliberate confirmation, then sent. The outcome is said by the page, as the procedure ends.
 */
export function BreakSilenceDialog({ revisionId, delegationName, deadlineAtVenue, onBroken }: Props) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [objection, setObjection] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const objectionRef = useRef<HTMLTextAreaElement>(null);
  const broken = useRef<SilenceProcedureView | null>(null);
  const act = useAct((message) => {
    dialogRef.current?.close();
    if (broken.current) onBroken(message, broken.current);
  });

  // Focus follows the step: the confirmation, or back to the words to change them.
  useEffect(() => {
    if (!dialogRef.current?.open) return;
    if (confirming) confirmRef.current?.focus();
    else objectionRef.current?.focus();
  }, [confirming]);

  const open = () => {
    setConfirming(false);
    setProblem(null);
    dialogRef.current?.showModal();
  };

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = BreakSilenceRequest.safeParse({ objection });
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? 'Give the objection.');
      return;
    }
    setProblem(null);
    setConfirming(true);
  };

  const send = () =>
    void act.run('Breaking silence…', async () => {
      broken.current = (await breakSilence(revisionId, objection)).procedure;
      return `Silence is broken in the name of ${delegationName}. Your objection is shown to everyone, and the text is open again.`;
    });

  return (
    <>
      <button type="button" className="zd-button zd-button-danger" aria-haspopup="dialog" onClick={open}>
        Break silence…
      </button>
      <dialog ref={dialogRef} className="zd-dialog" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Break silence for {delegationName}</h2>
        {confirming ? (
          <div className="zd-break-confirm">
            <p>
              Break silence in the name of {delegationName}, with this objection? The text will not be adopted at{' '}
              {deadlineAtVenue}; it opens again for proposals. This cannot be undone.
            </p>
            <blockquote className="zd-objection-text">{objection.trim()}</blockquote>
            <ActStatus act={act} />
            <div className="zd-form-actions">
              <button
                ref={confirmRef}
                type="button"
                className="zd-button zd-button-danger"
                aria-disabled={act.running !== null}
                onClick={send}
              >
                Break silence
              </button>
              <button type="button" className="zd-button" onClick={() => setConfirming(false)}>
                Change the objection
              </button>
            </div>
          </div>
        ) : (
          <form className="zd-form" onSubmit={review} noValidate>
            <p>
              Your objection ends the silence procedure: the text is not adopted and opens again for proposals. Everyone
              in the meeting sees it, with the name of {delegationName}, yours and the time.
            </p>
            <label htmlFor={`${id}-objection`}>Objection (required)</label>
            <textarea
              ref={objectionRef}
              id={`${id}-objection`}
              rows={7}
              maxLength={MAX_OBJECTION_CHARS}
              value={objection}
              aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
              aria-invalid={problem !== null}
              onChange={(event) => setObjection(event.target.value)}
            />
            <p id={`${id}-count`} className="zd-hint">
              {objection.length} of {MAX_OBJECTION_CHARS} characters.
            </p>
            {problem && (
              <p id={`${id}-problem`} className="zd-field-error" role="alert">
                {problem}
              </p>
            )}
            <div className="zd-form-actions">
              <button type="submit" className="zd-button zd-button-primary">
                Continue
              </button>
              <button type="button" className="zd-button" onClick={() => dialogRef.current?.close()}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
