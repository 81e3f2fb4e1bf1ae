/**
 * Comparing two revisions of a document (issue 6) against a real server: the redline by
 * paragraph, followed through the stable paragraph ids ("paragraph 3 (was 2 in Draft 1)"), and
 * what became of each proposal of the older revision; who may compare what, and bad requests.
 */

import type { Clock } from '@zerodraft/server/clock.ts';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { type ComparisonRow, RevisionComparison, type WordSegment } from '@zerodraft/shared/api/comparison.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { RevisionStarted } from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { paragraphs } from '../helpers/document-text.ts';
import { storeLargeRevision } from '../helpers/large-revision.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { getJson, signIn } from '../helpers/session.ts';
import {
  announceEditor,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
  recordsIn,
} from '../helpers/suggesting.ts';
import { newClient, newServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

type Who = 'Kenya' | 'Mexico' | 'Japan' | 'Switzerland' | 'Nigeria' | 'Brazil' | 'UNODA';
const SECRETARIAT = 'United Nations Office for Disarmament Affairs';

interface Demo {
  server: TestServer;
  meetingId: string;
  documentId: string;
  zeroDraftId: string;
  cookie(who: Who): Promise<string>;
  call(who: Who, method: string, path: string, body?: unknown): Promise<Response>;
}

async function demo(clock?: Clock): Promise<Demo> {
  const server = await newServer({ silenceSweepMs: 10 }, { clock });
  const cookies = new Map<Who, string>();
  const cookie = async (who: Who) => {
    const known = cookies.get(who);
    if (known) return known;
    const name = who === 'UNODA' ? SECRETARIAT : who;
    const account = demoAccounts.find((a) => a.delegation === name);
    if (!account) throw new Error(`No demo account for ${who}`);
    const signedIn = await signIn(server.url, account.email, account.password);
    cookies.set(who, signedIn);
    return signedIn;
  };
  const me = Me.parse(await getJson(server.url, '/api/me', await cookie('Kenya')));
  const meetingId = me.participations[0]?.meetingId ?? '';
  const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, await cookie('Kenya')));
  const document = meeting.documents[0];
  const zeroDraftId = document?.revisions[0]?.id;
  if (!document || !zeroDraftId) throw new Error('The demo has no zero draft');
  return {
    server,
    meetingId,
    documentId: document.id,
    zeroDraftId,
    cookie,
    call: async (who, method, path, body) =>
      api(server.url, method, `/api${path}`, { cookie: await cookie(who), body }),
  };
}

async function ok(response: Response, status = 200): Promise<Response> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response;
}

async function refusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

async function startNext(d: Demo, from: string, carryForward: boolean): Promise<string> {
  const response = await ok(
    await d.call('Kenya', 'POST', `/documents/${d.documentId}/revisions`, { from, carryForward }),
    201,
  );
  return RevisionStarted.parse(await response.json()).revision.id;
}

async function circulate(d: Demo, revisionId: string, name: string): Promise<void> {
  await ok(
    await d.call('Kenya', 'POST', `/revisions/${revisionId}/circulate`, {
      name,
      date: '2021-07-28',
      coverNote: `Excellency, I have the honour to circulate ${name} of the outcome document.`,
    }),
  );
}

const comparisonPath = (d: Demo, query: Record<string, string> = {}) =>
  `/documents/${d.documentId}/comparison${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;

async function compare(d: Demo, who: Who, query: Record<string, string> = {}): Promise<RevisionComparison> {
  const response = await ok(await d.call(who, 'GET', comparisonPath(d, query)));
  return RevisionComparison.parse(await response.json());
}

/** An editor on a revision, announced as the editor announces itself. */
async function editor(d: Demo, who: Who, revisionId: string): Promise<CollabClient> {
  const client = await newClient(d.server.url, revisionId, await d.cookie(who));
  announceEditor(client);
  await waitFor(() => client.access !== undefined && client.provider.synced, { what: `${who}'s editor to sync` });
  return client;
}

