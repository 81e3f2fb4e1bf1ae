/**
 * Issue 5's multi-client test: three delegations and the Chair propose, support, withdraw,
 * accept and reject at the same time over real websockets and REST; every editor ends with
 * the same text and the same proposals, and so does the revision after a restart.
 */
import { type DemoAccount, demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { documentText, paragraphs, paragraphTexts } from '../helpers/document-text.ts';
import { demoRevisionId, getJson, signIn } from '../helpers/session.ts';
import { storedText } from '../helpers/stored-revision.ts';
import {
  announceEditor,
  proposalsIn,
  proposeDeletion,
  proposeInsertion,
  proposeParagraph,
  proposeReplacement,
  recordsIn,
} from '../helpers/suggesting.ts';
import { chair, newClient, newServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const delegate = (name: string): DemoAccount => {
  const account = demoAccounts.find((a) => a.delegation === name);
  if (!account) throw new Error(`No demo account for ${name}`);
  return account;
};
const cast = { chair, mexico: delegate('Mexico'), japan: delegate('Japan'), switzerland: delegate('Switzerland') };
type Person = keyof typeof cast;

/** What one editor shows: the text, the proposals in it, and the server's records of them. */
const view = (doc: Y.Doc) =>
  JSON.stringify({ text: documentText(doc), proposals: proposalsIn(doc), records: recordsIn(doc) });

async function converge(clients: CollabClient[], what: string): Promise<void> {
  await waitFor(() => new Set(clients.map((c) => view(c.doc))).size === 1, { timeoutMs: 10_000, what });
}

const textOf = (doc: Y.Doc, pid: string) =>
  paragraphTexts(doc)[paragraphs(doc).findIndex((p) => p.getAttribute('pid') === pid)];

describe('proposals with several clients at once', () => {
  it('converges on one text and one list of proposals, which survives a restart', async () => {
    const server = await newServer();
    const people = Object.keys(cast) as Person[];
    const cookies = {} as Record<Person, string>;
    const mes = {} as Record<Person, Me>;
    for (const who of people) {
      cookies[who] = await signIn(server.url, cast[who].email, cast[who].password);
      mes[who] = Me.parse(await getJson(server.url, '/api/me', cookies[who]));
    }
    const revisionId = await demoRevisionId(server.url, cookies.chair);
    const editors = {} as Record<Person, CollabClient>;
    for (const who of people) {
      editors[who] = await newClient(server.url, revisionId, cookies[who]);
      announceEditor(editors[who]);
    }
    const all = Object.values(editors);
    const proposal = (who: Person, name: string): SuggestionAttrs => ({
      id: `${who}-${name}`,
      delegation: mes[who].participations[0]?.delegation.id ?? '',
      user: mes[who].user.id,
      time: new Date().toISOString(),
    });
    let confirmations = 0;
    const stored = (who: Person) => editors[who].confirmPersisted(++confirmations, 10_000);
    const act = (who: Person, method: string, path: string, body?: unknown) =>
      api(server.url, method, `/api/revisions/${revisionId}${path}`, { cookie: cookies[who], body });

    const mexicoReaffirms = proposal('mexico', 'reaffirm');
    const mexicoDeletes = proposal('mexico', 'better');
    const japanStrongly = proposal('japan', 'strongly');
    const japanDeletes = proposal('japan', 'renew');
    const japanLater = proposal('japan', 'later');
    const swissParagraph = proposal('switzerland', 'youth');
    const chairYear = proposal('chair', 'year');

    // Everyone proposes at once, each in their own editor.
    proposeReplacement(editors.mexico.doc, 'p-a-05', 'renew', 'reaffirm', mexicoReaffirms);
    proposeDeletion(editors.mexico.doc, 'p-b-02', 'better ', mexicoDeletes);
    proposeInsertion(editors.japan.doc, 'p-c-01', 'States ', 'strongly ', japanStrongly);
    proposeParagraph(
      editors.switzerland.doc,
      'p-d-03',
      'p-d-che',
      'States welcome the participation of young people;',
      swissParagraph,
    );
    proposeReplacement(editors.chair.doc, 'p-e-01', '[2022]', '2022', chairYear);
    await Promise.all(people.map(stored));
    await converge(all, 'the first proposals to reach every editor');
    expect(proposalsIn(editors.chair.doc).map((p) => p.id)).toEqual([
      mexicoReaffirms.id,
      mexicoDeletes.id,
      japanStrongly.id,
      swissParagraph.id,
      chairYear.id,
    ]);

    // Japan, seeing Mexico's replacement, proposes deleting the same word.
    proposeDeletion(editors.japan.doc, 'p-a-05', 'renew', japanDeletes);
    await stored('japan');
    await converge(all, "Japan's deletion to reach every editor");

    // Stances, a withdrawal, decisions and a new proposal, all at the same moment.
    proposeInsertion(editors.japan.doc, 'p-d-02', 'mainstreaming of', ' age and', japanLater);
    const answers = await Promise.all([
      act('switzerland', 'PUT', `/proposals/${mexicoReaffirms.id}/stance`, { stance: 'support' }),
      act('japan', 'PUT', `/proposals/${mexicoReaffirms.id}/stance`, { stance: 'oppose' }),
      act('switzerland', 'PUT', `/proposals/${chairYear.id}/stance`, { stance: 'support' }),
      act('mexico', 'POST', `/proposals/${mexicoDeletes.id}/withdraw`),
      act('chair', 'POST', '/decisions', {
        decision: 'accept',
        scope: { kind: 'proposal', proposalId: japanStrongly.id },
      }),
      act('chair', 'POST', '/decisions', {
        decision: 'reject',
        scope: { kind: 'proposal', proposalId: swissParagraph.id },
      }),
      stored('japan'),
    ]);
    for (const answer of answers) if (answer) expect(answer.status, await answer.text()).toBe(200);

    const accepted = await act('chair', 'POST', '/decisions', {
      decision: 'accept',
      scope: { kind: 'proposal', proposalId: mexicoReaffirms.id },
    });
    expect(await accepted.json()).toEqual({ proposalIds: [mexicoReaffirms.id], lapsed: [japanDeletes.id] });
    await converge(all, 'every editor to show the decisions');

    const doc = editors.switzerland.doc;
    expect(textOf(doc, 'p-a-05')).toMatch(/^States reaffirm their commitment/);
    expect(textOf(doc, 'p-b-02')).toMatch(/^States encourage better matching/);
    expect(textOf(doc, 'p-c-01')).toMatch(/^States strongly underline the importance/);
    expect(textOf(doc, 'p-d-02')).toMatch(/mainstreaming of age and gender perspectives/);
    expect(paragraphs(doc).some((p) => p.getAttribute('pid') === 'p-d-che')).toBe(false);
    expect(proposalsIn(doc).map((p) => p.id)).toEqual([japanLater.id, chairYear.id]);
    const records = recordsIn(doc);
    const summary = (id: string) => {
      const record = records[id];
      const stances = Object.values(record?.stances ?? {}).map((s) => `${s.delegationName} ${s.stance}`);
      return `${record?.delegationName} ${record?.status}${stances.length ? ` (${stances.sort().join(', ')})` : ''}`;
    };
    expect(
      [mexicoReaffirms, mexicoDeletes, japanStrongly, japanDeletes, swissParagraph, chairYear].map((p) =>
        summary(p.id),
      ),
    ).toEqual([
      'Mexico accepted (Japan oppose, Switzerland support)',
      'Mexico withdrawn',
      'Japan accepted',
      'Japan rejected',
      'Switzerland rejected',
      'Kenya pending (Switzerland support)',
    ]);
    const before = view(doc);

    // Stop and start the server: the editors reconnect, and a new one opens the revision fresh.
    await server.restart();
    await waitFor(() => all.every((c) => c.provider.wsconnected && c.provider.synced), {
      timeoutMs: 15_000,
      what: 'every editor to reconnect',
    });
    const afterwards = await newClient(server.url, revisionId, cookies.mexico);
    await converge([...all, afterwards], 'every editor, old and new, to agree after the restart');
    expect(view(afterwards.doc)).toBe(before);
    expect(await storedText(server.databasePath, revisionId)).toBe(documentText(afterwards.doc));
  });
});
