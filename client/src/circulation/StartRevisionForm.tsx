import type { DocumentSummary } from '@zerodraft/shared/api/meetings.ts';
import { MAX_REVISION_NAME_CHARS, nextRevisionName } from '@zerodraft/shared/lifecycle/circulation.ts';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { startRevision } from '../api/revisions.ts';
import { useDisclosure } from '../layout/use-disclosure.ts';
import { ActStatus } from '../proposals/ActStatus.tsx';
import { useAct } from '../proposals/use-act.ts';

const revisionPath = (id: string) => `/revisions/${encodeURIComponent(id)}`;

/**
 * The Chair's "Start the next revision…" for one document: from the circulated revision, with
 * its pending proposals carried forward (still attributed) or left behind. The new revision
 * opens in the editor, in preparation, for the pen.
 */
export function StartRevisionForm({ document }: { document: DocumentSummary }) {
  const preparing = document.revisions.find((r) => r.state === 'in_preparation');
  const current = document.revisions.findLast((r) => r.state === 'circulated');
  const { open, setOpen, openerRef } = useDisclosure();

  if (preparing) {
    return (
      <p className="zd-hint">
        <Link to={revisionPath(preparing.id)}>{preparing.name}</Link> is in preparation: open it to edit and circulate
        it.
      </p>
    );
  }
  if (!current) return null;
  if (!open) {
    return (
      <button ref={openerRef} type="button" className="zd-button" aria-expanded="false" onClick={() => setOpen(true)}>
        Start the next revision…
      </button>
    );
  }
  return (
    <NextRevisionFields
      document={document}
      fromId={current.id}
      fromName={current.name}
      onCancel={() => setOpen(false)}
    />
  );
}

function NextRevisionFields({
  document,
  fromId,
  fromName,
  onCancel,
}: {
  document: DocumentSummary;
  fromId: string;
  fromName: string;
  onCancel: () => void;
}) {
  const id = useId();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const suggested = nextRevisionName(document.revisions.map((r) => r.name));
  const startedId = useRef<string | null>(null);
  const act = useAct(() => {
    if (startedId.current) void navigate(revisionPath(startedId.current));
  });

  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const carryForward = data.get('carryForward') === 'yes';
    void act.run(`Starting ${name || suggested}…`, async () => {
      const started = await startRevision(document.id, { from: fromId, carryForward, ...(name && { name }) });
      startedId.current = started.revision.id;
      return `${started.revision.name} is in preparation.`;
    });
  };

  return (
    <form ref={formRef} className="zd-form zd-form-wide" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h4 id={`${id}-title`}>Start the next revision of {document.title}</h4>
      <p className="zd-hint">
        It starts from the text of {fromName} as it stands now. Until you circulate it, only the pen-holders and the
        Secretariat see it.
      </p>
      <div className="zd-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          name="name"
          maxLength={MAX_REVISION_NAME_CHARS}
          placeholder={suggested}
          aria-describedby={`${id}-name-hint`}
        />
        <p id={`${id}-name-hint`} className="zd-hint">
          Left empty, it is called {suggested}. You can rename it when you circulate it.
        </p>
      </div>
      <fieldset className="zd-fieldset">
        <legend>Pending proposals of {fromName}</legend>
        <div className="zd-field">
          <label className="zd-inline-check">
            <input type="radio" name="carryForward" value="yes" defaultChecked /> Carry them forward, still attributed
            to their delegations
          </label>
          <label className="zd-inline-check">
            <input type="radio" name="carryForward" value="no" /> Leave them behind: the new revision starts without
            them
          </label>
        </div>
      </fieldset>
      <ActStatus act={act} />
      <div className="zd-form-actions">
        <button type="submit" className="zd-button zd-button-primary" aria-disabled={act.running !== null}>
          Start the revision
        </button>
        <button type="button" className="zd-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
