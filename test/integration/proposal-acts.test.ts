/**
 * The acts on proposals, paragraphs and sections over REST against a real server (issue 5):
 * who may take each, on which revision, what it answers when refused, and what every
 * client of the revision sees after it. Proposals are written over real websockets, as a
 * delegate's editor writes them.
 */
import { join } from 'node:path';
import { defaultConfig } from '@zerodraft/server/config.ts';
import { demoAccounts, seedDemo } from '@zerodraft/server/demo/seed.ts';
import { type RunningServer, startServer } from '@zerodraft/server/server.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { AuditList } from '@zerodraft/shared/api/audit.ts';
import { ProposalActResult, ProposalSaved } from '@zerodraft/shared/api/proposals.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import { type CollabClient, connect } from '../helpers/collab-client.ts';
import { documentText, paragraphs, paragraphTexts } from '../helpers/document-text.ts';
import { demoRevisionId, getJson, signIn } from '../helpers/session.ts';
import {
  announceEditor,
  proposalsIn,
  proposeDeletion,
  proposeInsertion,
  proposeParagraph,
  proposeReplacement,
  recordsIn,
} from '../helpers/suggesting.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

type Person = 'chair' | 'mexico' | 'japan' | 'switzerland' | 'penHolder' | 'facilitator' | 'secretariat';

/** Who plays whom, and the role the Chair gives them first. */
const cast: Record<Person, { delegation: string; set?: Record<string, unknown> }> = {
  chair: { delegation: 'Kenya' },
  mexico: { delegation: 'Mexico' },
  japan: { delegation: 'Japan' },
  switzerland: { delegation: 'Switzerland' },
  penHolder: { delegation: 'Brazil', set: { role: 'bureau', hasPen: true } },
  facilitator: { delegation: 'Nigeria', set: { role: 'facilitator', sections: ['s-b'] } },
  secretariat: { delegation: 'United Nations Office for Disarmament Affairs' },
};
const people = Object.keys(cast) as Person[];

let server: RunningServer;
let store: SqliteStore;
let dataDir: string;
let meetingId = '';
let revisionId = '';
const cookies = new Map<Person, string>();
const mes = new Map<Person, Me>();
const clients = new Map<Person, CollabClient>();
let proposalCount = 0;
let persistedCount = 0;

const cookie = (who: Person) => cookies.get(who) ?? '';
const client = (who: Person): CollabClient => {
  const found = clients.get(who);
  if (!found) throw new Error(`${who} has no client`);
  return found;
};

/** A new proposal of `who`'s, as their editor starts one. */
function proposal(who: Person): SuggestionAttrs {
  const me = mes.get(who);
  const delegation = me?.participations[0]?.delegation.id;
  if (!me || !delegation) throw new Error(`${who} is not signed in`);
  return { id: `${who}-proposal-${++proposalCount}`, delegation, user: me.user.id, time: new Date().toISOString() };
}

/** Writes in `who`'s own editor, and waits until the server has stored it and the Chair sees it. */
async function propose(who: Person, write: (doc: Y.Doc) => void, id: string): Promise<void> {
  const { doc } = client(who);
  write(doc);
  try {
    await client(who).confirmPersisted(++persistedCount);
  } catch (error) {
    const closes = client(who).closes.map((c) => `${c.code} ${c.reason}`);
    throw new Error(`${(error as Error).message}; ${who}'s connection closed with: ${closes.join(', ')}`);
  }
  await waitFor(() => proposalsIn(client('chair').doc).some((p) => p.id === id), {
    what: `the Chair to see proposal ${id}`,
  });
}

const act = (who: Person, method: string, path: string, body?: unknown) =>
  api(server.url, method, `/api/revisions/${revisionId}${path}`, { cookie: cookie(who), body });

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const { error } = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: error.message };
}

const stance = (who: Person, id: string, value: 'support' | 'oppose' | null) =>
  act(who, 'PUT', `/proposals/${id}/stance`, { stance: value });
const decide = (who: Person, decision: 'accept' | 'reject', scope: Record<string, unknown>) =>
  act(who, 'POST', '/decisions', { decision, scope });

