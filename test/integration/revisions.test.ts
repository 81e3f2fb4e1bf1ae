/**
 * Revisions through their circulation (issue 6) against a real server: the Chair starts the
 * next revision (proposals carried forward or left behind), circulates it with a cover note
 * (the one before superseded at once, for every open editor), delegations confirm receipt,
 * and the document's history counts what became of each revision's proposals.
 */

import type { Clock } from '@zerodraft/server/clock.ts';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { MeetingDetail, RevisionDetail } from '@zerodraft/shared/api/meetings.ts';
import {
  AcknowledgementSaved,
  Acknowledgements,
  DocumentHistory,
  DocumentStarted,
  RevisionCirculated,
  RevisionStarted,
} from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { docFromUpdates, documentFragment, paragraphs, paragraphTexts } from '../helpers/document-text.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { announceEditor, proposalsIn, proposeDeletion, proposeInsertion, recordsIn } from '../helpers/suggesting.ts';
import { newClient, newServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

type Delegation = 'Kenya' | 'Mexico' | 'Japan' | 'Switzerland' | 'Nigeria' | 'Brazil' | 'UNODA';
const SECRETARIAT = 'United Nations Office for Disarmament Affairs';

const COVER_NOTE =
  'Excellency, I have the honour to circulate Draft 1 of the outcome document, which reflects the proposals made in our informal consultations.';
const circulateAs = (name: string) => ({ name, date: '2021-06-10', coverNote: COVER_NOTE });

interface Demo {
  server: TestServer;
  meetingId: string;
  documentId: string;
  zeroDraftId: string;
  /** The last audit entry the demo's seed wrote; the test's own come after it. */
  seededAudit: number;
  cookie(who: Delegation): Promise<string>;
  me(who: Delegation): Promise<Me>;
  call(who: Delegation, method: string, path: string, body?: unknown): Promise<Response>;
}

async function demo(clock?: Clock): Promise<Demo> {
  const server = await newServer({}, { clock });
  const cookies = new Map<Delegation, string>();
  const cookie = async (who: Delegation) => {
    const known = cookies.get(who);
    if (known) return known;
    const name = who === 'UNODA' ? SECRETARIAT : who;
    const account = demoAccounts.find((a) => a.delegation === name);
    if (!account) throw new Error(`No demo account for ${who}`);
    const signedIn = await signIn(server.url, account.email, account.password);
    cookies.set(who, signedIn);
    return signedIn;
  };
  const me = async (who: Delegation) => Me.parse(await getJson(server.url, '/api/me', await cookie(who)));
  const meetingId = (await me('Kenya')).participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, await cookie('Kenya')));
  const document = meeting.documents[0];
  const zeroDraftId = document?.revisions[0]?.id;
  if (!document || !zeroDraftId) throw new Error('The demo has no zero draft');
  const seeded = AuditList.parse(await getJson(server.url, `/api/meetings/${meetingId}/audit`, await cookie('Kenya')));
  return {
    seededAudit: Math.max(...seeded.entries.map((e) => e.id)),
    server,
    meetingId,
    documentId: document.id,
    zeroDraftId,
    cookie,
    me,
    call: async (who, method, path, body) =>
      api(server.url, method, `/api${path}`, { cookie: await cookie(who), body }),
  };
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

async function startNext(d: Demo, from: string, carryForward: boolean): Promise<RevisionStarted> {
  const response = await d.call('Kenya', 'POST', `/documents/${d.documentId}/revisions`, { from, carryForward });
  expect(response.status, await response.clone().text()).toBe(201);
  return RevisionStarted.parse(await response.json());
}

async function circulate(d: Demo, revisionId: string, name: string): Promise<RevisionCirculated> {
  const response = await d.call('Kenya', 'POST', `/revisions/${revisionId}/circulate`, circulateAs(name));
  expect(response.status, await response.clone().text()).toBe(200);
  return RevisionCirculated.parse(await response.json());
}

