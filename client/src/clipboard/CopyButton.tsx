import { useState } from 'react';

/**
 * Copies `text` and says so where a screen reader hears it; when the browser refuses (no
 * permission, not a secure context) it says how to copy by hand instead.
 */
export function CopyButton({ text, label, primary = false }: { text: string; label: string; primary?: boolean }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <span className="zd-copy">
      <button type="button" className={primary ? 'zd-button zd-button-primary' : 'zd-button'} onClick={copy}>
        {label}
      </button>
      <span aria-live="polite" className="zd-muted">
        {outcome === 'copied' && 'Copied.'}
        {outcome === 'failed' && 'The browser did not allow copying: select the text and press Ctrl+C.'}
      </span>
    </span>
  );
}
