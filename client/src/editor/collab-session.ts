import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { COLLAB_PATH, DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ApiRequestError } from '../api/http.ts';
import { fetchMe } from '../api/session.ts';
import { RevisionAccessTracker } from './access.ts';
import { browserNetwork, ConnectionMonitor } from './connection.ts';
import { PersistedTracker } from './persisted.ts';
import { UnconfirmedWords } from './unconfirmed-words.ts';

/** One open revision: its Y.Doc, the connection to the server, and what we know of both. */
export interface CollabSession {
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly connection: ConnectionMonitor;
  readonly persisted: PersistedTracker;
  /** What the server lets this participant do with the text, live. */
  readonly access: RevisionAccessTracker;
  /** The words typed here that the server has not confirmed stored, for when it refuses them. */
  readonly unconfirmed: UnconfirmedWords;
}

function collabUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${COLLAB_PATH}`;
}

async function sessionEnded(): Promise<boolean> {
  try {
    await fetchMe();
    return false;
  } catch (error) {
    return error instanceof ApiRequestError && error.status === 401;
  }
}

function openSession(revisionId: string, user: PresenceUser): CollabSession & { close(): void } {
  const ydoc = new Y.Doc();
  // The session cookie authenticates the upgrade. No BroadcastChannel: another tab's changes
  // must reach this one through the server, which checks and stores every change.
  const provider = new WebsocketProvider(collabUrl(), revisionId, ydoc, { disableBc: true, connect: false });
  provider.awareness.setLocalStateField('user', user);
  // These listen from the first message on, so they are in place before connecting.
  const connection = new ConnectionMonitor(provider, browserNetwork, sessionEnded);
  const persisted = new PersistedTracker(provider);
  const access = new RevisionAccessTracker(provider);
  const unconfirmed = new UnconfirmedWords(ydoc.getXmlFragment(DOCUMENT_FIELD), persisted);
  provider.connect();
  return {
    ydoc,
    provider,
    connection,
    persisted,
    access,
    unconfirmed,
    close() {
      unconfirmed.destroy();
      access.destroy();
      persisted.destroy();
      connection.destroy();
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Opens the revision for as long as the calling component shows it. */
export function useCollabSession(revisionId: string, user: PresenceUser): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { name, delegation, colour } = user;
  useEffect(() => {
    const opened = openSession(revisionId, { name, delegation, colour });
    setSession(opened);
    return () => {
      setSession(null);
      opened.close();
    };
  }, [revisionId, name, delegation, colour]);
  return session;
}