let persisted = 0;
/** Writes in `who`'s editor and waits until the server has stored it. */
async function write(client: CollabClient, change: () => void): Promise<void> {
  change();
  await client.confirmPersisted(++persisted);
}

/** Writes a proposal in `who`'s editor and waits for the server to store it and record it. */
async function propose(d: Demo, who: Who, client: CollabClient, proposal: (by: SuggestionAttrs) => void) {
  const me = Me.parse(await getJson(d.server.url, '/api/me', await d.cookie(who)));
  const by: SuggestionAttrs = {
    id: `${who.toLowerCase()}-proposal-${persisted + 1}`,
    delegation: me.participations[0]?.delegation.id ?? '',
    user: me.user.id,
    time: new Date().toISOString(),
  };
  await write(client, () => proposal(by));
  await waitFor(() => recordsIn(client.doc)[by.id] !== undefined, { what: `the record of ${by.id}` });
  return by;
}

/** The Chair writes a new operative paragraph with the pen, right after paragraph `afterPid`. */
function penParagraph(doc: Y.Doc, afterPid: string, pid: string, words: string): void {
  const after = paragraphs(doc).find((p) => p.getAttribute('pid') === afterPid);
  const section = after?.parent;
  if (!after || !(section instanceof Y.XmlElement)) throw new Error(`No paragraph ${afterPid}`);
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('pid', pid);
    paragraph.setAttribute('kind', 'operative');
    paragraph.setAttribute('status', 'open');
    paragraph.insert(0, [new Y.XmlText(words)]);
    section.insert(section.toArray().indexOf(after) + 1, [paragraph]);
  });
}

/** A row's words as a redline prints them: [+inserted+] and [-deleted-]. */
const redline = (segments: readonly WordSegment[]) =>
  segments
    .map(({ text, change }) => (change === 'inserted' ? `[+${text}+]` : change === 'deleted' ? `[-${text}-]` : text))
    .join('');

const rowOf = (comparison: RevisionComparison, pid: string): ComparisonRow => {
  const row = comparison.rows.find((r) => r.pid === pid);
  if (!row) throw new Error(`The comparison has no paragraph ${pid}`);
  return row;
};

