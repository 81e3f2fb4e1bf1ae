import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PersistedTracker } from './persisted.ts';
import { FakeCollabServer } from './testing/fake-collab-server.ts';

describe('PersistedTracker', () => {
  let server: FakeCollabServer;
  let doc: Y.Doc;
  let provider: WebsocketProvider;
  let tracker: PersistedTracker;

  beforeEach(() => {
    server = new FakeCollabServer();
    doc = new Y.Doc();
    provider = server.provider(doc);
    tracker = new PersistedTracker(provider, { coalesceMs: 10 });
  });

  afterEach(() => {
    tracker.destroy();
    provider.destroy();
  });

  async function connected() {
    provider.connect();
    await vi.waitFor(() => expect(provider.synced).toBe(true));
  }

  const type = (words: string) => doc.getText('text').insert(doc.getText('text').length, words);

  it('says saved only once the server confirms it stored the change', async () => {
    await connected();
    expect(tracker.state).toBe('saved');

    type('Reaffirms');
    expect(tracker.state).toBe('saving');
    await vi.waitFor(() => expect(server.persistedRequests).toEqual([{ seq: 1, text: 'Reaffirms' }]));
    expect(tracker.state).toBe('saving');

    server.commit();
    await vi.waitFor(() => expect(tracker.state).toBe('saved'));
  });

  it('asks once for a burst of typing', async () => {
    await connected();
    for (const word of ['Calls ', 'upon ', 'all ', 'States']) type(word);
    await vi.waitFor(() => expect(server.persistedRequests.map((r) => r.seq)).toEqual([4]));
    server.commit();
    await vi.waitFor(() => expect(tracker.state).toBe('saved'));
  });

  it('stays saved when the change comes from another delegation through the server', async () => {
    await connected();
    server.doc.getText('text').insert(0, 'Text from Mexico');
    await vi.waitFor(() => expect(doc.getText('text').toString()).toBe('Text from Mexico'));
    expect(tracker.state).toBe('saved');
    expect(server.persistedRequests).toEqual([]);
  });

  it('keeps a confirmation for an earlier change from counting for a later one', async () => {
    await connected();
    type('Welcomes');
    await vi.waitFor(() => expect(server.persistedRequests).toHaveLength(1));
    type(' with appreciation');
    server.commit();
    await vi.waitFor(() => expect(server.persistedRequests).toHaveLength(2));
    expect(tracker.state).toBe('saving');
    server.commit();
    await vi.waitFor(() => expect(tracker.state).toBe('saved'));
  });

  it('ignores a confirmation for a change it never made', async () => {
    await connected();
    type('Notes');
    server.confirm(99);
    await vi.waitFor(() => expect(server.persistedRequests).toHaveLength(1));
    expect(tracker.state).toBe('saving');
  });

  it('shows changes made offline as not saved, and saved only after the server stored them', async () => {
    await connected();
    server.reachable = false;
    server.close(1001, 'The server is restarting. Reconnecting…');
    await vi.waitFor(() => expect(provider.wsconnected).toBe(false));

    type('Decides');
    expect(tracker.state).toBe('not-saved');

    // The server answers the client's state before asking for the client's own changes.
    server.answerBeforeAsking = true;
    server.reachable = true;
    await vi.waitFor(() => expect(server.persistedRequests).toHaveLength(1));
    expect(server.persistedRequests[0]).toEqual({ seq: 1, text: 'Decides' });
    expect(tracker.state).toBe('saving');

    server.commit();
    await vi.waitFor(() => expect(tracker.state).toBe('saved'));
  });

  it('stays not saved when the server refuses the change and closes for good', async () => {
    await connected();
    type('Deletes paragraph 12');
    server.close(4403, 'Paragraph 12 is agreed and takes no new proposals.');
    await vi.waitFor(() => expect(tracker.state).toBe('not-saved'));
    expect(provider.shouldConnect).toBe(false);
  });

  it('notifies subscribers when the save state changes', async () => {
    await connected();
    const seen: string[] = [];
    tracker.subscribe(() => seen.push(tracker.state));
    type('Urges');
    server.commit();
    await vi.waitFor(() => expect(server.persistedRequests).toHaveLength(1));
    server.commit();
    await vi.waitFor(() => expect(seen).toEqual(['saving', 'saved']));
  });
});
