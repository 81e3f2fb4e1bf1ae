import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { signInPath } from '../session/sign-in-redirect.ts';
import { type CollabSession, useCollabSession } from './collab-session.ts';
import type { ConnectionState } from './connection.ts';
import { DocumentEditor } from './DocumentEditor.tsx';
import { PresenceList } from './PresenceList.tsx';
import { StatusBar } from './StatusBar.tsx';

interface Props {
  revisionId: string;
  user: PresenceUser;
  editable: boolean;
  label: string;
}

/** A revision's live text with its connection and save state and who else is here. */
export function RevisionEditor(props: Props) {
  // Reloading means a fresh Y.Doc: a Yjs client cannot take back a change the server refused
  // (DESIGN.md §3), so it starts again from the server's state.
  const [generation, setGeneration] = useState(0);
  return <LiveRevision key={generation} {...props} reload={() => setGeneration((n) => n + 1)} />;
}

function LiveRevision({ revisionId, reload, ...props }: Props & { reload: () => void }) {
  const session = useCollabSession(revisionId, props.user);
  if (!session) return <p className="zd-loading">Connecting…</p>;
  return <OpenRevision session={session} reload={reload} {...props} />;
}

function OpenRevision({
  session,
  user,
  editable,
  label,
  reload,
}: Omit<Props, 'revisionId'> & { session: CollabSession; reload: () => void }) {
  const connection = useSyncExternalStore(session.connection.subscribe, () => session.connection.state);
  const saved = useSyncExternalStore(session.persisted.subscribe, () => session.persisted.state === 'saved');
  const [hasSynced, setHasSynced] = useState(session.provider.synced);

  useEffect(() => {
    const onSync = (synced: boolean) => synced && setHasSynced(true);
    session.provider.on('sync', onSync);
    return () => session.provider.off('sync', onSync);
  }, [session]);

  useEffect(() => {
    if (saved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saved]);

  return (
    <div className="zd-workspace">
      <PresenceList awareness={session.provider.awareness} />
      {connection.kind === 'closed' && <ClosedNotice connection={connection} saved={saved} reload={reload} />}
      {hasSynced ? (
        <DocumentEditor
          session={session}
          user={user}
          editable={editable && connection.kind !== 'closed'}
          label={label}
        />
      ) : (
        connection.kind !== 'closed' && <p className="zd-loading">Loading the text from the server…</p>
      )}
      <StatusBar session={session} />
    </div>
  );
}

function ClosedNotice({
  connection,
  saved,
  reload,
}: {
  connection: Extract<ConnectionState, { kind: 'closed' }>;
  saved: boolean;
  reload: () => void;
}) {
  const location = useLocation();
  const signedOut = connection.code === CloseCode.Unauthorized.code;
  return (
    <div className="zd-notice" role="alert">
      <p className="zd-notice-title">
        {connection.reason || `The server closed the connection (code ${connection.code}).`}
      </p>
      {!saved && <p>Your most recent changes were not saved. Copy any words you need before continuing.</p>}
      {signedOut ? (
        <Link
          className="zd-button zd-button-primary"
          to={signInPath(new URL(location.pathname, window.location.origin))}
        >
          Sign in again
        </Link>
      ) : (
        connection.code !== CloseCode.RevisionNotFound.code && (
          <button type="button" className="zd-button zd-button-primary" onClick={reload}>
            Load the current text from the server
          </button>
        )
      )}
    </div>
  );
}
