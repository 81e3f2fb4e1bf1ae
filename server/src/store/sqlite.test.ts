import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUpdates } from '../collab/room.ts';
import { SqliteStore } from './sqlite.ts';

const dirs: string[] = [];
function openStore(dir = mkdtempSync(join(tmpdir(), 'zd-store-'))) {
  dirs.push(dir);
  return { store: new SqliteStore({ path: join(dir, 'zerodraft.db') }), dir };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function revisionIn(store: SqliteStore) {
  const meeting = await store.createMeeting({
    id: 'm1',
    title: 'BMS7',
    symbol: 'A/CONF.192/BMS/2021',
    venue: 'New York',
    timeZone: 'America/New_York',
  });
  const document = await store.createDocument({ id: 'd1', meetingId: meeting.id, title: 'Outcome document' });
  return store.createRevision({ id: 'r1', documentId: document.id, name: 'Zero draft', state: 'circulated' });
}

function typing(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (u: Uint8Array) => updates.push(u);
  doc.on('update', record);
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  doc.off('update', record);
  return updates;
}

function textOf(content: { snapshot: Uint8Array | null; updates: Uint8Array[] }) {
  const doc = new Y.Doc();
  for (const u of content.snapshot ? [content.snapshot, ...content.updates] : content.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe('SqliteStore', () => {
  it('keeps every appended update, in order, across reopening the file', async () => {
    const { store, dir } = openStore();
    const revision = await revisionIn(store);
    for (const u of typing(new Y.Doc(), 'Recalling')) await store.appendUpdate(revision.id, u);
    await store.close();
    const reopened = openStore(dir).store;
    expect(textOf(await reopened.loadRevisionContent(revision.id))).toBe('Recalling');
    await reopened.close();
  });

  it('compacts the log into a snapshot without changing the text', async () => {
    const { store } = openStore();
    const revision = await revisionIn(store);
    for (const u of typing(new Y.Doc(), 'Reaffirming')) await store.appendUpdate(revision.id, u);
    await store.compact(revision.id, mergeUpdates);
    const content = await store.loadRevisionContent(revision.id);
    expect(content.updates).toHaveLength(0);
    expect(content.snapshot).not.toBeNull();
    expect(textOf(content)).toBe('Reaffirming');
    await store.close();
  });

  it('keeps updates appended by another connection to the file, before and after a compaction', async () => {
    const { store, dir } = openStore();
    const revision = await revisionIn(store);
    const other = new SqliteStore({ path: join(dir, 'zerodraft.db') });
    const doc = new Y.Doc();
    for (const u of typing(doc, 'Urges')) await store.appendUpdate(revision.id, u);
    for (const u of typing(doc, ' all')) await other.appendUpdate(revision.id, u);
    await store.compact(revision.id, mergeUpdates);
    for (const u of typing(doc, ' States')) await other.appendUpdate(revision.id, u);
    const content = await store.loadRevisionContent(revision.id);
    expect(content.updates).toHaveLength(' States'.length);
    expect(textOf(content)).toBe('Urges all States');
    await other.close();
    await store.close();
  });

  it('applies each migration once', async () => {
    const { store, dir } = openStore();
    await store.close();
    const again = openStore(dir).store;
    expect(await again.countUsers()).toBe(0);
    await again.close();
  });
});