const paragraphOf = (doc: Y.Doc, pid: string) => paragraphs(doc).find((p) => p.getAttribute('pid') === pid);
const textOf = (doc: Y.Doc, pid: string) => {
  const index = paragraphs(doc).findIndex((p) => p.getAttribute('pid') === pid);
  return paragraphTexts(doc)[index];
};

/** Every client shows the same text and the same proposals and records. */
async function everyoneSeesTheSame(): Promise<void> {
  const view = (c: CollabClient) => JSON.stringify([documentText(c.doc), proposalsIn(c.doc), recordsIn(c.doc)]);
  await waitFor(() => new Set([...clients.values()].map(view)).size === 1, { what: 'every client to converge' });
}

async function auditEntries(action: string) {
  const body = await getJson(server.url, `/api/meetings/${meetingId}/audit?action=${action}`, cookie('chair'));
  return AuditList.parse(body).entries;
}

beforeAll(async () => {
  dataDir = makeTempDir();
  store = new SqliteStore({ path: join(dataDir, 'zerodraft.db') });
  await seedDemo(store);
  server = await startServer({ store, config: { ...defaultConfig, port: 0, dataDir, clientDir: null } });
  for (const who of people) {
    const account = demoAccounts.find((a) => a.delegation === cast[who].delegation);
    if (!account) throw new Error(`No demo account for ${cast[who].delegation}`);
    cookies.set(who, await signIn(server.url, account.email, account.password));
  }
  const chairMe = Me.parse(await getJson(server.url, '/api/me', cookie('chair')));
  meetingId = chairMe.participations[0]?.meetingId ?? '';
  for (const who of people) {
    const change = cast[who].set;
    if (!change) continue;
    const userId = Me.parse(await getJson(server.url, '/api/me', cookie(who))).user.id;
    const response = await api(server.url, 'PATCH', `/api/meetings/${meetingId}/participants/${userId}`, {
      cookie: cookie('chair'),
      body: change,
    });
    expect(response.status, await response.text()).toBe(200);
  }
  for (const who of people) mes.set(who, Me.parse(await getJson(server.url, '/api/me', cookie(who))));
  revisionId = await demoRevisionId(server.url, cookie('chair'));
  for (const who of ['chair', 'mexico', 'japan', 'switzerland', 'penHolder'] as const) {
    const editor = await connect(server.url, revisionId, cookie(who));
    announceEditor(editor);
    clients.set(who, editor);
  }
});

afterAll(async () => {
  for (const c of clients.values()) c.destroy();
  await server?.close();
  await store?.close();
  removeTempDir(dataDir);
});

describe('supporting and opposing', () => {
  it('lets another delegation support, then oppose, then neither, and everyone sees it', async () => {
    const mexicos = proposal('mexico');
    await propose('mexico', (doc) => proposeInsertion(doc, 'p-a-05', 'States', ' firmly', mexicos), mexicos.id);

    const supported = await stance('japan', mexicos.id, 'support');
    expect(supported.status, await supported.clone().text()).toBe(200);
    expect(ProposalSaved.parse(await supported.json()).proposal).toMatchObject({
      delegationName: 'Mexico',
      userName: 'Lucía Hernández',
      status: 'pending',
      stances: {
        [mes.get('japan')?.participations[0]?.delegation.id ?? '']: { stance: 'support', delegationName: 'Japan' },
      },
    });
    await waitFor(() => Object.keys(recordsIn(client('mexico').doc)[mexicos.id]?.stances ?? {}).length === 1, {
      what: "Mexico's editor to show Japan's support",
    });

    expect((await stance('japan', mexicos.id, 'oppose')).status).toBe(200);
    expect((await stance('switzerland', mexicos.id, 'support')).status).toBe(200);
    expect((await stance('japan', mexicos.id, null)).status).toBe(200);
    await everyoneSeesTheSame();
    const record = recordsIn(client('mexico').doc)[mexicos.id];
    expect(Object.values(record?.stances ?? {}).map((s) => `${s.delegationName} ${s.stance}`)).toEqual([
      'Switzerland support',
    ]);
    expect(record?.history.map((e) => `${e.act} ${e.delegationName}`)).toEqual([
      'proposed Mexico',
      'support Japan',
      'oppose Japan',
      'support Switzerland',
      'stance_withdrawn Japan',
    ]);
    expect((await auditEntries('proposal.support')).map((e) => `${e.actorDelegation}: ${e.target}`)).toEqual([
      'Switzerland: Proposal by Mexico in paragraph 1',
      'Japan: Proposal by Mexico in paragraph 1',
    ]);
    expect((await auditEntries('proposal.stance_withdrawn')).map((e) => e.detail)).toEqual([
      { proposalId: mexicos.id, from: 'oppose', to: null },
    ]);
  });

  it('refuses a stance from the proposing delegation, the Chair and the Secretariat', async () => {
    const mexicos = proposal('mexico');
    await propose('mexico', (doc) => proposeDeletion(doc, 'p-a-06', 'yet ', mexicos), mexicos.id);
    expect(await refusal(await stance('mexico', mexicos.id, 'support'))).toEqual({
      status: 403,
      message: 'Mexico made this proposal; a delegation does not support or oppose its own proposal.',
    });
    for (const who of ['chair', 'secretariat', 'penHolder'] as const) {
      expect(await refusal(await stance(who, mexicos.id, 'oppose'))).toEqual({
        status: 403,
        message: 'Only delegations support or oppose proposals.',
      });
    }
    expect((await stance('japan', mexicos.id, 'maybe' as 'support')).status).toBe(400);
    expect(await refusal(await stance('japan', 'no-such-proposal', 'support'))).toEqual({
      status: 404,
      message: 'This proposal was not found in this revision.',
    });
  });
});

