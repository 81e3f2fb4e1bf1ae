import { delegationColour, type PresenceUser } from '@zerodraft/shared/presence.ts';
import { Link, useLoaderData, useRouteLoaderData } from 'react-router';
import { RevisionCirculation } from '../circulation/RevisionCirculation.tsx';
import { RevisionEditor } from '../editor/RevisionEditor.tsx';
import type { appLoader } from '../layout/AppLayout.tsx';
import { isOpenForChanges, revisionStateLabel, revisionStateNote } from '../meeting/labels.ts';
import { SilencePanel } from '../silence/SilencePanel.tsx';
import { DateTime } from '../time/DateTime.tsx';
import { venueClock } from '../time/format.ts';
import type { revisionLoader } from './loader.ts';

export function RevisionPage() {
  const { meeting, document, revision, participation, appointedForSilence } = useLoaderData<typeof revisionLoader>();
  const me = useRouteLoaderData<typeof appLoader>('app');
  const user: PresenceUser = {
    name: me?.user.name ?? '',
    delegation: participation.delegation.name,
    colour: delegationColour(participation.delegation.code),
  };
  // When the text is frozen the editor says why, in the server's words; only the note on a
  // revision in preparation (who can see it) says something the editor does not.
  const note = isOpenForChanges(revision.state) ? revisionStateNote[revision.state] : null;

  return (
    <article className="zd-revision">
      <title>{`${revision.name} — ${document.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>
          {document.title}: {revision.name}
        </h1>
        <p className="zd-revision-facts">
          <span className="zd-state" data-state={revision.state}>
            {revisionStateLabel[revision.state]}
          </span>{' '}
          · created <DateTime iso={revision.createdAt} clock={venueClock(meeting)} />
        </p>
        {note && <p className="zd-state-note">{note}</p>}
        <p>
          <Link to={`/revisions/${encodeURIComponent(revision.id)}/compilation`}>Compilation of proposals</Link>
        </p>
        <RevisionCirculation meeting={meeting} revision={revision} participation={participation} />
      </header>
      <SilencePanel
        meeting={meeting}
        revision={revision}
        participation={participation}
        appointed={appointedForSilence}
      />
      <RevisionEditor
        revisionId={revision.id}
        user={user}
        label={`Text of ${revision.name}, ${document.title}`}
        participation={participation}
        clock={venueClock(meeting)}
        proposer={me ? { delegation: participation.delegation.id, user: me.user.id } : null}
      />
    </article>
  );
}
