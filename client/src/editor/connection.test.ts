import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ConnectionMonitor, type Network } from './connection.ts';
import { FakeCollabServer } from './testing/fake-collab-server.ts';

class FakeNetwork implements Network {
  online = true;
  #listeners = new Set<() => void>();
  subscribe(onChange: () => void) {
    this.#listeners.add(onChange);
    return () => this.#listeners.delete(onChange);
  }
  set(online: boolean) {
    this.online = online;
    for (const listener of this.#listeners) listener();
  }
}

describe('ConnectionMonitor', () => {
  let server: FakeCollabServer;
  let provider: WebsocketProvider;
  let network: FakeNetwork;
  let monitor: ConnectionMonitor;
  let signedIn: boolean;

  beforeEach(() => {
    server = new FakeCollabServer();
    provider = server.provider(new Y.Doc());
    network = new FakeNetwork();
    signedIn = true;
    monitor = new ConnectionMonitor(provider, network, async () => !signedIn);
  });

  afterEach(() => {
    monitor.destroy();
    provider.destroy();
  });

  it('is connecting until the revision is synced, then live', async () => {
    expect(monitor.state).toEqual({ kind: 'connecting' });
    provider.connect();
    await vi.waitFor(() => expect(monitor.state).toEqual({ kind: 'live' }));
  });

  it('says why it is reconnecting while retries fail, and is live again once resynced', async () => {
    provider.connect();
    await vi.waitFor(() => expect(monitor.state.kind).toBe('live'));
    server.reachable = false;
    server.close(1001, 'The server is restarting. Reconnecting…');
    await vi.waitFor(() => expect(provider.wsUnsuccessfulReconnects).toBeGreaterThanOrEqual(3));
    expect(monitor.state).toEqual({ kind: 'reconnecting', reason: 'The server is restarting. Reconnecting…' });
    server.reachable = true;
    await vi.waitFor(() => expect(monitor.state).toEqual({ kind: 'live' }));
  });

  it('says offline while the browser has no network', async () => {
    provider.connect();
    await vi.waitFor(() => expect(monitor.state.kind).toBe('live'));
    network.set(false);
    expect(monitor.state).toEqual({ kind: 'offline' });
    network.set(true);
    expect(monitor.state).toEqual({ kind: 'live' });
  });

  it('stops at a 44xx close and keeps the reason the server gave', async () => {
    provider.connect();
    await vi.waitFor(() => expect(monitor.state.kind).toBe('live'));
    server.close(4404, 'This revision does not exist.');
    await vi.waitFor(() =>
      expect(monitor.state).toEqual({ kind: 'closed', code: 4404, reason: 'This revision does not exist.' }),
    );
    network.set(false);
    expect(monitor.state.kind).toBe('closed');
  });

  it('stops and asks to sign in again when reconnecting fails because the session ended', async () => {
    provider.connect();
    await vi.waitFor(() => expect(monitor.state.kind).toBe('live'));
    signedIn = false;
    server.reachable = false;
    server.close(1006, '');
    await vi.waitFor(() => expect(monitor.state).toEqual({ kind: 'closed', ...CloseCode.Unauthorized }));
    expect(provider.shouldConnect).toBe(false);
  });

  it('keeps reconnecting through failures while the session is valid', async () => {
    provider.connect();
    await vi.waitFor(() => expect(monitor.state.kind).toBe('live'));
    server.reachable = false;
    server.close(1006, '');
    await vi.waitFor(() => expect(provider.wsUnsuccessfulReconnects).toBeGreaterThanOrEqual(3));
    expect(monitor.state).toEqual({ kind: 'reconnecting', reason: '' });
    expect(provider.shouldConnect).toBe(true);
  });
});