describe('comparing two revisions', () => {
  it('compares a text under silence, and then adopted, with what was accepted into it after its circulation', async () => {
    // Wednesday 28 July 2021, noon in New York; the silence runs until Friday noon.
    const clock = new ManualClock('2021-07-28T16:00:00.000Z');
    const d = await demo(clock);
    const draftOne = await startNext(d, d.zeroDraftId, false);
    await circulate(d, draftOne, 'Draft 1');
    const mexicoOn = await editor(d, 'Mexico', draftOne);
    const mexicos = await propose(d, 'Mexico', mexicoOn, (by) =>
      proposeInsertion(mexicoOn.doc, 'p-a-05', 'States', ' firmly', by),
    );
    await ok(
      await d.call('Kenya', 'POST', `/revisions/${draftOne}/decisions`, {
        decision: 'accept',
        scope: { kind: 'proposal', proposalId: mexicos.id },
      }),
    );
    await ok(
      await d.call('Kenya', 'POST', `/revisions/${draftOne}/silence`, { date: '2021-07-30', time: '12:00' }),
      201,
    );

    const underSilence = await compare(d, 'Japan');
    expect(underSilence.newer).toEqual({
      revision: expect.objectContaining({ name: 'Draft 1', state: 'under_silence' }),
      text: 'as_under_silence',
    });
    expect(redline(rowOf(underSilence, 'p-a-05').segments)).toMatch(/^States \[\+firmly \+\]renew /);

    clock.set('2021-07-30T16:00:01.000Z');
    await waitFor(async () => (await compare(d, 'Japan')).newer.revision.state === 'adopted', {
      what: 'the adoption at the deadline',
      intervalMs: 50,
    });
    const adopted = await compare(d, 'Japan');
    expect(adopted.newer.text).toBe('as_adopted');
    expect(adopted.older.text).toBe('as_circulated');
    expect(redline(rowOf(adopted, 'p-a-05').segments)).toMatch(/^States \[\+firmly \+\]renew /);
  });

  it('shows the accepted proposal and the Chair’s new paragraph in the redline, and what became of every proposal', async () => {
    const d = await demo();
    const draftOne = await startNext(d, d.zeroDraftId, false);
    await circulate(d, draftOne, 'Draft 1');

    const mexicoOn = await editor(d, 'Mexico', draftOne);
    const japanOn = await editor(d, 'Japan', draftOne);
    const swissOn = await editor(d, 'Switzerland', draftOne);
    const nigeriaOn = await editor(d, 'Nigeria', draftOne);
    const mexicos = await propose(d, 'Mexico', mexicoOn, (by) =>
      proposeReplacement(mexicoOn.doc, 'p-a-05', 'renew', 'reaffirm', by),
    );
    const japans = await propose(d, 'Japan', japanOn, (by) =>
      proposeDeletion(japanOn.doc, 'p-a-06', 'by the extended deadline of ', by),
    );
    const swiss = await propose(d, 'Switzerland', swissOn, (by) =>
      proposeInsertion(swissOn.doc, 'p-b-02', 'States encourage', ' further', by),
    );
    const nigerias = await propose(d, 'Nigeria', nigeriaOn, (by) =>
      proposeInsertion(nigeriaOn.doc, 'p-c-01', 'small arms and light weapons', ' and their ammunition', by),
    );
    await ok(
      await d.call('Brazil', 'PUT', `/revisions/${draftOne}/proposals/${mexicos.id}/stance`, { stance: 'support' }),
    );
    const decide = (decision: 'accept' | 'reject', proposalId: string) =>
      d.call('Kenya', 'POST', `/revisions/${draftOne}/decisions`, {
        decision,
        scope: { kind: 'proposal', proposalId },
      });
    await ok(await decide('accept', mexicos.id));
    await ok(await decide('reject', japans.id));
    await ok(await d.call('Switzerland', 'POST', `/revisions/${draftOne}/proposals/${swiss.id}/withdraw`));

    const draftTwo = await startNext(d, draftOne, true);
    const pen = await editor(d, 'Kenya', draftTwo);
    await write(pen, () =>
      penParagraph(pen.doc, 'p-a-05', 'p-chair-new', 'States welcome the report of the open-ended working group.'),
    );
    await circulate(d, draftTwo, 'Draft 2');

    const comparison = await compare(d, 'Mexico', { from: draftOne, to: draftTwo });
    expect(comparison.older).toEqual({ revision: expect.objectContaining({ name: 'Draft 1' }), text: 'as_circulated' });
    expect(comparison.newer).toEqual({ revision: expect.objectContaining({ name: 'Draft 2' }), text: 'as_circulated' });
    expect(comparison.counts).toMatchObject({ changed: 1, inserted: 1, deleted: 0, moved: 0 });

    const accepted = rowOf(comparison, 'p-a-05');
    expect(accepted).toMatchObject({ change: 'changed', old: { label: '1' }, new: { label: '1' } });
    expect(redline(accepted.segments)).toMatch(/^States \[-renew-\]\[\+reaffirm\+\] their commitment to implement/);

    const added = rowOf(comparison, 'p-chair-new');
    expect(added).toMatchObject({
      change: 'inserted',
      old: null,
      new: { kind: 'operative', number: '2.', label: '2' },
    });
    expect(redline(added.segments)).toBe('[+States welcome the report of the open-ended working group.+]');
    expect(comparison.rows.map((r) => r.pid).indexOf('p-chair-new')).toBe(
      comparison.rows.map((r) => r.pid).indexOf('p-a-05') + 1,
    );
    // Renumbered by the new paragraph; Japan's rejected deletion left the words as they were.
    expect(rowOf(comparison, 'p-a-06')).toMatchObject({
      change: 'unchanged',
      old: { label: '2' },
      new: { label: '3' },
    });
    expect(rowOf(comparison, 'p-a-08')).toMatchObject({ old: { label: '3 (a)' }, new: { label: '4 (a)' } });
    expect(rowOf(comparison, 'p-e-03')).toMatchObject({ old: { label: '15' }, new: { label: '16' } });
    // Nigeria's proposal, carried forward, is still only a proposal: not in the agreed text.
    expect(rowOf(comparison, 'p-c-01').change).toBe('unchanged');

    expect(
      comparison.proposals.map((p) => ({
        delegation: p.delegation.name,
        outcome: p.outcome,
        inserted: p.inserted,
        deleted: p.deleted,
        attribution: p.attribution,
      })),
    ).toEqual([
      {
        delegation: 'Mexico',
        outcome: 'accepted',
        inserted: 'reaffirm',
        deleted: 'renew',
        attribution: 'Mexico; supported by Brazil',
      },
      {
        delegation: 'Japan',
        outcome: 'rejected',
        inserted: '',
        deleted: 'by the extended deadline of ',
        attribution: 'Japan',
      },
      {
        delegation: 'Switzerland',
        outcome: 'withdrawn',
        inserted: ' further',
        deleted: '',
        attribution: 'Switzerland',
      },
      {
        delegation: 'Nigeria',
        outcome: 'carried_forward',
        inserted: ' and their ammunition',
        deleted: '',
        attribution: 'Nigeria',
      },
    ]);
    expect(comparison.proposals.map((p) => p.id)).toEqual([mexicos.id, japans.id, swiss.id, nigerias.id]);
    expect(comparison.proposals[0]?.decided).toMatchObject({ delegationName: 'Kenya' });
    expect(comparison.proposals[2]?.decided).toMatchObject({ delegationName: 'Switzerland' });
    expect(comparison.proposals[3]).toMatchObject({ decided: null, settledIn: null, delegation: { code: 'NGA' } });

    // Without revisions named, a delegate compares the latest with the one circulated before it.
    const byDefault = await compare(d, 'Japan');
    expect([byDefault.older.revision.name, byDefault.newer.revision.name]).toEqual(['Draft 1', 'Draft 2']);
    expect(byDefault.revisions.map((r) => r.name)).toEqual(['Zero draft', 'Draft 1', 'Draft 2']);
    // Given newest first, they are still compared oldest first.
    const reversed = await compare(d, 'Japan', { from: draftTwo, to: draftOne });
    expect(reversed.rows).toEqual(comparison.rows);
  });

  it('compares a revision in preparation, as it stands, for those who may read it', async () => {
    const d = await demo();
    const zeroOn = await editor(d, 'Mexico', d.zeroDraftId);
    const mexicos = await propose(d, 'Mexico', zeroOn, (by) =>
      proposeInsertion(zeroOn.doc, 'p-a-05', 'States', ' firmly', by),
    );
    const draftOne = await startNext(d, d.zeroDraftId, false);
    const pen = await editor(d, 'Kenya', draftOne);
    await write(pen, () => {
      const last = paragraphs(pen.doc).find((p) => p.getAttribute('pid') === 'p-e-03');
      const section = last?.parent;
      if (!last || !(section instanceof Y.XmlElement)) throw new Error('No paragraph p-e-03');
      section.delete(section.toArray().indexOf(last), 1);
    });

    for (const who of ['Kenya', 'UNODA'] as const) {
      const comparison = await compare(d, who, { from: d.zeroDraftId, to: draftOne });
      expect(comparison.older.revision.name).toBe('Zero draft');
      expect(comparison.newer).toMatchObject({
        revision: { name: 'Draft 1', state: 'in_preparation' },
        text: 'current',
      });
      expect(comparison.rows.at(-1)).toMatchObject({
        pid: 'p-e-03',
        change: 'deleted',
        old: { label: '15' },
        new: null,
        section: { heading: 'E. Follow-up and the Fourth Review Conference' },
      });
      expect(comparison.counts).toMatchObject({ deleted: 1, changed: 0, inserted: 0 });
      expect(comparison.proposals).toMatchObject([{ id: mexicos.id, outcome: 'left_behind', inserted: ' firmly' }]);
    }
    expect((await compare(d, 'Kenya')).newer.revision.name).toBe('Draft 1');

    // A revision in preparation does not exist for a delegate.
    expect(
      await refusal(await d.call('Mexico', 'GET', comparisonPath(d, { from: d.zeroDraftId, to: draftOne }))),
    ).toEqual({
      status: 404,
      message: 'The revision was not found.',
    });
    expect(await refusal(await d.call('Mexico', 'GET', comparisonPath(d)))).toEqual({
      status: 409,
      message: 'Outcome document has only one revision so far, Zero draft: there is nothing to compare it with yet.',
    });
  });

  it('refuses what it cannot compare, with the reason', async () => {
    const d = await demo();
    const draftOne = await startNext(d, d.zeroDraftId, true);
    await circulate(d, draftOne, 'Draft 1');
    const other = await (async () => {
      const store = new SqliteStore({ path: d.server.databasePath });
      try {
        return await storeLargeRevision(store, d.meetingId, { paragraphs: 20, characters: 6_000, proposals: 4 });
      } finally {
        await store.close();
      }
    })();

    const withQuery = (query: Record<string, string>) => comparisonPath(d, query);
    expect((await api(d.server.url, 'GET', `/api${withQuery({})}`)).status).toBe(401);
    expect(await refusal(await d.call('Mexico', 'GET', withQuery({ from: 'not a revision', to: draftOne })))).toEqual({
      status: 400,
      message:
        'The request is invalid. from: This does not name a revision: choose the revisions from the history page.',
    });
    expect(await refusal(await d.call('Mexico', 'GET', withQuery({ from: 'no-such-revision', to: draftOne })))).toEqual(
      {
        status: 404,
        message: 'The revision was not found.',
      },
    );
    expect(await refusal(await d.call('Mexico', 'GET', withQuery({ from: draftOne, to: draftOne })))).toEqual({
      status: 400,
      message: 'Choose two different revisions to compare.',
    });
    expect(
      await refusal(await d.call('Mexico', 'GET', withQuery({ from: d.zeroDraftId, to: other.revisionId }))),
    ).toEqual({
      status: 400,
      message:
        'Draft 3 is a revision of Outcome document (long form), not of Outcome document: compare two revisions of the same document.',
    });
    expect(await refusal(await d.call('Mexico', 'GET', '/documents/no-such-document/comparison'))).toEqual({
      status: 404,
      message: 'The document was not found.',
    });
    expect(await refusal(await d.call('Mexico', 'GET', `/documents/${other.documentId}/comparison`))).toEqual({
      status: 409,
      message:
        'Outcome document (long form) has only one revision so far, Draft 3: there is nothing to compare it with yet.',
    });
  });

  it('compares two 100-page revisions', async () => {
    const d = await demo();
    const store = new SqliteStore({ path: d.server.databasePath });
    const large = await storeLargeRevision(store, d.meetingId).finally(() => store.close());
    const started = await ok(
      await d.call('Kenya', 'POST', `/documents/${large.documentId}/revisions`, {
        from: large.revisionId,
        carryForward: false,
      }),
      201,
    );
    const next = RevisionStarted.parse(await started.json()).revision.id;
    await circulate(d, next, 'Draft 4');

    const response = await ok(await d.call('Brazil', 'GET', `/documents/${large.documentId}/comparison`));
    const comparison = RevisionComparison.parse(await response.json());
    // Stored as circulated without Zerodraft keeping its text then, Draft 3 is read as it stands.
    expect([comparison.older.text, comparison.newer.text]).toEqual(['current', 'as_circulated']);
    // Proposals are not the agreed text: leaving them all behind changed no paragraph.
    const agreedParagraphs = large.facts.paragraphs - large.facts.newParagraphs;
    expect(comparison.rows).toHaveLength(agreedParagraphs);
    expect(comparison.counts).toEqual({ unchanged: agreedParagraphs, changed: 0, inserted: 0, deleted: 0, moved: 0 });
    expect(comparison.proposals).toHaveLength(large.facts.proposals);
    expect(new Set(comparison.proposals.map((p) => p.outcome))).toEqual(new Set(['left_behind']));
  });
});
