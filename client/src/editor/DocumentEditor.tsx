import type { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { DOCUMENT_FIELD, type RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import { documentExtensions } from '@zerodraft/shared/schema/document.ts';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useProposalRecords } from '../proposals/use-proposal-records.ts';
import { renderCaret, renderSelection } from './caret.ts';
import type { CollabSession } from './collab-session.ts';
import { delegationLooks, delegationStyles } from './suggest/delegation-styles.ts';
import type { Proposer } from './suggest/proposer.ts';
import { useSuggesting, useSuggestMode } from './suggest/use-suggest-mode.ts';
import { Toolbar } from './Toolbar.tsx';
import './suggest/suggestions.css';

interface Props {
  session: CollabSession;
  user: PresenceUser;
  editable: boolean;
  /** How the server takes this user's changes: directly with the pen, or as proposals. */
  mode: RevisionAccessMessage['mode'];
  /** Whose proposals the user's changes become in suggest mode. */
  proposer: Proposer | null;
  /** Names the text for screen readers, e.g. "Draft 1 of the outcome document". */
  label: string;
  /** Shown beside the page with access to the editor, e.g. the proposals panel. */
  renderAside?: (editor: Editor) => ReactNode;
}

/**
 * The revision's text, bound to its Y.Doc. Mount it only after the provider's first sync:
 * an editor started on an empty Y.Doc would write a blank document over the server's.
 */
export function DocumentEditor({ session, user, editable, mode, proposer, label, renderAside }: Props) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const suggest = useSuggestMode(mode, editable, proposer);
  const editor = useEditor(
    {
      editable,
      extensions: [
        ...documentExtensions,
        Collaboration.configure({ document: session.ydoc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({
          provider: session.provider,
          user,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
        suggest.extension,
      ],
      editorProps: {
        attributes: {
          id: 'revision-text',
          class: 'zd-document',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
        handleKeyDown: (_view, event) => {
          if (event.altKey && event.key === 'F10') {
            toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
            return true;
          }
          return false;
        },
      },
    },
    [session],
  );

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  useSuggesting(editor, suggest);

  const records = useProposalRecords(session.ydoc);
  const ownDelegation = proposer?.delegation;
  const styles = useMemo(() => {
    const own = ownDelegation ? { id: ownDelegation, look: { name: user.delegation, colour: user.colour } } : null;
    return delegationStyles(delegationLooks(records.values(), own));
  }, [records, ownDelegation, user.delegation, user.colour]);

  return (
    <div className="zd-editor">
      <style>{styles}</style>
      {editable && suggest.control && <Toolbar editor={editor} toolbarRef={toolbarRef} suggest={suggest.control} />}
      {/* Always in the page, so a screen reader hears why a change was not made. */}
      <div className="zd-suggest-live" aria-live="polite">
        {suggest.refusal && <p className="zd-suggest-note">{suggest.refusal}</p>}
      </div>
      <EditorContent editor={editor} className="zd-page" />
      {renderAside && <aside className="zd-editor-aside">{renderAside(editor)}</aside>}
    </div>
  );
}
