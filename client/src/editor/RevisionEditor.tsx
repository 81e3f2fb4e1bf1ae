import type { Participation } from '@zerodraft/shared/api/session.ts';
import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useLocation, useRevalidator } from 'react-router';
import { ProposalsPanel } from '../proposals/ProposalsPanel.tsx';
import { signInPath } from '../session/sign-in-redirect.ts';
import type { Clock } from '../time/format.ts';
import { type CollabSession, useCollabSession } from './collab-session.ts';
import type { ConnectionState } from './connection.ts';
import { DocumentEditor } from './DocumentEditor.tsx';
import { PresenceList } from './PresenceList.tsx';
import { type RefusedChange, RefusedChangeNotice } from './RefusedChangeNotice.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { Proposer } from './suggest/proposer.ts';

interface Props {
  revisionId: string;
  user: PresenceUser;
  label: string;
  /** The reader's place in the meeting: which acts on proposals the panel offers. */
  participation: Participation;
  /** The venue's clock, for the times in the proposals panel. */
  clock: Clock;
  /** Whose proposals this user's changes become in suggest mode. */
  proposer: Proposer | null;
}

/** A revision's live text with its connection and save state and who else is here. */
export function RevisionEditor(props: Props) {
  // Reloading means a fresh Y.Doc: a Yjs client cannot take back a change the server refused
  // (DESIGN.md §3), so it starts again from the server's state.
  const [generation, setGeneration] = useState(0);
  const [refused, setRefused] = useState<RefusedChange | null>(null);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const resynchronise = useCallback((refusal: RefusedChange) => {
    // Words refused earlier stay on screen until the user dismisses them.
    setRefused((earlier) => ({
      reason: refusal.reason,
      passages: [...(earlier?.passages ?? []), ...refusal.passages],
    }));
    setGeneration((n) => n + 1);
  }, []);
  return (
    <>
      {refused && <RefusedChangeNotice refused={refused} onDismiss={() => setRefused(null)} />}
      <LiveRevision key={generation} {...props} reload={reload} onRefused={resynchronise} />
    </>
  );
}

interface Reloads {
  reload: () => void;
  onRefused: (refusal: RefusedChange) => void;
}

function LiveRevision({ revisionId, ...props }: Props & Reloads) {
  const session = useCollabSession(revisionId, props.user);
  if (!session) return <p className="zd-loading">Connecting…</p>;
  return <OpenRevision session={session} revisionId={revisionId} {...props} />;
}

function OpenRevision({
  session,
  revisionId,
  user,
  label,
  participation,
  clock,
  proposer,
  reload,
  onRefused,
}: Props & Reloads & { session: CollabSession }) {
  const connection = useSyncExternalStore(session.connection.subscribe, () => session.connection.state);
  const saved = useSyncExternalStore(session.persisted.subscribe, () => session.persisted.state === 'saved');
  const access = useSyncExternalStore(session.access.subscribe, () => session.access.access);
  const [hasSynced, setHasSynced] = useState(session.provider.synced);
  const refusal =
    connection.kind === 'closed' && connection.code === CloseCode.UpdateRefused.code ? connection.reason : null;

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

  // The server did not apply a change made here: keep the words typed, then start again from
  // the server's text (DESIGN.md §3).
  useEffect(() => {
    if (refusal === null) return;
    onRefused({ reason: refusal || CloseCode.UpdateRefused.reason, passages: session.unconfirmed.passages() });
  }, [refusal, session, onRefused]);

  // A new role changes more than the editor: the header and the page say the role too.
  const { revalidate } = useRevalidator();
  const previousAccess = useRef(access);
  useEffect(() => {
    const before = previousAccess.current;
    previousAccess.current = access;
    if (before !== null && access !== null && before !== access) void revalidate();
  }, [access, revalidate]);

  const editable = access?.write === true && connection.kind !== 'closed';
  const readOnlyReason = hasSynced && access && !access.write ? access.reason : null;

  return (
    <div className="zd-workspace">
      <PresenceList awareness={session.provider.awareness} />
      {connection.kind === 'closed' && refusal === null && (
        <ClosedNotice connection={connection} saved={saved} reload={reload} />
      )}
      {/* Always in the page, so a screen reader hears the mode change when a role changes. */}
      <div className="zd-access" aria-live="polite">
        {readOnlyReason && connection.kind !== 'closed' && (
          <p className="zd-access-note" id="revision-access">
            <strong>Read only.</strong> {readOnlyReason}
          </p>
        )}
      </div>
      {hasSynced ? (
        <DocumentEditor
          session={session}
          user={user}
          editable={editable}
          mode={access?.mode ?? 'read'}
          proposer={proposer}
          label={label}
          renderAside={(editor) => (
            <ProposalsPanel
              editor={editor}
              ydoc={session.ydoc}
              revisionId={revisionId}
              participation={participation}
              clock={clock}
              textOpen={editable}
            />
          )}
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
  if (connection.code === CloseCode.AccessRevoked.code) {
    return (
      <div className="zd-notice" role="alert">
        <p className="zd-notice-title">{CloseCode.AccessRevoked.reason}</p>
        <p>If you think this is a mistake, ask the Chair or the Secretariat of the meeting.</p>
        <Link className="zd-button zd-button-primary" to="/">
          Go to the home page
        </Link>
      </div>
    );
  }
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
      ) : connection.code === CloseCode.RevisionNotFound.code ? (
        <Link className="zd-button zd-button-primary" to="/">
          Go to your meeting
        </Link>
      ) : (
        <button type="button" className="zd-button zd-button-primary" onClick={reload}>
          Load the current text from the server
        </button>
      )}
    </div>
  );
}
