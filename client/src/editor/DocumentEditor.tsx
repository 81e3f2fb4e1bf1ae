import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentExtensions } from '@zerodraft/shared/schema/document.ts';
import { useEffect, useRef } from 'react';
import { renderCaret, renderSelection } from './caret.ts';
import type { CollabSession } from './collab-session.ts';
import { Toolbar } from './Toolbar.tsx';

interface Props {
  session: CollabSession;
  user: PresenceUser;
  editable: boolean;
  /** Names the text for screen readers, e.g. "Draft 1 of the outcome document". */
  label: string;
}

/**
 * The revision's text, bound to its Y.Doc. Mount it only after the provider's first sync:
 * an editor started on an empty Y.Doc would write a blank document over the server's.
 */
export function DocumentEditor({ session, user, editable, label }: Props) {
  const toolbarRef = useRef<HTMLDivElement>(null);
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

  return (
    <div className="zd-editor">
      {editable && <Toolbar editor={editor} toolbarRef={toolbarRef} />}
      <EditorContent editor={editor} className="zd-page" />
    </div>
  );
}
