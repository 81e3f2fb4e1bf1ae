import type { AuditList } from '@zerodraft/shared/api/audit.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { type Credentials, japan, kenya, mexico } from './delegates.ts';
import { ProposalsPanel } from './proposals-panel.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

const AGREED_REFUSAL = 'Paragraph 2 is agreed and takes no new proposals.';

/** Mexico, Japan or the Chair: the revision page, and its proposals panel. */
interface Person {
  view: RevisionView;
  panel: ProposalsPanel;
  page: Page;
  /** The meeting's id, from the address of the meeting page the sign-in led to. */
  meetingId: string;
}

/** The name a suggestion's hover label gives its delegation: "Proposed by <name>". */
const proposerShownFor = (suggestion: Locator) =>
  suggestion.evaluate((element) => getComputedStyle(element).getPropertyValue('--zd-delegation-name'));

/** What `paragraph` says, without the name labels of other people's carets in it. */
const wordsOf = (paragraph: Locator) =>
  paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.zd-caret')) caret.remove();
    return copy.textContent ?? '';
  });

/** Marks the page's document, so that a reload, which would drop the mark, cannot pass unseen. */
const markDocument = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-e2e-mark', ''));
const stillSameDocument = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-e2e-mark'));

describe('delegation proposals in Chromium: proposed, supported, accepted, and kept out of agreed text', () => {
  const dataDir = makeTempDir('zerodraft-e2e-proposals-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  /** A browser context of its own (cookies, storage) per person, signed in, on the zero draft. */
  async function onZeroDraft(account: Credentials): Promise<Person> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    const meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const view = new RevisionView(page);
    await view.open('Zero draft');
    await view.waitUntilEditable();
    return { view, panel: new ProposalsPanel(page), page, meetingId };
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

  it('lets Mexico propose a replacement with a rationale, Japan support it and the Chair accept it, and keeps an agreed paragraph as it is', async () => {
    const rationale = 'Comprehensive implementation covers every commitment of the Programme of Action (MEX-e2e).';
    const atMexico = await onZeroDraft(mexico);
    const atJapan = await onZeroDraft(japan);
    const atChair = await onZeroDraft(kenya);

    // Mexico selects "fully" in paragraph 1 and types over it: one proposal, struck through and inserted.
    const original = 'Instrument fully and effectively at the national';
    await atMexico.view.waitForWords(atMexico.view.operative('1.'), original);
    await atMexico.view.selectWord(atMexico.view.operative('1.'), 'fully');
    await atMexico.page.keyboard.type('comprehensively');

    const inserted = atMexico.view.operative('1.').locator('ins', { hasText: /^comprehensively$/ });
    await inserted.waitFor();
    const proposalId = await inserted.getAttribute('data-proposal');
    if (!proposalId) throw new Error('The insertion names no proposal');

    for (const { view } of [atMexico, atJapan]) {
      const paragraph = view.operative('1.');
      const insertion = paragraph.locator('ins', { hasText: /^comprehensively$/ });
      const deletion = paragraph.locator('del', { hasText: /^fully$/ });
      await insertion.waitFor();
      await deletion.waitFor();
      expect(await paragraph.locator('ins').count()).toBe(1);
      expect(await paragraph.locator('del').count()).toBe(1);
      // A replacement is one proposal: the deletion and the insertion carry the same id.
      expect(await insertion.getAttribute('data-proposal')).toBe(proposalId);
      expect(await deletion.getAttribute('data-proposal')).toBe(proposalId);
      await expect.poll(() => proposerShownFor(insertion), { timeout: STEP_TIMEOUT_MS }).toBe('"Mexico"');
      await expect.poll(() => proposerShownFor(deletion), { timeout: STEP_TIMEOUT_MS }).toBe('"Mexico"');
      expect(await deletion.evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('line-through');
    }
    await atMexico.view.waitUntilSaved();

    // Mexico says why, once the server has recorded the proposal in Mexico's name.
    const atMexicoItem = atMexico.panel.item(proposalId);
    await atMexicoItem.getByText('Proposed by Mexico', { exact: true }).waitFor();
    await atMexico.panel.button(atMexicoItem, 'Add rationale').click();
    await atMexicoItem.getByLabel('Rationale').fill(rationale);
    await atMexico.panel.button(atMexicoItem, 'Save rationale').click();
    // The saved rationale, not the words still in the field while the answer is on its way.
    await atMexicoItem.locator('.zd-proposal-rationale').filter({ hasText: rationale }).waitFor();
    await atMexicoItem.getByLabel('Rationale').waitFor({ state: 'detached' });

    // Japan reads the rationale and supports the proposal.
    const atJapanItem = atJapan.panel.item(proposalId);
    await atJapanItem.getByText(rationale).waitFor();
    await atJapan.panel.button(atJapanItem, 'Support').click();
    await atJapan.panel.button(atJapanItem, 'Withdraw my support').waitFor();
    await atJapanItem.getByText('Proposed by Mexico, supported by Japan', { exact: true }).waitFor();

    // The Chair sees who stands where, and why, and accepts.
    const atChairItem = atChair.panel.item(proposalId);
    await atChairItem.getByText('Proposed by Mexico, supported by Japan', { exact: true }).waitFor();
    await atChairItem.getByText(rationale).waitFor();
    await atChair.panel.button(atChairItem, 'Accept').click();

    // The text is clean for everyone, and the proposal is no longer pending.
    const accepted = 'Instrument comprehensively and effectively at the national';
    const sawAccepted = async ({ view, panel }: Person) => {
      const paragraph = view.operative('1.');
      await view.waitForWords(paragraph, accepted);
      await panel.item(proposalId).waitFor({ state: 'detached' });
      expect(await paragraph.locator('ins, del').count()).toBe(0);
      expect(await wordsOf(paragraph)).not.toContain('fully');
    };
    for (const person of [atMexico, atJapan, atChair]) await sawAccepted(person);

    // Stored: a fresh page, whose text can only come from the server, says the same.
    await atJapan.view.reload();
    await sawAccepted(atJapan);

    // The audit log has the Chair's acceptance, with the words it changed.
    const audit = await atChair.page.request.get(
      `${server?.url}/api/meetings/${atChair.meetingId}/audit?action=${encodeURIComponent('proposal.accept')}`,
    );
    expect(audit.status()).toBe(200);
    const { entries } = (await audit.json()) as AuditList;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorName: kenya.name,
      actorDelegation: 'Kenya',
      action: 'proposal.accept',
      detail: { proposalId, inserted: 'comprehensively', deleted: 'fully' },
    });

    // The Chair marks paragraph 2 agreed, from the controls for the paragraph holding the cursor.
    await atChair.view.operative('2.').click();
    const placeControls = atChair.panel.atTheCursor('Paragraph 2');
    await placeControls.getByRole('button', { name: 'Agreed', exact: true }).click();
    await placeControls.getByRole('button', { name: 'Agreed', exact: true, pressed: true }).waitFor();
    for (const { view } of [atMexico, atJapan, atChair]) {
      const agreed = view.operative('2.').and(view.page.locator('[data-status-label="Agreed"]'));
      await agreed.waitFor();
      expect(await agreed.evaluate((p) => getComputedStyle(p, '::after').content)).toBe('"Agreed"');
    }

    // Mexico types into it: told why in plain words, and the text does not move, without a reload.
    const before = await wordsOf(atChair.view.operative('2.'));
    expect(before).toContain('States underline the value of national reports');
    for (const { view } of [atMexico, atJapan]) expect(await wordsOf(view.operative('2.'))).toBe(before);
    await markDocument(atMexico.page);
    await atMexico.view.typeAtEndOf(atMexico.view.operative('2.'), ' and in their entirety (MEX-agreed)');
    await atMexico.page.locator('.zd-suggest-live').getByText(AGREED_REFUSAL, { exact: true }).waitFor();
    expect(await wordsOf(atMexico.view.operative('2.'))).toBe(before);

    // A proposal Mexico may make, after the refused typing on the same connection: once the
    // others see it, they would have seen any of the typing that reached the server before it.
    const afterwards = ' (MEX-after-agreed)';
    await atMexico.view.typeAtEndOf(atMexico.view.operative('3.'), afterwards);
    for (const { view } of [atJapan, atChair]) await view.waitForWords(view.operative('3.'), afterwards.trim());
    await atMexico.view.waitUntilSaved();
    for (const { view } of [atMexico, atJapan, atChair]) expect(await wordsOf(view.operative('2.'))).toBe(before);
    expect(await stillSameDocument(atMexico.page)).toBe(true);
    await atMexico.view.connection.filter({ hasText: /^Live$/ }).waitFor();
    expect(await atMexico.page.getByText('Your change was refused').count()).toBe(0);
  });
});
