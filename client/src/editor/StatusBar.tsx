import { useSyncExternalStore } from 'react';
import type { CollabSession } from './collab-session.ts';
import type { ConnectionState } from './connection.ts';
import type { SaveState } from './persisted.ts';

export function connectionText(state: ConnectionState): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'reconnecting': {
      // The server's reasons may already end "Reconnecting…" (protocol.ts); say it once.
      const reason = state.reason.replace(/\s*Reconnecting…$/, '');
      return reason ? `Reconnecting — ${reason}` : 'Reconnecting…';
    }
    case 'offline':
      return 'Offline — changes will be sent when the network is back';
    case 'closed':
      return state.reason || `Disconnected by the server (code ${state.code})`;
  }
}

/** The save state as the reader should see it, given the connection. */
export function saveStatus(save: SaveState, connection: ConnectionState): { state: SaveState; text: string } {
  if (save === 'saved') return { state: save, text: 'All changes saved' };
  // The browser may report the network gone before the socket notices; believe the browser.
  if (connection.kind === 'offline') return { state: 'not-saved', text: 'Not saved yet — offline' };
  if (save === 'saving') return { state: save, text: 'Saving…' };
  if (connection.kind === 'closed') return { state: save, text: 'Not saved — see the message above' };
  return { state: save, text: 'Not saved yet — reconnecting' };
}

/** Connection and save state, always in view while a revision is open. */
export function StatusBar({ session }: { session: CollabSession }) {
  const connection = useSyncExternalStore(session.connection.subscribe, () => session.connection.state);
  const save = saveStatus(
    useSyncExternalStore(session.persisted.subscribe, () => session.persisted.state),
    connection,
  );
  return (
    <div className="zd-status-bar">
      <p className="zd-connection" data-state={connection.kind} role="status">
        <span className="zd-status-dot" aria-hidden="true" />
        {connectionText(connection)}
      </p>
      {/* Not a live region: announcing every "Saving…" while someone types would drown the text. */}
      <p className="zd-save" data-state={save.state}>
        {save.text}
      </p>
    </div>
  );
}