describe('rationale', () => {
  it('lets only the proposing delegation give, change and remove it', async () => {
    const japans = proposal('japan');
    await propose('japan', (doc) => proposeReplacement(doc, 'p-a-07', 'encourage', 'welcome', japans), japans.id);
    const path = `/proposals/${japans.id}/rationale`;
    const given = await act('japan', 'PUT', path, { rationale: '  Consistent with A/RES/75/241.  ' });
    expect(given.status).toBe(200);
    expect(ProposalSaved.parse(await given.json()).proposal.rationale).toBe('Consistent with A/RES/75/241.');
    expect(await refusal(await act('mexico', 'PUT', path, { rationale: 'Not ours to say' }))).toEqual({
      status: 403,
      message: 'Only Japan, which made this proposal, gives its rationale.',
    });
    expect(await refusal(await act('secretariat', 'PUT', path, { rationale: 'x' }))).toMatchObject({ status: 403 });
    expect((await act('japan', 'PUT', path, { rationale: 'x'.repeat(2001) })).status).toBe(400);
    await waitFor(() => recordsIn(client('mexico').doc)[japans.id]?.rationale === 'Consistent with A/RES/75/241.', {
      what: "Mexico's editor to show Japan's rationale",
    });
    const removed = await act('japan', 'PUT', path, { rationale: '' });
    expect(ProposalSaved.parse(await removed.json()).proposal.rationale).toBeNull();
  });
});

describe('withdrawing', () => {
  it('takes the proposal out of everyone’s text, for its delegation only, once', async () => {
    const before = textOf(client('chair').doc, 'p-a-10');
    const mexicos = proposal('mexico');
    await propose('mexico', (doc) => proposeReplacement(doc, 'p-a-10', 'accurate', 'precise', mexicos), mexicos.id);
    const path = `/proposals/${mexicos.id}/withdraw`;
    expect(await refusal(await act('japan', 'POST', path))).toEqual({
      status: 403,
      message: 'Only Mexico, which made this proposal, withdraws it.',
    });
    expect(await refusal(await act('secretariat', 'POST', path))).toEqual({
      status: 403,
      message: 'Only the delegation that made a proposal withdraws it.',
    });
    const withdrawn = await act('mexico', 'POST', path);
    expect(ProposalActResult.parse(await withdrawn.json())).toEqual({ proposalIds: [mexicos.id], lapsed: [] });
    await everyoneSeesTheSame();
    expect(textOf(client('japan').doc, 'p-a-10')).toBe(before);
    expect(recordsIn(client('japan').doc)[mexicos.id]).toMatchObject({ status: 'withdrawn', inserted: 'precise' });
    expect(await refusal(await act('mexico', 'POST', path))).toEqual({
      status: 409,
      message: 'This proposal was already withdrawn.',
    });
  });
});

