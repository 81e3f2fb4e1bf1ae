import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { PROPOSALS_FIELD, type ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import { CloseCode, DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { json } from '@zerodraft/shared/schema/test-editor.ts';
import { onTestFinished } from 'vitest';
import * as Y from 'yjs';
import type { Principal } from '../auth/principal.ts';
import { type RevisionStanding, standingOnRevision } from '../authz/standing.ts';
import { Rooms } from '../collab/rooms.ts';
import { seedDemo } from '../demo/seed.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { NotificationRecord } from '../store/store.ts';

/**
 * The demo meeting in a real SQLite file, with a circulated revision `rev-acts` holding
 * `text`, and a way to act as any of its people; closed and deleted when the test finishes.
 * Proposals are marked with the demo delegations' and people's real ids.
 */
export async function meetingWith(text: (who: (delegation: string, id: string) => SuggestionAttrs) => JSONContent[]) {
  const dir = mkdtempSync(join(tmpdir(), 'zd-acts-'));
  const store = new SqliteStore({ path: join(dir, 'zerodraft.db') });
  const published: NotificationRecord[] = [];
  const rooms = new Rooms({
    store,
    idleMs: 60_000,
    compactAfterUpdates: 500,
    compactAfterBytes: 1 << 20,
    onNotificationsStored: async (stored) => {
      published.push(...stored);
    },
  });
  onTestFinished(async () => {
    await rooms.closeAll(CloseCode.GoingAway);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await seedDemo(store);
  const chairUser = await store.findUserByEmail('kenya@bms7.example');
  const meetingId = chairUser && (await store.listParticipations(chairUser.id))[0]?.meetingId;
  if (!meetingId) throw new Error('The demo has no meeting');
  const delegations = await store.listDelegations(meetingId);
  const participants = await store.listParticipants(meetingId);
  const ids = (name: string) => {
    const delegation = delegations.find((d) => d.name === name);
    const userId = participants.find((p) => p.delegationId === delegation?.id)?.userId;
    if (!delegation || !userId) throw new Error(`No ${name} in the demo`);
    return { delegationId: delegation.id, userId };
  };
  const who = (name: string, id: string): SuggestionAttrs => ({
    id,
    delegation: ids(name).delegationId,
    user: ids(name).userId,
    time: '2021-07-27T14:00:00.000Z',
  });
  const [document] = await store.listDocuments(meetingId);
  if (!document) throw new Error('The demo has no document');
  const revision = await store.createRevision({
    id: 'rev-acts',
    documentId: document.id,
    name: 'Draft 1',
    state: 'circulated',
  });
  const ydoc = prosemirrorJSONToYDoc(
    documentSchema,
    json.doc(json.section('s-a', 'A. General', ...text(who))),
    DOCUMENT_FIELD,
  );
  await store.appendUpdate(revision.id, Y.encodeStateAsUpdate(ydoc));

  const as = async (name: string): Promise<RevisionStanding> => {
    const user = await store.findUserById(ids(name).userId);
    if (!user) throw new Error(`No user for ${name}`);
    const principal: Principal = {
      kind: 'session',
      user,
      tokenHash: 'test',
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const standing = await standingOnRevision(store, principal, revision.id);
    if (!standing) throw new Error(`${name} cannot see the revision`);
    return standing;
  };
  const doc = async () => (await rooms.open(revision.id)).doc;
  const record = async (id: string) => (await doc()).getMap<ProposalRecord>(PROPOSALS_FIELD).get(id);
  const stored = async () => (await store.loadRevisionContent(revision.id)).updates.length;
  // Only the acts of the test: the demo's seed audits its own start.
  const seeded = Math.max(...(await store.listAudit({ meetingId })).map((e) => e.id));
  const audit = async () =>
    (await store.listAudit({ meetingId })).filter((e) => e.id > seeded).map((e) => `${e.action}: ${e.target}`);
  /** Every participant's stored notifications, oldest first, with the delegation each was told as. */
  const told = async () => {
    const notifications: (NotificationRecord & { delegation: string | undefined })[] = [];
    for (const p of participants) {
      const delegation = delegations.find((d) => d.id === p.delegationId)?.name;
      const theirs = await store.listNotifications({ userId: p.userId }, { limit: 100 });
      notifications.push(...theirs.notifications.map((n) => ({ ...n, delegation })));
    }
    return notifications.sort((a, b) => a.id - b.id);
  };
  return { parts: { store, rooms }, as, doc, record, stored, audit, told, published };
}