async function history(d: Demo, who: Delegation = 'Kenya'): Promise<DocumentHistory> {
  return DocumentHistory.parse(
    await getJson(d.server.url, `/api/documents/${d.documentId}/history`, await d.cookie(who)),
  );
}

async function auditActions(d: Demo): Promise<string[]> {
  const list = AuditList.parse(
    await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit`, await d.cookie('Kenya')),
  );
  return list.entries
    .filter((e) => e.id > d.seededAudit)
    .map((e) => e.action)
    .filter((a) => a.startsWith('revision.'))
    .reverse();
}

/** A delegate's editor on a revision, announced as the editor announces itself. */
async function editor(d: Demo, who: Delegation, revisionId: string): Promise<CollabClient> {
  const client = await newClient(d.server.url, revisionId, await d.cookie(who));
  announceEditor(client);
  await waitFor(() => client.access !== undefined && client.provider.synced, { what: `${who}'s editor to sync` });
  return client;
}

let persisted = 0;
/** Writes a proposal in `who`'s editor and waits for the server to store it and record it. */
async function propose(d: Demo, who: Delegation, client: CollabClient, write: (by: SuggestionAttrs) => void) {
  const me = await d.me(who);
  const by: SuggestionAttrs = {
    id: `${who.toLowerCase()}-proposal-${++persisted}`,
    delegation: me.participations[0]?.delegation.id ?? '',
    user: me.user.id,
    time: new Date().toISOString(),
  };
  write(by);
  await client.confirmPersisted(persisted);
  await waitFor(() => recordsIn(client.doc)[by.id] !== undefined, { what: `the record of ${by.id}` });
  return by;
}

async function storedRevision<T>(d: Demo, read: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = new SqliteStore({ path: d.server.databasePath });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const pids = (doc: Y.Doc) => paragraphs(doc).map((p) => p.getAttribute('pid'));

describe('starting a document', () => {
  it('is the Chair’s alone, opens a zero draft in preparation for the pen, and circulates like any revision', async () => {
    const d = await demo();
    const path = `/meetings/${d.meetingId}/documents`;
    expect(await refusal(await d.call('Mexico', 'POST', path, { title: 'Action plan' }))).toEqual({
      status: 403,
      message: 'Only the Chair starts a new document and writes its zero draft.',
    });
    expect(await refusal(await d.call('Kenya', 'POST', path, { title: '  ' }))).toEqual({
      status: 400,
      message: 'The request is invalid. title: Give the document a title, such as Outcome document or Action plan.',
    });
    expect(await refusal(await d.call('Kenya', 'POST', path, { title: 'outcome DOCUMENT' }))).toEqual({
      status: 409,
      message: 'This meeting already has a document called outcome DOCUMENT.',
    });
    expect(
      (await d.call('Kenya', 'POST', '/meetings/no-such-meeting/documents', { title: 'Action plan' })).status,
    ).toBe(404);

    const response = await d.call('Kenya', 'POST', path, { title: 'Action plan' });
    expect(response.status, await response.clone().text()).toBe(201);
    const started = DocumentStarted.parse(await response.json());
    expect(started).toMatchObject({
      document: { meetingId: d.meetingId, title: 'Action plan' },
      revision: { name: 'Zero draft', state: 'in_preparation' },
    });
    const chairEditor = await editor(d, 'Kenya', started.revision.id);
    expect(chairEditor.access).toEqual({ write: true, mode: 'pen', state: 'in_preparation' });
    expect(documentFragment(chairEditor.doc).toString()).toContain('Action plan');
    expect(paragraphs(chairEditor.doc)).toHaveLength(1);
    expect((await d.call('Mexico', 'GET', `/revisions/${started.revision.id}`)).status).toBe(404);
    // Until circulated, the document does not exist for a delegation: not even its title.
    const listedFor = async (who: Delegation) =>
      MeetingDetail.parse(
        await getJson(d.server.url, `/api/meetings/${d.meetingId}`, await d.cookie(who)),
      ).documents.map((document) => document.title);
    expect(await listedFor('Mexico')).toEqual(['Outcome document']);
    expect(await listedFor('UNODA')).toEqual(['Outcome document', 'Action plan']);
    for (const path of ['history', 'comparison', 'facilitators']) {
      const hidden = await d.call('Mexico', 'GET', `/documents/${started.document.id}/${path}`);
      expect({ path, ...(await refusal(hidden)) }).toEqual({
        path,
        status: 404,
        message: 'The document was not found.',
      });
    }

    await circulate(d, started.revision.id, 'Zero draft');
    const seen = RevisionDetail.parse(
      await getJson(d.server.url, `/api/revisions/${started.revision.id}`, await d.cookie('Mexico')),
    );
    expect(seen.revision).toMatchObject({ name: 'Zero draft', state: 'circulated' });
    expect(await listedFor('Mexico')).toEqual(['Outcome document', 'Action plan']);
    expect(await auditActions(d)).toEqual(['revision.circulate']);
    const list = AuditList.parse(
      await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit`, await d.cookie('Kenya')),
    );
    expect(list.entries.filter((e) => e.action === 'document.create').map((e) => e.target)).toEqual([
      'Action plan',
      'Outcome document',
    ]);
  });
});

describe('starting the next revision', () => {
  it('is the Chair’s alone, one at a time, and the revision in preparation is hidden from delegations', async () => {
    const d = await demo();
    const start = (who: Delegation, body: unknown) => d.call(who, 'POST', `/documents/${d.documentId}/revisions`, body);
    const fromZero = { from: d.zeroDraftId, carryForward: true };
    expect(await refusal(await start('Mexico', fromZero))).toEqual({
      status: 403,
      message: 'Only the Chair starts the next revision of a document and circulates it.',
    });
    expect((await start('UNODA', fromZero)).status).toBe(403);
    expect(await refusal(await start('Kenya', { from: 'no-such-revision', carryForward: true }))).toEqual({
      status: 404,
      message: 'The revision to start from is not a revision of this document.',
    });
    expect((await start('Kenya', { from: d.zeroDraftId })).status).toBe(400);

    const draft = await startNext(d, d.zeroDraftId, true);
    expect(draft.revision).toMatchObject({ name: 'Draft 1', state: 'in_preparation', documentId: d.documentId });
    expect(await refusal(await start('Kenya', fromZero))).toEqual({
      status: 409,
      message: 'Draft 1 is already in preparation: circulate it before starting another revision.',
    });

    const draftPath = `/revisions/${draft.revision.id}`;
    expect((await d.call('Mexico', 'GET', draftPath)).status).toBe(404);
    expect((await d.call('UNODA', 'GET', draftPath)).status).toBe(200);
    expect((await history(d, 'Mexico')).revisions.map((r) => r.revision.name)).toEqual(['Zero draft']);
    expect((await history(d, 'UNODA')).revisions.map((r) => r.revision.name)).toEqual(['Zero draft', 'Draft 1']);

    expect((await d.call('Mexico', 'POST', `${draftPath}/circulate`, circulateAs('Draft 1'))).status).toBe(404);
    expect((await d.call('UNODA', 'POST', `${draftPath}/circulate`, circulateAs('Draft 1'))).status).toBe(403);
    expect(
      await refusal(
        await d.call('Kenya', 'POST', `${draftPath}/circulate`, { ...circulateAs('Draft 1'), coverNote: ' ' }),
      ),
    ).toMatchObject({
      status: 400,
    });
    expect(await refusal(await d.call('Kenya', 'POST', `${draftPath}/circulate`, circulateAs('Zero draft')))).toEqual({
      status: 409,
      message: 'This document already has a revision named Zero draft: choose another name.',
    });
    expect(await auditActions(d)).toEqual(['revision.start']);
  });

  it('carries pending proposals forward still attributed, or leaves them behind, keeping paragraph ids', async () => {
    const d = await demo();
    const mexicoEditor = await editor(d, 'Mexico', d.zeroDraftId);
    const japanEditor = await editor(d, 'Japan', d.zeroDraftId);
    const mexicos = await propose(d, 'Mexico', mexicoEditor, (by) =>
      proposeInsertion(mexicoEditor.doc, 'p-a-05', 'States', ' firmly', by),
    );
    const japans = await propose(d, 'Japan', japanEditor, (by) =>
      proposeDeletion(japanEditor.doc, 'p-a-06', 'by the extended deadline of ', by),
    );
    const supported = await d.call('Switzerland', 'PUT', `/revisions/${d.zeroDraftId}/proposals/${mexicos.id}/stance`, {
      stance: 'support',
    });
    expect(supported.status, await supported.clone().text()).toBe(200);
    await waitFor(() => Object.keys(recordsIn(mexicoEditor.doc)[mexicos.id]?.stances ?? {}).length === 1, {
      what: 'the support to reach Mexico’s editor',
    });

    const draftOne = await startNext(d, d.zeroDraftId, true);
    expect(new Set(draftOne.carried)).toEqual(new Set([mexicos.id, japans.id]));
    const chairOnDraftOne = await editor(d, 'Kenya', draftOne.revision.id);
    expect(chairOnDraftOne.access).toEqual({ write: true, mode: 'pen', state: 'in_preparation' });
    expect(proposalsIn(chairOnDraftOne.doc)).toEqual(proposalsIn(mexicoEditor.doc));
    expect(recordsIn(chairOnDraftOne.doc)).toEqual(recordsIn(mexicoEditor.doc));
    expect(recordsIn(chairOnDraftOne.doc)[mexicos.id]).toMatchObject({
      delegationName: 'Mexico',
      stances: { [(await d.me('Switzerland')).participations[0]?.delegation.id ?? '']: { stance: 'support' } },
    });
    expect(pids(chairOnDraftOne.doc)).toEqual(pids(mexicoEditor.doc));

    await circulate(d, draftOne.revision.id, 'Draft 1');
    const draftTwo = await startNext(d, draftOne.revision.id, false);
    expect(draftTwo.revision.name).toBe('Draft 2');
    expect(new Set(draftTwo.leftBehind)).toEqual(new Set([mexicos.id, japans.id]));
    const chairOnDraftTwo = await editor(d, 'Kenya', draftTwo.revision.id);
    expect(proposalsIn(chairOnDraftTwo.doc)).toEqual([]);
    expect(recordsIn(chairOnDraftTwo.doc)).toEqual({});
    expect(pids(chairOnDraftTwo.doc)).toEqual(pids(mexicoEditor.doc));
    const texts = paragraphTexts(chairOnDraftTwo.doc);
    expect(texts.find((t) => t.startsWith('States renew'))).toBe(
      'States renew their commitment to implement the Programme of Action and the International Tracing Instrument fully and effectively at the national, regional and global levels;',
    );
    expect(texts.some((t) => t.includes('by the extended deadline of 31 May 2021'))).toBe(true);
    // Draft 1, circulated, still shows them: leaving them behind is about Draft 2 only.
    expect(
      proposalsIn(chairOnDraftOne.doc)
        .map((p) => p.id)
        .sort(),
    ).toEqual([japans.id, mexicos.id].sort());
  });
});

describe('circulating a revision', () => {
  it('supersedes the one before in one step, tells open editors at once, and keeps the text as circulated', async () => {
    const d = await demo();
    const mexicoOnZero = await editor(d, 'Mexico', d.zeroDraftId);
    expect(mexicoOnZero.access).toEqual({ write: true, mode: 'propose', state: 'circulated' });
    const draft = await startNext(d, d.zeroDraftId, true);
    const chairOnDraft = await editor(d, 'Kenya', draft.revision.id);

    const circulated = await circulate(d, draft.revision.id, 'Draft 1');
    expect(circulated).toMatchObject({
      revision: { id: draft.revision.id, name: 'Draft 1', state: 'circulated' },
      circulation: {
        dated: '2021-06-10',
        circulatedBy: { delegation: 'Kenya' },
        coverNote: COVER_NOTE,
      },
      superseded: [{ id: d.zeroDraftId, name: 'Zero draft', state: 'superseded' }],
    });
    await waitFor(() => mexicoOnZero.access?.write === false, { what: 'Mexico’s editor to learn of the circulation' });
    expect(mexicoOnZero.access).toEqual({
      write: false,
      mode: 'read',
      reason: 'This revision has been superseded by a later one and can no longer change.',
      state: 'superseded',
    });
    // The pen writes before and after circulation alike, and still hears that the state changed.
    await waitFor(() => chairOnDraft.access?.state === 'circulated', { what: 'the Chair’s editor to learn of it' });
    expect(chairOnDraft.access).toEqual({ write: true, mode: 'pen', state: 'circulated' });
    const seen = RevisionDetail.parse(
      await getJson(d.server.url, `/api/revisions/${draft.revision.id}`, await d.cookie('Mexico')),
    );
    expect(seen.revision).toMatchObject({ name: 'Draft 1', state: 'circulated' });
    const mexicoOnDraft = await editor(d, 'Mexico', draft.revision.id);
    expect(mexicoOnDraft.access).toEqual({ write: true, mode: 'propose', state: 'circulated' });

    // The live text goes on taking proposals and decisions; the text as circulated stays.
    const asCirculated = await storedRevision(d, (store) => store.loadCirculatedContent(draft.revision.id));
    if (!asCirculated) throw new Error('No text was kept as circulated');
    const mexicos = await propose(d, 'Mexico', mexicoOnDraft, (by) =>
      proposeInsertion(mexicoOnDraft.doc, 'p-a-05', 'States', ' firmly', by),
    );
    const stored = await storedRevision(d, async (store) => ({
      circulated: await store.loadCirculatedContent(draft.revision.id),
      revision: await store.findRevision(draft.revision.id),
    }));
    expect(stored.circulated).toEqual(asCirculated);
    expect(proposalsIn(docFromUpdates([asCirculated]))).toEqual([]);
    expect(proposalsIn(mexicoOnDraft.doc).map((p) => p.id)).toEqual([mexicos.id]);
    expect(stored.revision?.circulation?.coverNote).toBe(COVER_NOTE);

    expect(
      await refusal(await d.call('Kenya', 'POST', `/revisions/${draft.revision.id}/circulate`, circulateAs('Draft 1'))),
    ).toEqual({
      status: 409,
      message: 'This revision is circulated: it cannot be circulated.',
    });
    const audit = AuditList.parse(
      await getJson(
        d.server.url,
        `/api/meetings/${d.meetingId}/audit?action=revision.circulate`,
        await d.cookie('Kenya'),
      ),
    );
    expect(audit.entries.filter((e) => e.id > d.seededAudit)).toMatchObject([
      { actorDelegation: 'Kenya', target: 'Draft 1', detail: { dated: '2021-06-10', superseded: ['Zero draft'] } },
    ]);
  });

  it('refuses to circulate while the current revision is under silence, and changes nothing', async () => {
    const d = await demo();
    const draft = await startNext(d, d.zeroDraftId, false);
    const nextYear = new Date().getUTCFullYear() + 1;
    const silence = await d.call('Kenya', 'POST', `/revisions/${d.zeroDraftId}/silence`, {
      date: `${nextYear}-07-30`,
      time: '12:00',
    });
    expect(silence.status, await silence.clone().text()).toBe(201);
    expect(
      await refusal(await d.call('Kenya', 'POST', `/revisions/${draft.revision.id}/circulate`, circulateAs('Draft 1'))),
    ).toEqual({
      status: 409,
      message: 'Zero draft is under silence procedure: circulate the next revision once the procedure has ended.',
    });
    const detail = await d.call('Kenya', 'GET', `/revisions/${draft.revision.id}`);
    expect(RevisionDetail.parse(await detail.json()).revision.state).toBe('in_preparation');
    expect(await storedRevision(d, (store) => store.loadCirculatedContent(draft.revision.id))).toBeNull();
  });
});

describe('acknowledging receipt', () => {
  it('takes one receipt per delegation, and shows the Chair who has and who has not', async () => {
    const d = await demo();
    const draft = await startNext(d, d.zeroDraftId, true);
    const path = `/revisions/${draft.revision.id}`;
    expect((await d.call('Mexico', 'POST', `${path}/acknowledge`)).status).toBe(404);
    await circulate(d, draft.revision.id, 'Draft 1');

    const first = await d.call('Mexico', 'POST', `${path}/acknowledge`);
    expect(first.status, await first.clone().text()).toBe(201);
    const receipt = AcknowledgementSaved.parse(await first.json()).receipt;
    expect(receipt).toMatchObject({ delegation: { name: 'Mexico' }, receivedBy: 'Lucía Hernández' });
    const again = await d.call('Mexico', 'POST', `${path}/acknowledge`);
    expect(again.status).toBe(200);
    expect(AcknowledgementSaved.parse(await again.json()).receipt).toEqual(receipt);

    expect(await refusal(await d.call('Kenya', 'POST', `${path}/acknowledge`))).toEqual({
      status: 403,
      message: 'The Chair and the Secretariat send revisions; the delegations confirm they received them.',
    });
    expect(await refusal(await d.call('Japan', 'POST', `/revisions/${d.zeroDraftId}/acknowledge`))).toMatchObject({
      status: 409,
      message: expect.stringMatching(/superseded/),
    });

    const list = async (who: Delegation) =>
      Acknowledgements.parse(await getJson(d.server.url, `/api${path}/acknowledgements`, await d.cookie(who)));
    const chairs = await list('Kenya');
    expect(chairs).toMatchObject({ scope: 'all', mayAcknowledge: false, circulation: { coverNote: COVER_NOTE } });
    expect(chairs.delegations.map((r) => `${r.delegation.name}: ${r.receivedBy ?? 'not yet'}`)).toEqual([
      'Brazil: not yet',
      'Japan: not yet',
      'Mexico: Lucía Hernández',
      'Nigeria: not yet',
      'Switzerland: not yet',
    ]);
    expect((await list('UNODA')).scope).toBe('all');
    expect(await list('Mexico')).toMatchObject({ scope: 'own', mayAcknowledge: false, delegations: [receipt] });
    expect(await list('Japan')).toMatchObject({
      scope: 'own',
      mayAcknowledge: true,
      delegations: [{ delegation: { name: 'Japan' }, receivedAt: null }],
    });
    expect(await auditActions(d)).toEqual(['revision.start', 'revision.circulate', 'revision.acknowledge']);
  });
});

describe('the history of a document', () => {
  it('lists every revision with its date, state, cover note and what became of its proposals', async () => {
    const d = await demo();
    const mexicoEditor = await editor(d, 'Mexico', d.zeroDraftId);
    const japanEditor = await editor(d, 'Japan', d.zeroDraftId);
    const mexicos = await propose(d, 'Mexico', mexicoEditor, (by) =>
      proposeInsertion(mexicoEditor.doc, 'p-a-05', 'States', ' firmly', by),
    );
    const japans = await propose(d, 'Japan', japanEditor, (by) =>
      proposeDeletion(japanEditor.doc, 'p-a-06', 'by the extended deadline of ', by),
    );
    const rejected = await d.call('Kenya', 'POST', `/revisions/${d.zeroDraftId}/decisions`, {
      decision: 'reject',
      scope: { kind: 'proposal', proposalId: japans.id },
    });
    expect(rejected.status, await rejected.clone().text()).toBe(200);

    const draftOne = await startNext(d, d.zeroDraftId, true);
    const before = await history(d);
    expect(before.revisions.map((r) => [r.revision.name, r.revision.state, r.proposals])).toEqual([
      [
        'Zero draft',
        'circulated',
        { pending: 1, accepted: 0, rejected: 1, withdrawn: 0, carriedForward: 0, leftBehind: 0 },
      ],
      [
        'Draft 1',
        'in_preparation',
        { pending: 1, accepted: 0, rejected: 0, withdrawn: 0, carriedForward: 0, leftBehind: 0 },
      ],
    ]);
    await circulate(d, draftOne.revision.id, 'Draft 1');
    const draftTwo = await startNext(d, draftOne.revision.id, false);
    await circulate(d, draftTwo.revision.id, 'Draft 2');

    const after = await history(d, 'Mexico');
    expect(after.document.id).toBe(d.documentId);
    expect(
      after.revisions.map((r) => ({
        name: r.revision.name,
        state: r.revision.state,
        carryForward: r.carryForward,
        dated: r.circulation?.dated ?? null,
        coverNote: r.circulation?.coverNote ?? null,
        carried: r.proposals.carriedForward,
        leftBehind: r.proposals.leftBehind,
        rejected: r.proposals.rejected,
        pending: r.proposals.pending,
      })),
    ).toEqual([
      {
        name: 'Zero draft',
        state: 'superseded',
        carryForward: null,
        dated: '2021-04-30',
        coverNote: expect.stringContaining('I have the pleasure to circulate the "zero draft"'),
        carried: 1,
        leftBehind: 0,
        rejected: 1,
        pending: 0,
      },
      {
        name: 'Draft 1',
        state: 'superseded',
        carryForward: true,
        dated: '2021-06-10',
        coverNote: COVER_NOTE,
        carried: 0,
        leftBehind: 1,
        rejected: 0,
        pending: 0,
      },
      {
        name: 'Draft 2',
        state: 'circulated',
        carryForward: false,
        dated: '2021-06-10',
        coverNote: COVER_NOTE,
        carried: 0,
        leftBehind: 0,
        rejected: 0,
        pending: 0,
      },
    ]);
    expect(after.revisions[1]?.basedOn).toBe(d.zeroDraftId);
    const chairOnDraftOne = await editor(d, 'Kenya', draftOne.revision.id);
    expect(Object.keys(recordsIn(chairOnDraftOne.doc))).toEqual([mexicos.id]);
  });
});

describe('the server’s clock', () => {
  it('dates proposals, decisions and circulation by the server’s time, not the delegate’s', async () => {
    const clock = new ManualClock('2021-06-09T14:00:00.000Z');
    const d = await demo(clock);
    const mexicoEditor = await editor(d, 'Mexico', d.zeroDraftId);
    const mexicos = await propose(d, 'Mexico', mexicoEditor, (by) =>
      proposeInsertion(mexicoEditor.doc, 'p-a-05', 'States', ' firmly', by),
    );
    clock.set('2021-06-09T15:30:00.000Z');
    const accepted = await d.call('Kenya', 'POST', `/revisions/${d.zeroDraftId}/decisions`, {
      decision: 'accept',
      scope: { kind: 'proposal', proposalId: mexicos.id },
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    await waitFor(() => recordsIn(mexicoEditor.doc)[mexicos.id]?.status === 'accepted', { what: 'the decision' });
    const record = recordsIn(mexicoEditor.doc)[mexicos.id];
    expect(record?.createdAt).toBe('2021-06-09T14:00:00.000Z');
    expect(record?.history.map((e) => [e.act, e.at])).toEqual([
      ['proposed', '2021-06-09T14:00:00.000Z'],
      ['accepted', '2021-06-09T15:30:00.000Z'],
    ]);

    clock.set('2021-06-10T09:00:00.000Z');
    const draftOne = await startNext(d, d.zeroDraftId, false);
    const circulated = await circulate(d, draftOne.revision.id, 'Draft 1');
    expect(circulated.circulation.circulatedAt).toBe('2021-06-10T09:00:00.000Z');
    const list = AuditList.parse(
      await getJson(d.server.url, `/api/meetings/${d.meetingId}/audit`, await d.cookie('Kenya')),
    );
    expect(
      list.entries
        .filter((e) => e.id > d.seededAudit)
        .filter((e) => e.action === 'proposal.accept' || e.action === 'revision.circulate')
        .map((e) => [e.action, e.at]),
    ).toEqual([
      ['revision.circulate', '2021-06-10T09:00:00.000Z'],
      ['proposal.accept', '2021-06-09T15:30:00.000Z'],
    ]);
  });
});
