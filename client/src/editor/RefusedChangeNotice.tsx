import { useId } from 'react';
import { CopyButton } from '../clipboard/CopyButton.tsx';

/** A change the server did not apply, and the words it held, kept for the user to copy. */
export interface RefusedChange {
  /** The server's reason, as it closed the connection. */
  reason: string;
  /** The runs of words typed in the refused change and not confirmed stored before it. */
  passages: string[];
}

/**
 * Shown above the text after the server refused a change and the editor started again from
 * the server's text: why, and the words typed, never silently dropped (DESIGN.md §3).
 */
export function RefusedChangeNotice({ refused, onDismiss }: { refused: RefusedChange; onDismiss: () => void }) {
  const id = useId();
  const words = refused.passages.join('\n\n');

  return (
    <section className="zd-notice zd-refused" role="alert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="zd-notice-title">
        {refused.reason}
      </h2>
      <p>
        Your change was not applied. The text below is the text as the server holds it
        {words ? '; the words you typed are here for you to copy.' : '.'}
      </p>
      {words && (
        <>
          <label htmlFor={`${id}-words`} className="zd-refused-label">
            The words you typed
          </label>
          <textarea
            id={`${id}-words`}
            className="zd-refused-words"
            readOnly
            value={words}
            rows={Math.min(8, Math.max(2, words.split('\n').length + 1))}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
      <div className="zd-notice-actions">
        {words && <CopyButton text={words} label="Copy the words" primary />}
        <button type="button" className="zd-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
