/**
 * The life of an outcome document in Chromium, as the letters in ../shared/seeds/ tell it:
 * the Chair writes and circulates a zero draft, Mexico proposes, the Chair accepts and
 * circulates Draft 1, the comparison shows what changed, an appointed facilitator places
 * Draft 1 under silence, Nigeria breaks it, the Chair places it under silence again, and with
 * no objection by the deadline the text is adopted for everyone.
 */
import { type DemoAccount, demoAccounts } from '@zerodraft/server/demo/seed.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { restartAppServerAt, startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { CirculationSteps } from './circulation-page.ts';
import { ComparisonView } from './comparison-page.ts';
import { brazil, type Credentials, kenya, mexico } from './delegates.ts';
import { changeRole, openMeetingPage } from './meeting-pages.ts';
import { ProposalsPanel } from './proposals-panel.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';
import { SilencePanel } from './silence-panel.ts';
import { VENUE_ZONE, venueDayPlus, venueDeadline } from './venue-clock.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 20_000;

const nigeria: DemoAccount = (() => {
  const account = demoAccounts.find((a) => a.delegation === 'Nigeria');
  if (!account) throw new Error('The BMS7 demo has no account for Nigeria');
  return account;
})();

const DOCUMENT = 'Declaration on the illicit trade in small arms';
const FIRST = 'States renew their commitment to implement the Programme of Action fully and effectively.';
const SECOND = 'States encourage international cooperation and assistance.';

/** What `paragraph` says, without the name labels of other people's carets in it. */
const wordsOf = (paragraph: Locator) =>
  paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.zd-caret')) caret.remove();
    return copy.textContent ?? '';
  });

interface Person {
  page: Page;
  view: RevisionView;
  panel: ProposalsPanel;
  silence: SilencePanel;
  /** The meeting page, where the sign-in leads. */
  meetingUrl: string;
}

