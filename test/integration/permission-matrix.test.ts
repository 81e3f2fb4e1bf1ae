/**
 * DESIGN.md §3, walked pair by pair against a real server: every standing a participant can
 * have, against every revision state over the websocket and REST, and against every
 * administrative action over REST. The expected outcomes are written out here, not computed
 * from the matrix under test.
 */
import { join } from 'node:path';
import { defaultConfig } from '@zerodraft/server/config.ts';
import { demoAccounts, seedDemo } from '@zerodraft/server/demo/seed.ts';
import { type RunningServer, startServer } from '@zerodraft/server/server.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import type { RevisionState } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connect } from '../helpers/collab-client.ts';
import { appendParagraph } from '../helpers/document-text.ts';
import { appendProposedParagraph, proposalAttrs } from '../helpers/proposed-paragraph.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { storedText } from '../helpers/stored-revision.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

type StandingName =
  | 'chair'
  | 'bureau with pen'
  | 'bureau without pen'
  | 'facilitator'
  | 'secretariat'
  | 'delegation'
  | 'observer';

/** Which demo account holds each standing, and the role the Chair gives it first. */
const cast: Record<StandingName, { delegation: string; set?: Record<string, unknown> }> = {
  chair: { delegation: 'Kenya' },
  'bureau with pen': { delegation: 'Switzerland', set: { role: 'bureau', hasPen: true } },
  'bureau without pen': { delegation: 'Brazil', set: { role: 'bureau', hasPen: false } },
  facilitator: { delegation: 'Japan', set: { role: 'facilitator', sections: ['s-a'] } },
  secretariat: { delegation: 'United Nations Office for Disarmament Affairs' },
  delegation: { delegation: 'Mexico' },
  observer: { delegation: 'Nigeria', set: { role: 'observer' } },
};
const standings = Object.keys(cast) as StandingName[];

/** 'write': with the pen, directly; 'propose': as the delegation's tracked proposals only. */
type TextAccess = 'write' | 'propose' | 'read' | 'hidden';
const W: TextAccess = 'write';
const P: TextAccess = 'propose';
const R: TextAccess = 'read';
const H: TextAccess = 'hidden';

/** Columns: chair, bureau with pen, bureau without pen, facilitator, secretariat, delegation, observer. */
const textAccess: Record<RevisionState, TextAccess[]> = {
  in_preparation: [W, W, H, H, R, H, H],
  circulated: [W, W, P, P, R, P, R],
  superseded: [R, R, R, R, R, R, R],
  under_silence: [R, R, R, R, R, R, R],
  adopted: [R, R, R, R, R, R, R],
};
const states = Object.keys(textAccess) as RevisionState[];

type AdminAction = 'edit the meeting' | 'read the roster' | 'read the audit log' | 'invite' | 'change a role';
/** Same columns; true = allowed. */
const administration: Record<AdminAction, boolean[]> = {
  'edit the meeting': [true, false, false, false, true, false, false],
  'read the roster': [true, false, false, false, true, false, false],
  'read the audit log': [true, false, false, false, true, false, false],
  invite: [true, false, false, false, true, false, false],
  'change a role': [true, false, false, false, true, false, false],
};

let server: RunningServer;
let store: SqliteStore;
let dataDir: string;
let meetingId = '';
const cookies = new Map<StandingName, string>();
const userIds = new Map<StandingName, string>();
const revisionIds = new Map<RevisionState, string>();
let mexicoDelegationId = '';

const api = (path: string, cookie: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { cookie, origin: server.url, 'content-type': 'application/json', ...init.headers },
  });

beforeAll(async () => {
  dataDir = makeTempDir();
  store = new SqliteStore({ path: join(dataDir, 'zerodraft.db') });
  await seedDemo(store);
  server = await startServer({ store, config: { ...defaultConfig, port: 0, dataDir, clientDir: null } });

  for (const name of standings) {
    const account = demoAccounts.find((a) => a.delegation === cast[name].delegation);
    if (!account) throw new Error(`No demo account for ${cast[name].delegation}`);
    const cookie = await signIn(server.url, account.email, account.password);
    const me = Me.parse(await getJson(server.url, '/api/me', cookie));
    cookies.set(name, cookie);
    userIds.set(name, me.user.id);
    meetingId = me.participations[0]?.meetingId ?? '';
    if (name === 'delegation') mexicoDelegationId = me.participations[0]?.delegation.id ?? '';
  }
  for (const name of standings) {
    const change = cast[name].set;
    if (!change) continue;
    const response = await api(
      `/api/meetings/${meetingId}/participants/${userIds.get(name)}`,
      cookies.get('chair') ?? '',
      {
        method: 'PATCH',
        body: JSON.stringify(change),
      },
    );
    expect(response.status, await response.text()).toBe(200);
  }
  const [document] = await store.listDocuments(meetingId);
  if (!document) throw new Error('The demo has no document');
  for (const state of states) {
    const revision = await store.createRevision({
      id: `matrix-${state}`,
      documentId: document.id,
      name: `Revision ${state}`,
      state,
    });
    revisionIds.set(state, revision.id);
  }
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  removeTempDir(dataDir);
});

