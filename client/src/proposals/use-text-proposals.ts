import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { type ProposalInText, proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { useEffect, useState } from 'react';
import { outlineOf, type TextOutline } from './outline.ts';

/** How long the text must rest before the panel reads it again, and the longest it waits while typing goes on. */
const QUIET_MS = 150;
const MAX_WAIT_MS = 1000;

export interface TextAccount {
  proposals: ProposalInText[];
  outline: TextOutline;
}

const accountOf = (editor: Editor): TextAccount => ({
  proposals: proposalsInText(editor.state.doc),
  outline: outlineOf(editor.state.doc),
});

/**
 * The proposals and outline of the editor's text, read again once changes pause. Reading a
 * 1,500-paragraph revision takes a few milliseconds: too much for every keystroke, nothing
 * after a pause. A change from Yjs (an act, another delegation's typing) counts like typing.
 */
export function useTextAccount(editor: Editor): TextAccount {
  const [account, setAccount] = useState(() => accountOf(editor));

  useEffect(() => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let longest: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      clearTimeout(quiet);
      clearTimeout(longest);
      quiet = undefined;
      longest = undefined;
      setAccount(accountOf(editor));
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      clearTimeout(quiet);
      quiet = setTimeout(read, QUIET_MS);
      longest ??= setTimeout(read, MAX_WAIT_MS);
    };
    setAccount(accountOf(editor));
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      clearTimeout(quiet);
      clearTimeout(longest);
    };
  }, [editor]);

  return account;
}
