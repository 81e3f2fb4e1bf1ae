import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { RevisionStarted } from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import { type CollabClient, connect } from '../helpers/collab-client.ts';
import { paragraphs, plainText } from '../helpers/document-text.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { announceEditor, proposeInsertion, recordsIn } from '../helpers/suggesting.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { ComparisonView } from './comparison-page.ts';
import { type Credentials, kenya, mexico } from './delegates.ts';
import { signInThroughPage } from './revision-page.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

/** An editor on a revision over the API, announced as the editor announces itself. */
async function editorOn(url: string, revisionId: string, cookie: string): Promise<CollabClient> {
  const client = await connect(url, revisionId, cookie);
  announceEditor(client);
  await waitFor(() => client.access !== undefined, { what: 'the server to say what the editor may do' });
  return client;
}

let persisted = 0;
async function stored(client: CollabClient, change: () => void): Promise<void> {
  change();
  await client.confirmPersisted(++persisted);
}

const paragraph = (doc: Y.Doc, pid: string): Y.XmlElement => {
  const found = paragraphs(doc).find((p) => p.getAttribute('pid') === pid);
  if (!found) throw new Error(`No paragraph ${pid}`);
  return found;
};

describe('comparing two revisions in Chromium', () => {
  const dataDir = makeTempDir('zerodraft-e2e-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  async function signedIn(account: Credentials): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    return page;
  }

  beforeAll(async () => {
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Each step runs even if one before it failed, so nothing outlives the test run.
    await browser?.close().catch(() => {});
    await server?.stop('SIGKILL');
    removeTempDir(dataDir);
  });

  it('opens from the history page and shows the new revision’s changes and what became of the proposals', async () => {
    if (!server) throw new Error('The server is gone');
    const { url } = server;
    const chair = await signIn(url, kenya.email, kenya.password);
    const delegate = await signIn(url, mexico.email, mexico.password);
    const me = Me.parse(await getJson(url, '/api/me', delegate));
    const meetingId = me.participations[0]?.meetingId ?? '';
    const meeting = MeetingDetail.parse(await getJson(url, `/api/meetings/${meetingId}`, chair));
    const documentId = meeting.documents[0]?.id ?? '';
    const zeroDraftId = meeting.documents[0]?.revisions[0]?.id ?? '';

    // Mexico proposes on the zero draft and the Chair accepts it.
    const mexicoOnZero = await editorOn(url, zeroDraftId, delegate);
    const firmly: SuggestionAttrs = {
      id: 'mexico-firmly-1',
      delegation: me.participations[0]?.delegation.id ?? '',
      user: me.user.id,
      time: new Date().toISOString(),
    };
    await stored(mexicoOnZero, () => proposeInsertion(mexicoOnZero.doc, 'p-a-05', 'States', ' firmly', firmly));
    await waitFor(() => recordsIn(mexicoOnZero.doc)[firmly.id] !== undefined, { what: 'the record of the proposal' });
    mexicoOnZero.destroy();
    const accepted = await api(url, 'POST', `/api/revisions/${zeroDraftId}/decisions`, {
      cookie: chair,
      body: { decision: 'accept', scope: { kind: 'proposal', proposalId: firmly.id } },
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);

    // The Chair prepares Draft 1 with the pen: a new paragraph 2, and words added to the next.
    const started = await api(url, 'POST', `/api/documents/${documentId}/revisions`, {
      cookie: chair,
      body: { from: zeroDraftId, carryForward: false },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const draftOneId = RevisionStarted.parse(await started.json()).revision.id;
    const pen = await editorOn(url, draftOneId, chair);
    await stored(pen, () => {
      const after = paragraph(pen.doc, 'p-a-05');
      const section = after.parent as Y.XmlElement;
      const added = new Y.XmlElement('paragraph');
      added.setAttribute('pid', 'p-chair-new');
      added.setAttribute('kind', 'operative');
      added.setAttribute('status', 'open');
      added.insert(0, [new Y.XmlText('States welcome the report of the open-ended working group.')]);
      section.insert(section.toArray().indexOf(after) + 1, [added]);
      const words = paragraph(pen.doc, 'p-a-06').get(0) as Y.XmlText;
      words.insert(plainText(words).indexOf('States') + 'States'.length, ' strongly');
    });
    pen.destroy();
    const circulated = await api(url, 'POST', `/api/revisions/${draftOneId}/circulate`, {
      cookie: chair,
      body: { name: 'Draft 1', date: '2021-07-28', coverNote: 'Excellency, I have the honour to circulate Draft 1.' },
    });
    expect(circulated.status, await circulated.clone().text()).toBe(200);

    const page = await signedIn(mexico);
    const view = new ComparisonView(page);
    await view.openFromMeetingPage('Outcome document', 'Zero draft', 'Draft 1');

    const added = view.row('New paragraph 2');
    await expect
      .poll(() => added.inserted.textContent())
      .toBe('States welcome the report of the open-ended working group.');
    expect(await view.tagOf('New paragraph 2')).toBe('New');
    const renumbered = view.row('Paragraph 3 (was 2 in Zero draft)');
    expect((await renumbered.inserted.allTextContents()).map((words) => words.trim())).toEqual(['strongly']);
    expect(await renumbered.words.textContent()).toMatch(/^States strongly underline the value of national reports/);
    expect(await view.tagOf('Paragraph 3 (was 2 in Zero draft)')).toBe('Changed');
    expect(await view.row('Paragraph 15 (was 14 in Zero draft)').row.count()).toBe(1);
    // A screen reader hears where the inserted words start and end.
    expect(await renumbered.inserted.evaluate((words) => getComputedStyle(words, '::before').content)).toBe(
      '" [insertion start] "',
    );

    await expect.poll(() => view.outcomeOf('Mexico').textContent()).toMatch(/^Accepted by Amina Wanjiru \(Kenya\), /);
    expect(await view.proposals.getByRole('row').nth(1).textContent()).toContain('firmly');

    await view.showOnlyChanges(true);
    await view.redline.locator('.zd-comparison-row[data-change="unchanged"]').first().waitFor({ state: 'detached' });
    expect(await view.redline.locator('.zd-comparison-row').count()).toBeGreaterThanOrEqual(2);

    // Two different revisions, or the page says why not.
    await view.select('Draft 1', 'Draft 1');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose two different revisions to compare.' }).waitFor();
    await page.context().close();
  });
});