describe('the whole story in Chromium: zero draft to adoption', () => {
  const dataDir = makeTempDir('zerodraft-e2e-story-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  async function signedIn(account: Credentials, timezoneId: string): Promise<Person> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    return {
      page,
      view: new RevisionView(page),
      panel: new ProposalsPanel(page),
      silence: new SilencePanel(page),
      meetingUrl: page.url(),
    };
  }

  /** From the meeting page, opens `revision` of the story's document and waits until it is live. */
  async function openRevision(person: Person, revision: string): Promise<void> {
    await person.page.goto(person.meetingUrl);
    const entry = person.page.getByRole('region', { name: DOCUMENT, exact: true });
    await entry.getByRole('link', { name: revision, exact: true }).click();
    await person.page.waitForURL(/\/revisions\/[^/]+$/);
    await person.view.waitUntilLive();
  }

  const stateOf = ({ page }: Person) => page.locator('.zd-revision-facts .zd-state');

  /** A notification as it pops up on `person`'s page. */
  const toastOn = ({ page }: Person, headline: string) =>
    page.getByRole('region', { name: 'New notifications' }).getByText(headline, { exact: true });

  beforeAll(async () => {
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop('SIGKILL');
    removeTempDir(dataDir);
  });

  it('takes a document from the Chair’s zero draft through Draft 1 to its adoption under silence', async () => {
    const atChair = await signedIn(kenya, VENUE_ZONE);
    const chairSteps = new CirculationSteps(atChair.page);

    // The Chair starts the document and writes its zero draft with the pen.
    await chairSteps.startDocument(DOCUMENT);
    await atChair.view.waitUntilLive();
    await atChair.view.waitUntilEditable();
    await expect.poll(() => stateOf(atChair).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('In preparation');
    await atChair.view.operative('1.').click();
    await atChair.page.keyboard.type(FIRST);
    await atChair.page.keyboard.press('Enter');
    await atChair.page.keyboard.type(SECOND);
    await atChair.view.waitForWords(atChair.view.operative('2.'), SECOND);
    await atChair.view.waitUntilSaved();

    // … and circulates it.
    await chairSteps.circulate(
      'Zero draft',
      'Excellency, I have the pleasure to circulate the zero draft of the declaration (e2e).',
    );
    await expect.poll(() => stateOf(atChair).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Circulated');

    // Mexico proposes "comprehensively" for "fully".
    const atMexico = await signedIn(mexico, 'America/Mexico_City');
    await openRevision(atMexico, 'Zero draft');
    await atMexico.view.waitUntilEditable();
    await atMexico.view.waitForWords(atMexico.view.operative('1.'), FIRST);
    await atMexico.view.selectWord(atMexico.view.operative('1.'), 'fully');
    await atMexico.page.keyboard.type('comprehensively');
    const inserted = atMexico.view.operative('1.').locator('ins', { hasText: /^comprehensively$/ });
    await inserted.waitFor();
    const proposalId = await inserted.getAttribute('data-proposal');
    if (!proposalId) throw new Error('The insertion names no proposal');
    await atMexico.view.waitUntilSaved();

    // The Chair sees it, attributed to Mexico, and accepts it.
    const atChairItem = atChair.panel.item(proposalId);
    await atChairItem.getByText('Proposed by Mexico', { exact: true }).waitFor();
    await atChair.panel.button(atChairItem, 'Accept').click();
    const accepted = 'implement the Programme of Action comprehensively and effectively.';
    for (const { view } of [atChair, atMexico]) {
      await expect.poll(() => wordsOf(view.operative('1.')), { timeout: STEP_TIMEOUT_MS }).toContain(accepted);
    }
    // Mexico is told, live, wherever it is in the product.
    await toastOn(atMexico, "Mexico's proposal on Zero draft was accepted").waitFor();

    // The Chair prepares Draft 1 from the zero draft and circulates it.
    await atChair.page.goto(atChair.meetingUrl);
    await chairSteps.startNextRevision(DOCUMENT, true);
    await atChair.view.waitUntilLive();
    await expect.poll(() => stateOf(atChair).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('In preparation');
    await chairSteps.circulate('Draft 1', 'Excellency, Draft 1 reflects the proposals accepted so far (e2e).');
    await expect.poll(() => stateOf(atChair).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Circulated');

    // Mexico is told of Draft 1, and its open zero draft is now superseded, and read-only.
    await toastOn(atMexico, 'Draft 1 has been circulated by the Chair').waitFor();
    await atMexico.view.waitUntilReadOnly();
    await expect.poll(() => stateOf(atMexico).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Superseded');

    // Mexico compares the zero draft with Draft 1: the word changed, and what became of its proposal.
    await atMexico.page.goto(atMexico.meetingUrl);
    const comparison = new ComparisonView(atMexico.page);
    await comparison.openFromMeetingPage(DOCUMENT, 'Zero draft', 'Draft 1');
    const changed = comparison.row('Paragraph 1');
    await changed.row.waitFor();
    expect(await comparison.tagOf('Paragraph 1')).toBe('Changed');
    expect((await changed.deleted.allTextContents()).map((words) => words.trim())).toEqual(['fully']);
    expect((await changed.inserted.allTextContents()).map((words) => words.trim())).toEqual(['comprehensively']);
    expect(await comparison.tagOf('Paragraph 2')).toBe('');
    await expect
      .poll(() => comparison.outcomeOf('Mexico').textContent(), { timeout: STEP_TIMEOUT_MS })
      .toMatch(/^Accepted by Amina Wanjiru \(Kenya\), /);

    // The Chair makes Brazil's delegate a facilitator and appoints her to run the silence procedure.
    await atChair.page.goto(atChair.meetingUrl);
    await openMeetingPage(atChair.page, 'Roster');
    await changeRole(atChair.page, brazil.name, 'Facilitator');
    await atChair.page.goto(atChair.meetingUrl);
    await atChair.page
      .getByRole('region', { name: DOCUMENT, exact: true })
      .getByRole('link', { name: `History of ${DOCUMENT}` })
      .click();
    const appoint = atChair.page.getByRole('form', { name: 'Appoint a facilitator' });
    await appoint.getByLabel('Facilitator to appoint').selectOption({ label: `${brazil.name} (Brazil)` });
    await appoint.getByRole('button', { name: 'Appoint', exact: true }).click();
    await atChair.page.getByText(`${brazil.name} (Brazil) is appointed to run the silence procedure`).waitFor();

    // Brazil, appointed, places Draft 1 under silence until noon at the venue in two days.
    const atBrazil = await signedIn(brazil, 'America/Sao_Paulo');
    const atNigeria = await signedIn(nigeria, 'Africa/Lagos');
    for (const person of [atBrazil, atMexico, atNigeria]) await openRevision(person, 'Draft 1');
    await openRevision(atChair, 'Draft 1');
    const everyone = [atChair, atMexico, atNigeria, atBrazil];
    const first = venueDeadline(venueDayPlus(2), '12:00');
    await atBrazil.silence.placeUnderSilence(first.date, first.time, first.words);
    for (const person of everyone) {
      await person.silence.headline.filter({ hasText: `Under silence procedure until ${first.words}` }).waitFor();
    }

    // Mexico's typing is refused, with the deadline said, and the text does not move.
    await atMexico.view.waitUntilReadOnly();
    await atMexico.view.readOnlyNote
      .filter({ hasText: `The text is under silence procedure until ${first.words}.` })
      .waitFor();
    const before = await wordsOf(atMexico.view.operative('2.'));
    await atMexico.view.operative('2.').click();
    await atMexico.page.keyboard.type(' (MEX-under-silence)');
    expect(await wordsOf(atMexico.view.operative('2.'))).toBe(before);

    // Nigeria breaks silence in writing; everyone sees it and the text opens again.
    const objection = 'Nigeria cannot join consensus: the reference to assistance must be strengthened (NGA-story).';
    await atNigeria.silence.breakSilence(objection);
    for (const person of everyone) {
      await person.silence.outcome.filter({ hasText: /^Silence was broken by Nigeria on .+ \(New York\)\./ }).waitFor();
      await expect.poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Circulated');
    }
    await atMexico.view.waitUntilEditable();

    // The Chair places it under silence again.
    const second = venueDeadline(venueDayPlus(2), '18:00');
    await atChair.silence.placeUnderSilence(second.date, second.time, second.words);
    for (const person of everyone) {
      await person.silence.headline.filter({ hasText: `Under silence procedure until ${second.words}` }).waitFor();
      await expect
        .poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS })
        .toBe('Under silence procedure');
    }

    // The deadline passes with no objection (the server comes back after it, on a test-only
    // clock), and the text is adopted for everyone.
    if (!server) throw new Error('The server is gone');
    server = await restartAppServerAt(server, dataDir, new Date(Date.parse(second.instant) + 1000).toISOString());
    for (const person of everyone) await person.view.waitUntilLive();
    for (const person of everyone) {
      await person.silence.outcome
        .filter({ hasText: `Adopted on ${second.words}, at the end of a silence procedure with no objection.` })
        .waitFor();
      await expect.poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Adopted');
      await person.view.waitUntilReadOnly();
    }
    // … and each is told so, and finds it in the list of notifications later.
    await atMexico.page.getByRole('link', { name: /^Notifications, / }).click();
    const list = atMexico.page.getByRole('list', { name: 'Notifications, newest first' });
    await list.getByRole('listitem').first().filter({ hasText: 'Draft 1 has been adopted' }).waitFor();
    for (const told of [
      'Draft 1 has been circulated by the Chair',
      'Nigeria has broken silence on Draft 1',
      "Mexico's proposal on Zero draft was accepted",
      'Zero draft has been circulated by the Chair',
    ]) {
      await list.getByRole('listitem').filter({ hasText: told }).first().waitFor();
    }
  });
});
