import type { Editor } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SuggestControl } from '../Toolbar.tsx';
import type { Proposer } from './proposer.ts';
import { SuggestMode } from './suggest-mode.ts';

export interface SuggestModeUse {
  /** The editor extension; it goes in the editor's extensions when the editor is made. */
  extension: typeof SuggestMode;
  suggesting: boolean;
  /** For the toolbar's mode switch; null when the text is read-only. */
  control: SuggestControl | null;
  /** Why the last change was not made, in words for the user, until the next one is. */
  refusal: string | null;
  clearRefusal: () => void;
}

/**
 * Whether the user's changes become proposals: always for a delegate ('propose'), by choice
 * for the pen-holder ('pen', editing at first), never on a read-only text.
 */
export function useSuggestMode(
  mode: RevisionAccessMessage['mode'],
  editable: boolean,
  proposer: Proposer | null,
): SuggestModeUse {
  const [penSuggesting, setPenSuggesting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const suggesting = editable && (mode === 'propose' || (mode === 'pen' && penSuggesting));
  const initiallySuggesting = useRef(suggesting);
  const delegation = proposer?.delegation;
  const user = proposer?.user;
  const extension = useMemo(
    () =>
      SuggestMode.configure({
        proposer: delegation && user ? { delegation, user } : null,
        suggesting: initiallySuggesting.current,
        onRefused: setRefusal,
      }),
    [delegation, user],
  );
  const control: SuggestControl | null =
    editable && mode !== 'read' ? { mode, suggesting, onSuggestingChange: setPenSuggesting } : null;
  const clearRefusal = useCallback(() => setRefusal(null), []);
  return { extension, suggesting, control, refusal: suggesting ? refusal : null, clearRefusal };
}

/** Keeps the editor's suggest mode as decided, and clears a refusal once a change goes through. */
export function useSuggesting(editor: Editor, { suggesting, clearRefusal }: SuggestModeUse): void {
  useEffect(() => {
    editor.commands.setSuggesting(suggesting);
  }, [editor, suggesting]);
  useEffect(() => {
    const changed = ({ transaction }: { transaction: Parameters<typeof isChangeOrigin>[0] }) => {
      if (!isChangeOrigin(transaction)) clearRefusal();
    };
    editor.on('update', changed);
    return () => {
      editor.off('update', changed);
    };
  }, [editor, clearRefusal]);
}