describe('accepting and rejecting', () => {
  it('lets the Chair and a pen-holding Bureau member decide, and nobody else', async () => {
    const switzerlands = proposal('switzerland');
    await propose(
      'switzerland',
      (doc) => proposeInsertion(doc, 'p-b-01', 'capacity-building', ', mentoring', switzerlands),
      switzerlands.id,
    );
    const scope = { kind: 'proposal', proposalId: switzerlands.id };
    for (const who of ['mexico', 'switzerland', 'facilitator', 'secretariat'] as const) {
      expect(await refusal(await decide(who, 'accept', scope))).toEqual({
        status: 403,
        message: 'Only the Chair, or a Bureau member holding the pen, accepts or rejects proposals.',
      });
    }
    const accepted = await decide('penHolder', 'accept', scope);
    expect(ProposalActResult.parse(await accepted.json()).proposalIds).toEqual([switzerlands.id]);
    await everyoneSeesTheSame();
    expect(textOf(client('mexico').doc, 'p-b-01')).toContain('capacity-building, mentoring and training');
    expect(proposalsIn(client('mexico').doc).map((p) => p.id)).not.toContain(switzerlands.id);
    expect(await refusal(await decide('chair', 'reject', scope))).toEqual({
      status: 409,
      message: 'This proposal was already accepted.',
    });
    const [entry] = await auditEntries('proposal.accept');
    expect(entry).toMatchObject({
      actorName: 'Ana Carvalho',
      actorDelegation: 'Brazil',
      target: 'Proposal by Switzerland in paragraph 4',
      detail: { proposalId: switzerlands.id, inserted: ', mentoring', deleted: null },
    });
  });

  it("accepts all of a paragraph's proposals as one act, and rejects a new paragraph", async () => {
    const mexicos = proposal('mexico');
    const japans = proposal('japan');
    const switzerlands = proposal('switzerland');
    await propose('mexico', (doc) => proposeDeletion(doc, 'p-b-02', 'better ', mexicos), mexicos.id);
    await propose('japan', (doc) => proposeInsertion(doc, 'p-b-02', 'assistance', ' and expertise', japans), japans.id);
    await propose(
      'switzerland',
      (doc) => proposeParagraph(doc, 'p-b-03', 'p-b-che', 'States welcome South-South cooperation;', switzerlands),
      switzerlands.id,
    );
    const pending = proposalsIn(client('chair').doc).length;

    const all = await decide('chair', 'accept', { kind: 'paragraph', pid: 'p-b-02' });
    expect(ProposalActResult.parse(await all.json())).toEqual({ proposalIds: [mexicos.id, japans.id], lapsed: [] });
    const rejected = await decide('chair', 'reject', { kind: 'proposal', proposalId: switzerlands.id });
    expect(rejected.status).toBe(200);
    await everyoneSeesTheSame();
    const doc = client('japan').doc;
    expect(textOf(doc, 'p-b-02')).toBe(
      'States encourage matching of needs and resources, and invite States in a position to do so to provide assistance and expertise upon request, with due regard to national ownership and to the sustainability of results;',
    );
    expect(paragraphOf(doc, 'p-b-che')).toBeUndefined();
    expect(proposalsIn(doc)).toHaveLength(pending - 3);
    expect(recordsIn(doc)[switzerlands.id]).toMatchObject({
      status: 'rejected',
      inserted: 'States welcome South-South cooperation;',
    });
    expect(await refusal(await decide('chair', 'accept', { kind: 'paragraph', pid: 'p-nowhere' }))).toEqual({
      status: 404,
      message: 'This paragraph was not found in this revision.',
    });
  });
});

