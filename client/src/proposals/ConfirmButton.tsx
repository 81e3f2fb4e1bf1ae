import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  /** Asked before the act, e.g. "Accept all 23 pending proposals? …". */
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  danger?: boolean;
}

/**
 * A button for an act that cannot be taken back: a first press asks, a second confirms.
 * Focus moves to the confirmation and back to the button on cancel (Escape cancels too).
 */
export function ConfirmButton({ label, question, confirmLabel, busy, onConfirm, danger = false }: Props) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) buttonRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="zd-button zd-act"
        aria-disabled={busy}
        onClick={() => !busy && setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="zd-confirm-act" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
      <legend className="zd-confirm-question">{question}</legend>
      <button
        ref={confirmRef}
        type="button"
        className={`zd-button ${danger ? 'zd-button-danger' : 'zd-button-primary'}`}
        aria-disabled={busy}
        onClick={() => {
          if (busy) return;
          returnFocus.current = true;
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="zd-button" onClick={cancel}>
        Cancel
      </button>
    </fieldset>
  );
}
