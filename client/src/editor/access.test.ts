import type { RevisionAccessMessage } from '@zerodraft/shared/protocol.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { parseAccess, RevisionAccessTracker } from './access.ts';
import { FakeCollabServer } from './testing/fake-collab-server.ts';

const asObserver: RevisionAccessMessage = {
  write: false,
  mode: 'read',
  reason: 'Observers follow the text but do not change it.',
};
const asDelegation: RevisionAccessMessage = { write: true, mode: 'propose' };

describe('RevisionAccessTracker', () => {
  let server: FakeCollabServer;
  let provider: WebsocketProvider;
  let tracker: RevisionAccessTracker;

  beforeEach(() => {
    server = new FakeCollabServer();
    provider = server.provider(new Y.Doc());
    tracker = new RevisionAccessTracker(provider);
  });

  afterEach(() => {
    tracker.destroy();
    provider.destroy();
  });

  it('knows nothing, so allows nothing, until the server says what the participant may do', async () => {
    expect(tracker.access).toBeNull();
    server.access = asDelegation;
    provider.connect();
    await vi.waitFor(() => expect(tracker.access).toEqual(asDelegation));
  });

  it('follows a role change on the open connection, without reconnecting', async () => {
    server.access = asDelegation;
    provider.connect();
    await vi.waitFor(() => expect(provider.synced).toBe(true));
    const seen: (RevisionAccessMessage | null)[] = [];
    tracker.subscribe(() => seen.push(tracker.access));

    server.sendAccess(asObserver);
    await vi.waitFor(() => expect(tracker.access).toEqual(asObserver));
    server.sendAccess(asDelegation);
    await vi.waitFor(() => expect(tracker.access).toEqual(asDelegation));

    expect(seen).toEqual([asObserver, asDelegation]);
    expect(provider.wsconnected).toBe(true);
  });

  it('does not notify when the server repeats what it already said', async () => {
    server.access = asObserver;
    provider.connect();
    await vi.waitFor(() => expect(tracker.access).toEqual(asObserver));
    const listener = vi.fn();
    tracker.subscribe(listener);
    server.sendAccess(asObserver);
    server.sendAccess(asDelegation);
    await vi.waitFor(() => expect(tracker.access).toEqual(asDelegation));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('takes the access the server sends again after a reconnect', async () => {
    server.access = asDelegation;
    provider.connect();
    await vi.waitFor(() => expect(tracker.access).toEqual(asDelegation));
    // The role changed while the connection was down.
    server.access = asObserver;
    server.close(1001, 'The server is restarting. Reconnecting…');
    await vi.waitFor(() => expect(tracker.access).toEqual(asObserver));
  });

  it('reads an Access message it cannot understand as read-only, and says so', async () => {
    server.access = asDelegation;
    provider.connect();
    await vi.waitFor(() => expect(tracker.access).toEqual(asDelegation));
    server.sendAccess('{"write": "yes"');
    await vi.waitFor(() => expect(tracker.access?.write).toBe(false));
    expect(tracker.access?.reason).toMatch(/Reload the page/);
  });
});

describe('parseAccess', () => {
  it('keeps the server’s reason for read-only text', () => {
    expect(parseAccess(JSON.stringify(asObserver))).toEqual(asObserver);
  });

  it('gives a reason when the server gave none', () => {
    expect(parseAccess('{"write":false,"mode":"read"}')).toEqual({
      write: false,
      mode: 'read',
      reason: 'You can read this text but not change it.',
    });
  });

  it('keeps the revision’s state only when it is one the page knows', () => {
    expect(parseAccess('{"write":true,"mode":"pen","state":"circulated"}')).toEqual({
      write: true,
      mode: 'pen',
      state: 'circulated',
    });
    expect(parseAccess('{"write":true,"mode":"pen","state":"published"}')).toEqual({ write: true, mode: 'pen' });
  });

  it('allows writing only in a mode it knows', () => {
    expect(parseAccess('{"write":true,"mode":"pen"}')).toEqual({ write: true, mode: 'pen' });
    expect(parseAccess('{"write":true,"mode":"read"}').write).toBe(false);
    expect(parseAccess('{"write":true,"mode":"anything"}').write).toBe(false);
    expect(parseAccess('{"write":1,"mode":"pen"}').write).toBe(false);
    expect(parseAccess('null').write).toBe(false);
    expect(parseAccess('').write).toBe(false);
  });
});
