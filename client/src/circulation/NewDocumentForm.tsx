import { MAX_DOCUMENT_TITLE_CHARS } from '@zerodraft/shared/lifecycle/circulation.ts';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { useNavigate } from 'react-router';
import { startDocument } from '../api/revisions.ts';
import { useDisclosure } from '../layout/use-disclosure.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';

/**
 * The Chair's "New document…": a title, then the zero draft opens in the editor, in
 * preparation, for the pen to write and the Chair to circulate.
 */
export function NewDocumentForm({ meetingId }: { meetingId: string }) {
  const { open, setOpen, openerRef } = useDisclosure();

  if (!open) {
    return (
      <button ref={openerRef} type="button" className="zd-button" aria-expanded="false" onClick={() => setOpen(true)}>
        New document…
      </button>
    );
  }
  return <NewDocumentFields meetingId={meetingId} onCancel={() => setOpen(false)} />;
}

function NewDocumentFields({ meetingId, onCancel }: { meetingId: string; onCancel: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const titleRef = useRef<HTMLInputElement>(null);
  const startedId = useRef<string | null>(null);
  const act = useAct(() => {
    if (startedId.current) void navigate(`/revisions/${encodeURIComponent(startedId.current)}`);
  });

  useEffect(() => titleRef.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get('title') ?? '').trim();
    void act.run(`Starting ${title || 'the document'}…`, async () => {
      const started = await startDocument(meetingId, { title });
      startedId.current = started.revision.id;
      return `${started.document.title}: its zero draft is in preparation.`;
    });
  };

  return (
    <form className="zd-form zd-form-wide" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>New document</h3>
      <p className="zd-hint">
        Its zero draft opens for you to write. Until you circulate it, only the pen-holders and the Secretariat see it.
      </p>
      <div className="zd-field">
        <label htmlFor={`${id}-document-title`}>Title</label>
        <input
          ref={titleRef}
          id={`${id}-document-title`}
          name="title"
          required
          maxLength={MAX_DOCUMENT_TITLE_CHARS}
          placeholder="Outcome document"
        />
      </div>
      <ActStatus act={act} />
      <div className="zd-form-actions">
        <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
          Start the zero draft
        </button>
        <button type="button" className="zd-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