describe('paragraph status and sections', () => {
  it("lets a facilitator set the status of their own section's paragraphs only", async () => {
    const status = (who: Person, pid: string, value: string) =>
      act(who, 'PUT', `/paragraphs/${pid}/status`, { status: value });
    const agreed = await status('facilitator', 'p-b-03', 'agreed');
    expect(await agreed.json()).toEqual({ pid: 'p-b-03', status: 'agreed' });
    await waitFor(() => paragraphOf(client('mexico').doc, 'p-b-03')?.getAttribute('status') === 'agreed', {
      what: "Mexico's editor to show the paragraph agreed",
    });
    const refused = {
      status: 403,
      message:
        'Only the Chair, a Bureau member holding the pen, or the facilitator of this section opens or closes it and sets the status of its paragraphs.',
    };
    expect(await refusal(await status('facilitator', 'p-c-01', 'agreed'))).toEqual(refused);
    expect(await refusal(await status('mexico', 'p-b-03', 'open'))).toEqual(refused);
    expect((await status('chair', 'p-c-01', 'agreed_ad_ref')).status).toBe(200);
    expect((await status('chair', 'p-c-01', 'settled')).status).toBe(400);
    expect(await refusal(await status('chair', 'p-nowhere', 'agreed'))).toEqual({
      status: 404,
      message: 'This paragraph was not found in this revision.',
    });
    expect((await auditEntries('paragraph.status')).map((e) => [e.actorDelegation, e.target, e.detail])).toEqual([
      ['Kenya', 'Paragraph 7', { pid: 'p-c-01', from: 'Open', to: 'Agreed ad ref' }],
      ['Nigeria', 'Paragraph 6', { pid: 'p-b-03', from: 'Open', to: 'Agreed' }],
    ]);
  });

  it('closes and reopens a section for everyone, by the Chair or its facilitator', async () => {
    const state = (who: Person, sid: string, closed: boolean) => act(who, 'PUT', `/sections/${sid}/state`, { closed });
    const sectionE = () =>
      client('switzerland')
        .doc.getXmlFragment('document')
        .toArray()
        .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('sid') === 's-e');
    expect(await (await state('chair', 's-e', true)).json()).toEqual({ sid: 's-e', closed: true });
    await waitFor(() => (sectionE()?.getAttribute('closed') as unknown) === true, {
      what: "Switzerland's editor to show section E closed",
    });
    expect(await refusal(await state('facilitator', 's-e', false))).toMatchObject({ status: 403 });
    expect((await state('facilitator', 's-b', true)).status).toBe(200);
    expect((await state('facilitator', 's-b', false)).status).toBe(200);
    expect(await refusal(await state('chair', 's-z', true))).toEqual({
      status: 404,
      message: 'This section was not found in this revision.',
    });
    expect((await auditEntries('section.close')).map((e) => e.target)).toEqual([
      'Section B. International cooperation and assistance',
      'Section E. Follow-up and the Fourth Review Conference',
    ]);
    expect((await auditEntries('section.open')).map((e) => e.actorDelegation)).toEqual(['Nigeria']);
  });
});

describe('which revisions take acts', () => {
  it('refuses acts on a revision that is not circulated, and hides those one may not see', async () => {
    const [document] = await store.listDocuments(meetingId);
    if (!document) throw new Error('The demo has no document');
    const superseded = await store.createRevision({
      id: 'acts-superseded',
      documentId: document.id,
      name: 'Earlier draft',
      state: 'superseded',
    });
    const preparing = await store.createRevision({
      id: 'acts-preparing',
      documentId: document.id,
      name: 'Draft 1',
      state: 'in_preparation',
    });
    const on = (id: string, who: Person, path: string, body: unknown) =>
      api(server.url, 'PUT', `/api/revisions/${id}${path}`, { cookie: cookie(who), body });
    expect(await refusal(await on(superseded.id, 'chair', '/sections/s-a/state', { closed: true }))).toEqual({
      status: 409,
      message: 'This revision has been superseded by a later one and can no longer change.',
    });
    expect(
      await refusal(await on(superseded.id, 'japan', '/proposals/any-proposal/stance', { stance: 'support' })),
    ).toMatchObject({ status: 409 });
    expect(await refusal(await on(preparing.id, 'chair', '/paragraphs/p-a-05/status', { status: 'agreed' }))).toEqual({
      status: 409,
      message:
        'This revision is in preparation: the pen-holders edit its text directly. Proposals, decisions and paragraph status come once it is circulated.',
    });
    expect(
      await refusal(await on(preparing.id, 'japan', '/proposals/any-proposal/stance', { stance: 'support' })),
    ).toEqual({ status: 404, message: 'The revision was not found.' });
    expect((await on('no-such-revision', 'chair', '/sections/s-a/state', { closed: true })).status).toBe(404);
    const anonymous = await api(server.url, 'PUT', `/api/revisions/${revisionId}/sections/s-a/state`, {
      body: { closed: true },
    });
    expect(anonymous.status).toBe(401);
  });
});