describe('the text of a revision, by standing and state (websocket and REST)', () => {
  const cases = states.flatMap((state) =>
    standings.map((standing, column) => ({ state, standing, expected: textAccess[state][column] as TextAccess })),
  );

  it.each(cases)('$standing on a revision $state: $expected', async ({ state, standing, expected }) => {
    const revisionId = revisionIds.get(state) ?? '';
    const cookie = cookies.get(standing) ?? '';
    const rest = await api(`/api/revisions/${revisionId}`, cookie);
    expect(rest.status).toBe(expected === 'hidden' ? 404 : 200);

    let client: CollabClient | undefined;
    try {
      client = await connect(server.url, revisionId, cookie, { waitForSync: expected !== 'hidden' });
      if (expected === 'hidden') {
        const close = await client.firstClose();
        expect(close.code).toBe(CloseCode.RevisionNotFound.code);
        return;
      }
      expect(client.access?.write).toBe(expected === 'write' || expected === 'propose');
      const words = `Written by ${standing} on ${state}.`;
      if (expected === 'propose') {
        expect(client.access?.mode).toBe('propose');
        const proposed = `Proposed by ${standing} on ${state}.`;
        appendProposedParagraph(client.doc, proposed, await proposalAttrs(server.url, cookie));
        await client.confirmPersisted(1);
        expect(await storedText(join(dataDir, 'zerodraft.db'), revisionId)).toContain(proposed);
      }
      appendParagraph(client.doc, words);
      if (expected === 'write') {
        expect(client.access?.mode).toBe('pen');
        await client.confirmPersisted(1);
        expect(await storedText(join(dataDir, 'zerodraft.db'), revisionId)).toContain(words);
      } else {
        const close = await client.firstClose();
        expect(close.code).toBe(CloseCode.UpdateRefused.code);
        expect(close.reason.length).toBeGreaterThan(CloseCode.UpdateRefused.reason.length);
        expect(await storedText(join(dataDir, 'zerodraft.db'), revisionId)).not.toContain(words);
      }
    } finally {
      client?.destroy();
    }
  });
});

describe('administering the meeting, by standing (REST)', () => {
  const attempts: Record<AdminAction, (cookie: string) => Promise<Response>> = {
    'edit the meeting': (cookie) =>
      api(`/api/meetings/${meetingId}`, cookie, { method: 'PATCH', body: JSON.stringify({ venue: 'New York' }) }),
    'read the roster': (cookie) => api(`/api/meetings/${meetingId}/roster`, cookie),
    'read the audit log': (cookie) => api(`/api/meetings/${meetingId}/audit`, cookie),
    invite: (cookie) =>
      api(`/api/meetings/${meetingId}/invitations`, cookie, {
        method: 'POST',
        body: JSON.stringify({
          // One each: a second pending invitation for the same person is refused.
          email: `new.delegate.${Math.random().toString(36).slice(2)}@mexico.example`,
          role: 'delegation',
          delegationId: mexicoDelegationId,
        }),
      }),
    'change a role': (cookie) =>
      api(`/api/meetings/${meetingId}/participants/${userIds.get('delegation')}`, cookie, {
        method: 'PATCH',
        body: JSON.stringify({ role: 'delegation' }),
      }),
  };
  const cases = (Object.keys(administration) as AdminAction[]).flatMap((action) =>
    standings.map((standing, column) => ({ action, standing, allowed: administration[action][column] as boolean })),
  );

  it.each(cases)('$standing may $action: $allowed', async ({ action, standing, allowed }) => {
    const response = await attempts[action](cookies.get(standing) ?? '');
    if (allowed) {
      expect(response.status, await response.text()).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/Chair and the Secretariat/);
    }
  });
});
