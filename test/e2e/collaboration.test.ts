import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { type Credentials, kenya, mexico } from './delegates.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

describe('two delegations drafting the zero draft in Chromium', () => {
  const dataDir = makeTempDir('zerodraft-e2e-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  /** A browser context of its own (cookies, storage) per delegate, signed in through the sign-in page. */
  async function signedIn(account: Credentials): Promise<RevisionView> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    return new RevisionView(page);
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

  it('shows each delegation the other’s words and caret live, and keeps both across reloads and a server restart', async () => {
    // Distinctive, so that no text of the zero draft could match them.
    const kenyaWords = ' The Chair invites comments (KEN-e2e).';
    const mexicoWords = ' Including ammunition (MEX-e2e).';

    const atKenya = await signedIn(kenya);
    const atMexico = await signedIn(mexico);
    await atKenya.open('Zero draft');
    await atMexico.open('Zero draft');

    // Operative paragraphs are numbered in the margin, counted by the client (numbering.ts).
    const firstOperative = atKenya.operative('1.');
    await firstOperative.waitFor();
    expect(await firstOperative.evaluate((p) => getComputedStyle(p, '::before').content)).toBe('"1."');

    await atKenya.typeAtEndOf(firstOperative, kenyaWords);
    expect((await firstOperative.textContent())?.endsWith(kenyaWords.trim())).toBe(true);
    await atMexico.waitForWords(atMexico.operative('1.'), kenyaWords.trim());
    await atMexico.caretOf(atMexico.operative('1.'), 'Amina Wanjiru (Kenya)').waitFor();
    await atKenya.waitUntilSaved();

    await atMexico.typeAtEndOf(atMexico.operative('2.'), mexicoWords);
    await atKenya.waitForWords(atKenya.operative('2.'), mexicoWords.trim());
    await atKenya.caretOf(atKenya.operative('2.'), 'Lucía Hernández (Mexico)').waitFor();
    await atMexico.waitUntilSaved();

    await atMexico.reload();
    await atMexico.waitForWords(atMexico.operative('1.'), kenyaWords.trim());
    await atMexico.waitForWords(atMexico.operative('2.'), mexicoWords.trim());

    if (!server) throw new Error('The server is gone');
    const { port } = server;
    expect(await server.stop('SIGTERM'), `the server did not shut down cleanly:\n${server.output()}`).toEqual({
      code: 0,
      signal: null,
    });
    await atKenya.connection.filter({ hasText: /^Reconnecting — The server is restarting/ }).waitFor();

    server = await startAppServer({ dataDir, port });
    await atKenya.waitUntilLive();
    await atKenya.reload();
    await atKenya.waitForWords(atKenya.operative('1.'), kenyaWords.trim());
    await atKenya.waitForWords(atKenya.operative('2.'), mexicoWords.trim());
  });
  it('keeps the words of two people typing in one paragraph at the same moment, each where they typed', async () => {
    const atKenya = await signedIn(kenya);
    const atMexico = await signedIn(mexico);
    await atKenya.open('Zero draft');
    await atMexico.open('Zero draft');
    const kenyaWords = 'The Chair adds (KEN-same) ';
    const mexicoWords = ' and Mexico appends (MEX-same)';

    // Kenya at the start of paragraph 3, Mexico at its end, typing at once: each remote
    // keystroke lands in the paragraph the other is typing in.
    const paragraph = atKenya.operative('3.');
    await paragraph.click({ position: { x: 2, y: 6 } });
    await atKenya.page.keyboard.press('Home');
    await atMexico.typeAtEndOf(atMexico.operative('3.'), '');
    await Promise.all([
      atKenya.page.keyboard.type(kenyaWords, { delay: 30 }),
      atMexico.page.keyboard.type(mexicoWords, { delay: 30 }),
    ]);

    // Other people's carets carry their names inside the text, between word joiners.
    const words = async (view: RevisionView) =>
      ((await view.operative('3.').textContent()) ?? '').replace(/\u2060[^\u2060]*\u2060/g, '');
    for (const view of [atKenya, atMexico]) {
      await view.waitForWords(view.operative('3.'), 'MEX-same)');
      await view.waitForWords(view.operative('3.'), 'KEN-same)');
    }
    await Promise.all([atKenya.waitUntilSaved(), atMexico.waitUntilSaved()]);
    const seenByKenya = await words(atKenya);
    expect(seenByKenya.startsWith(`${kenyaWords}States encourage`)).toBe(true);
    expect(seenByKenya.endsWith(`including for:${mexicoWords}`)).toBe(true);
    expect(await words(atMexico)).toBe(seenByKenya);
  });
});
