import { randomUUID } from 'node:crypto';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { type CompilationParagraph, RevisionCompilation } from '@zerodraft/shared/api/compilation.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { announceEditor, proposeReplacement } from '../helpers/suggesting.ts';
import { chair, mexico, newClient, newServer, openDemo, type TestServer } from '../helpers/test-server.ts';

const japan = demoAccounts.find((a) => a.delegation === 'Japan') ?? chair;
const brazil = demoAccounts.find((a) => a.delegation === 'Brazil') ?? chair;

const compilationPath = (revisionId: string) => `/api/revisions/${encodeURIComponent(revisionId)}/compilation`;

async function compilationOf(url: string, revisionId: string, cookie: string): Promise<RevisionCompilation> {
  return RevisionCompilation.parse(await getJson(url, compilationPath(revisionId), cookie));
}

function paragraphOf(view: RevisionCompilation, pid: string): CompilationParagraph {
  const found = view.compilation.sections.flatMap((s) => s.paragraphs).find((p) => p.pid === pid);
  if (!found) throw new Error(`The compilation has no paragraph ${pid}`);
  return found;
}

const openRevisions = async (url: string) =>
  ((await (await fetch(`${url}/api/health`)).json()) as { openRevisions: number }).openRevisions;

/** Adds a revision the Chair is still preparing to the demo document, through a store of its own. */
async function addRevisionInPreparation(server: TestServer, besideRevisionId: string): Promise<string> {
  const store = new SqliteStore({ path: server.databasePath });
  try {
    const beside = await store.findRevision(besideRevisionId);
    if (!beside) throw new Error('The demo revision is missing');
    const revision = await store.createRevision({
      id: randomUUID(),
      documentId: beside.documentId,
      name: 'Draft 1',
      state: 'in_preparation',
    });
    return revision.id;
  } finally {
    await store.close();
  }
}

describe('GET /api/revisions/:revisionId/compilation', () => {
  it('prints the circulated zero draft paragraph by paragraph, numbered, without opening the revision', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url, mexico);

    const view = await compilationOf(server.url, revisionId, cookie);

    expect(view.meeting.symbol).toBe('A/CONF.192/BMS/2021');
    expect(view.revision).toMatchObject({ id: revisionId, name: 'Zero draft', state: 'circulated' });
    expect(view.document.title).toBe('Outcome document');
    expect(Date.parse(view.compiledAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(view.compilation.sections.map((s) => s.sid)).toEqual(['s-a', 's-b', 's-c', 's-d', 's-e']);
    expect(paragraphOf(view, 'p-a-01')).toMatchObject({ kind: 'preambular', number: null });
    expect(paragraphOf(view, 'p-a-05')).toMatchObject({
      number: '1.',
      content: [
        {
          text: 'States renew their commitment to implement the Programme of Action and the International Tracing Instrument fully and effectively at the national, regional and global levels;',
        },
      ],
    });
    expect(paragraphOf(view, 'p-a-08').number).toBe('(a)');
    expect(view.compilation.proposals).toEqual({});
    // Read from the store for this request only: no room is left open.
    expect(await openRevisions(server.url)).toBe(0);
  });

  it('shows a proposal made over the wire with who supports and opposes it, from the open room and after a restart', async () => {
    const server = await newServer();
    const { cookie: mexicoCookie, revisionId } = await openDemo(server.url, mexico);
    const japanCookie = await signIn(server.url, japan.email, japan.password);
    const me = Me.parse(await getJson(server.url, '/api/me', mexicoCookie));
    const delegation = me.participations[0]?.delegation.id ?? '';
    const proposal: SuggestionAttrs = {
      id: 'mexico-replaces-fully',
      delegation,
      user: me.user.id,
      time: new Date().toISOString(),
    };

    const atMexico = await newClient(server.url, revisionId, mexicoCookie);
    announceEditor(atMexico);
    proposeReplacement(atMexico.doc, 'p-a-05', 'fully and effectively', 'in full and without delay', proposal);
    await atMexico.confirmPersisted(1);
    expect(atMexico.closes).toEqual([]);
    const brazilCookie = await signIn(server.url, brazil.email, brazil.password);
    for (const [cookie, stance] of [
      [japanCookie, 'support'],
      [brazilCookie, 'oppose'],
    ] as const) {
      const path = `/api/revisions/${revisionId}/proposals/${proposal.id}/stance`;
      const taken = await api(server.url, 'PUT', path, { cookie, body: { stance } });
      expect(taken.status, await taken.text()).toBe(200);
    }

    const expected = [
      {
        text: 'States renew their commitment to implement the Programme of Action and the International Tracing Instrument ',
      },
      { text: 'fully and effectively', deleted: [proposal.id] },
      { text: 'in full and without delay', inserted: [proposal.id] },
      { proposal: proposal.id },
      { text: ' at the national, regional and global levels;' },
    ];
    const live = await compilationOf(server.url, revisionId, japanCookie);
    expect(paragraphOf(live, 'p-a-05').content).toEqual(expected);
    expect(live.compilation.proposals[proposal.id]).toEqual({
      delegationName: 'Mexico',
      attribution: 'Mexico; supported by Japan; opposed by Brazil',
    });
    // The room Mexico is in stays open, and only that one.
    expect(await openRevisions(server.url)).toBe(1);

    atMexico.destroy();
    await server.restart();
    const stored = await compilationOf(server.url, revisionId, japanCookie);
    expect(paragraphOf(stored, 'p-a-05').content).toEqual(expected);
    expect(stored.compilation.proposals).toEqual(live.compilation.proposals);
    expect(await openRevisions(server.url)).toBe(0);
  });

  it('answers 401 to a visitor, 404 for a revision that does not exist or that the reader may not see, 400 for a malformed id', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const inPreparation = await addRevisionInPreparation(server, revisionId);

    expect((await api(server.url, 'GET', compilationPath(revisionId))).status).toBe(401);

    const unknown = await api(server.url, 'GET', compilationPath(randomUUID()), { cookie: mexicoCookie });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'The revision was not found.' } });

    // A revision in preparation does not exist for a delegation; the Chair reads it.
    expect((await api(server.url, 'GET', compilationPath(inPreparation), { cookie: mexicoCookie })).status).toBe(404);
    const preparing = await compilationOf(server.url, inPreparation, chairCookie);
    expect(preparing.revision).toMatchObject({ name: 'Draft 1', state: 'in_preparation' });
    expect(preparing.compilation).toEqual({ title: [], sections: [], proposals: {} });

    const malformed = await api(server.url, 'GET', compilationPath('not a revision!'), { cookie: mexicoCookie });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(
      /does not name a revision/,
    );
  });
});
