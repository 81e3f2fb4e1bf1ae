import { type DemoAccount, demoAccounts } from '@zerodraft/server/demo/seed.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { restartAppServerAt, startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { type Credentials, kenya, mexico } from './delegates.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';
import { SilencePanel } from './silence-panel.ts';
import { VENUE_ZONE, venueDayPlus, venueDeadline } from './venue-clock.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

/** Chidi Okafor of Nigeria. */
const nigeria: DemoAccount = (() => {
  const account = demoAccounts.find((a) => a.delegation === 'Nigeria');
  if (!account) throw new Error('The BMS7 demo has no account for Nigeria');
  return account;
})();

const MEXICO_ZONE = 'America/Mexico_City';

/** The day and time the venue's clocks show `ms` milliseconds from now, as the form takes them. */
function venueClockIn(ms: number): { date: string; time: string } {
  const at = new Date(Date.now() + ms);
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone: VENUE_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: VENUE_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { date, time };
}

/** "10:00": the wall-clock time of `instant` in Mexico City, where Mexico's delegate reads. */
const inMexicoCity = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: MEXICO_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant))
    .replace('.', ':');

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
  silence: SilencePanel;
}

describe('the silence procedure in Chromium: placed, seen, broken with an objection, withdrawn and adopted', () => {
  const dataDir = makeTempDir('zerodraft-e2e-silence-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  /** A browser context of its own per person, on the clocks of `timezoneId`, signed in, on the zero draft. */
  async function onZeroDraft(account: Credentials, timezoneId: string): Promise<Person> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    const view = new RevisionView(page);
    await view.open('Zero draft');
    return { page, view, silence: new SilencePanel(page) };
  }

  const stateOf = ({ page }: Person) => page.locator('.zd-revision-facts .zd-state');

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

  it('locks the text for everyone until the deadline, opens it again when Nigeria objects or the Chair withdraws, and adopts it at the deadline', async () => {
    const atChair = await onZeroDraft(kenya, VENUE_ZONE);
    const atMexico = await onZeroDraft(mexico, MEXICO_ZONE);
    const atNigeria = await onZeroDraft(nigeria, 'Africa/Lagos');
    const everyone = [atChair, atMexico, atNigeria];
    await atMexico.view.waitUntilEditable();

    // Only the Chair is offered to place the circulated zero draft under silence.
    await atChair.silence.button('Place under silence…').waitFor();
    for (const { silence } of [atMexico, atNigeria]) {
      expect(await silence.button('Place under silence…').count()).toBe(0);
    }

    // A deadline two hours ahead is under the meeting's minimum notice: the server says so.
    const tooSoon = venueClockIn(2 * 60 * 60 * 1000);
    expect(await atChair.silence.refusedDeadline(tooSoon.date, tooSoon.time)).toMatch(
      /^A silence procedure in this meeting needs at least 24 hours' notice: choose a deadline at or after .+ \(New York\)\.$/,
    );
    await expect.poll(() => stateOf(atMexico).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Circulated');

    // The Chair gives a deadline two days ahead, noon at the venue, and the form reads it back.
    const first = venueDeadline(venueDayPlus(2), '12:00');
    await atChair.silence.placeUnderSilence(first.date, first.time, first.words);
    await atChair.silence.done.filter({ hasText: `under silence procedure until ${first.words}` }).waitFor();

    // Everyone sees the lock with the deadline in New York time, and Mexico its own time as well.
    for (const person of everyone) {
      await person.silence.headline.filter({ hasText: `Under silence procedure until ${first.words}` }).waitFor();
      await expect
        .poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS })
        .toBe('Under silence procedure');
      expect(await person.silence.countdown.textContent()).toMatch(
        /^(1 day|2 days)(, \d+ hours?)?( and \d+ minutes?)? left$/,
      );
    }
    expect(await atChair.silence.headline.textContent()).toBe(`Under silence procedure until ${first.words}`);
    await atMexico.silence.headline
      .filter({ hasText: `— ${inMexicoCity(first.instant)} in your time (Mexico City)` })
      .waitFor();

    // Mexico cannot type, and is told why in the words of the lock, deadline included.
    await atMexico.view.waitUntilReadOnly();
    await atMexico.view.readOnlyNote
      .filter({ hasText: `The text is under silence procedure until ${first.words}.` })
      .waitFor();
    const before = await wordsOf(atMexico.view.operative('1.'));
    await atMexico.view.operative('1.').click();
    await atMexico.page.keyboard.type(' (MEX-under-silence)');
    expect(await wordsOf(atMexico.view.operative('1.'))).toBe(before);
    await atChair.view.waitUntilReadOnly();

    // Delegations may break silence; the Chair may withdraw it, not break it.
    await atMexico.silence.button('Break silence…').waitFor();
    await atChair.silence.button('Withdraw silence procedure').waitFor();
    expect(await atChair.silence.button('Break silence…').count()).toBe(0);
    expect(await atNigeria.silence.button('Withdraw silence procedure').count()).toBe(0);

    // Nigeria breaks silence: an empty objection is refused, a written one goes through.
    await atNigeria.silence.button('Break silence…').click();
    const dialog = atNigeria.page.getByRole('dialog', { name: 'Break silence for Nigeria' });
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Silence is broken in writing: give the objection.' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const objection =
      'Nigeria cannot join consensus on paragraph 12 as drafted: the reference to international assistance must be restored (NGA-e2e).';
    await atNigeria.silence.breakSilence(objection);
    await atNigeria.silence.done.filter({ hasText: 'Silence is broken in the name of Nigeria.' }).waitFor();

    // Everyone sees who broke silence, the objection, and the text open again.
    for (const person of everyone) {
      await person.silence.outcome.filter({ hasText: /^Silence was broken by Nigeria on .+ \(New York\)\./ }).waitFor();
      const listed = person.silence.objectionOf('Nigeria');
      await listed.filter({ hasText: nigeria.name }).waitFor();
      expect(await listed.locator('.zd-objection-text').textContent()).toBe(objection);
      await expect.poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Circulated');
      expect(await person.silence.headline.count()).toBe(0);
    }
    await atMexico.view.waitUntilEditable();
    await atChair.view.waitUntilEditable();

    // The Chair places it under silence again, then withdraws the procedure.
    const second = venueDeadline(venueDayPlus(2), '15:00');
    await atChair.silence.placeUnderSilence(second.date, second.time, second.words);
    await atMexico.silence.headline.filter({ hasText: `Under silence procedure until ${second.words}` }).waitFor();
    await atMexico.view.waitUntilReadOnly();
    await atChair.silence.withdraw();
    for (const person of everyone) {
      await person.silence.outcome
        .filter({ hasText: /^The silence procedure was withdrawn by Amina Wanjiru \(Kenya\) on .+ \(New York\)\./ })
        .waitFor();
    }
    await atMexico.view.waitUntilEditable();
    // Nigeria's objection stays on the record.
    await atMexico.silence.objectionOf('Nigeria').waitFor();

    // A third silence, with no objection: the server is stopped and comes back after the
    // deadline (its test-only clock starts there), and adopts the text as it starts.
    const third = venueDeadline(venueDayPlus(2), '12:00');
    await atChair.silence.placeUnderSilence(third.date, third.time, third.words);
    // Every page has heard it, so no page is still asking the server when it stops.
    await atChair.silence.done.filter({ hasText: `under silence procedure until ${third.words}` }).waitFor();
    for (const person of everyone) {
      await person.silence.headline.filter({ hasText: `Under silence procedure until ${third.words}` }).waitFor();
      await expect
        .poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS })
        .toBe('Under silence procedure');
    }
    if (!server) throw new Error('The server is gone');
    server = await restartAppServerAt(server, dataDir, new Date(Date.parse(third.instant) + 1000).toISOString());

    // Everyone sees the text adopted at the deadline, in New York time, and it stays read-only.
    for (const person of everyone) await person.view.waitUntilLive();
    for (const person of everyone) {
      await person.silence.outcome
        .filter({ hasText: `Adopted on ${third.words}, at the end of a silence procedure with no objection.` })
        .waitFor();
      await expect.poll(() => stateOf(person).textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Adopted');
      await person.view.waitUntilReadOnly();
      await person.view.readOnlyNote.filter({ hasText: 'This revision has been adopted.' }).waitFor();
      expect(await person.silence.button('Place under silence…').count()).toBe(0);
    }
  });
});
