import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { brazil, type Credentials, kenya, secretariat } from './delegates.ts';
import { changeRole, inviteAndCopyLink, openMeetingPage } from './meeting-pages.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

const OBSERVERS_REASON = 'Observers follow the text but do not change it.';
const SECRETARIAT_REASON = 'The Secretariat administers the meeting and does not change the text.';

describe('roles in Chromium: invitations, the roster, and editors that follow the server', () => {
  const dataDir = makeTempDir('zerodraft-e2e-roles-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  /** A browser context of its own (cookies, storage, clipboard) per person. */
  async function newPerson(): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    return { context, page: await context.newPage() };
  }

  async function signedIn(account: Credentials): Promise<Page> {
    const { page } = await newPerson();
    await signInThroughPage(page, server?.url ?? '', account);
    return page;
  }

  /** Marks the page's document, so that a reload, which would drop the mark, cannot pass unseen. */
  const markDocument = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-e2e-mark', ''));
  const stillSameDocument = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-e2e-mark'));

  beforeAll(async () => {
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop('SIGKILL');
    removeTempDir(dataDir);
  });

  it('lets an invited delegate join, keeps an Observer from typing, and switches an open editor when the Chair changes a role', async () => {
    // Distinctive, so that no text of the zero draft could match them.
    const chairWords = ' The Chair proposes a working group (KEN-roles).';
    const delegateWords = ' Including their ammunition (MEX-roles).';
    const observerWords = 'BRA-typed';

    // The Secretariat invites a second member of Mexico's delegation and copies the link shown.
    const atSecretariat = await signedIn(secretariat);
    await openMeetingPage(atSecretariat, 'Invitations');
    const link = await inviteAndCopyLink(atSecretariat, {
      email: 'delegate2@mexico.example',
      delegation: 'Mexico',
      role: 'Delegation member',
    });
    expect(link).toBe(await atSecretariat.getByLabel('Invitation link').inputValue());
    expect(link).toMatch(/\/invitations\/[\w-]+$/);

    // The delegate opens it in a browser of their own, chooses a name and a password, and lands on the meeting.
    const { page: delegatePage } = await newPerson();
    await delegatePage.goto(link);
    await delegatePage.getByText('Mexico (MEX)', { exact: true }).waitFor();
    await delegatePage.getByLabel('Your name').fill('Sofía Ramírez');
    await delegatePage.getByLabel('Choose a password').fill('silence until Friday noon');
    await delegatePage.getByLabel('Type the password again').fill('silence until Friday noon');
    await delegatePage.getByRole('button', { name: 'Join the meeting' }).click();
    await delegatePage.waitForURL(/\/meetings\/[^/]+$/);
    await delegatePage.getByText('Sofía Ramírez — Mexico (Delegation member)', { exact: true }).waitFor();
    const atDelegate = new RevisionView(delegatePage);
    await atDelegate.open('Zero draft');
    await atDelegate.waitUntilEditable();

    // The link works once.
    const { page: secondTry } = await newPerson();
    await secondTry.goto(link);
    await secondTry.getByText('This invitation has already been used.', { exact: false }).waitFor();

    // The Chair makes Brazil's delegate an Observer on the roster.
    const chairRoster = await signedIn(kenya);
    await openMeetingPage(chairRoster, 'Roster');
    await changeRole(chairRoster, brazil.name, 'Observer');

    // The Observer follows the Chair's typing live, is told why the text is read-only, and cannot type.
    const atObserver = new RevisionView(await signedIn(brazil));
    await atObserver.open('Zero draft');
    await atObserver.waitUntilReadOnly();
    await atObserver.readOnlyNote.filter({ hasText: OBSERVERS_REASON }).waitFor();
    expect(await atObserver.page.getByRole('toolbar', { name: 'Text editing' }).count()).toBe(0);

    const atChair = new RevisionView(await signedIn(kenya));
    await atChair.open('Zero draft');
    await atChair.typeAtEndOf(atChair.operative('1.'), chairWords);
    await atObserver.waitForWords(atObserver.operative('1.'), chairWords.trim());
    await atChair.waitUntilSaved();

    const observed = await atObserver.operative('2.').textContent();
    await atObserver.typeAtEndOf(atObserver.operative('2.'), observerWords);
    expect(await atObserver.operative('2.').textContent()).toBe(observed);
    await atObserver.waitUntilSaved();
    await atObserver.connection.filter({ hasText: /^Live$/ }).waitFor();
    expect(await atChair.operative('2.').textContent()).not.toContain(observerWords);

    // The Chair makes the Mexico delegate an Observer: their open editor turns read-only, without a reload.
    await markDocument(delegatePage);
    await changeRole(chairRoster, 'Sofía Ramírez', 'Observer');
    await atDelegate.waitUntilReadOnly();
    await atDelegate.readOnlyNote.filter({ hasText: OBSERVERS_REASON }).waitFor();
    expect(await stillSameDocument(delegatePage)).toBe(true);
    await atDelegate.connection.filter({ hasText: /^Live$/ }).waitFor();

    // And back: a Delegation member again, the delegate types and the Chair sees it.
    await changeRole(chairRoster, 'Sofía Ramírez', 'Delegation member');
    await atDelegate.waitUntilEditable();
    expect(await atDelegate.readOnlyNote.count()).toBe(0);
    expect(await stillSameDocument(delegatePage)).toBe(true);
    await atDelegate.typeAtEndOf(atDelegate.operative('3.'), delegateWords);
    await atChair.waitForWords(atChair.operative('3.'), delegateWords.trim());
    await atDelegate.waitUntilSaved();
  });

  it('shows the words of a change the server refused, to copy, and starts again from the server’s text', async () => {
    const refusedWords = 'Words the Secretariat should not add (UNODA-refused).';
    const atSecretariat = new RevisionView(await signedIn(secretariat));
    await atSecretariat.open('Zero draft');
    await atSecretariat.waitUntilReadOnly();
    const before = await atSecretariat.operative('1.').textContent();

    // An editor that still thinks it may write, as one would for the instant between a role
    // change and the server's word of it: the server refuses the change and says why.
    await atSecretariat.page.evaluate(() => {
      const dom = document.querySelector('.ProseMirror') as
        | (Element & { editor?: { setEditable(v: boolean): void } })
        | null;
      dom?.editor?.setEditable(true);
    });
    await atSecretariat.waitUntilEditable();
    await atSecretariat.typeAtEndOf(atSecretariat.operative('1.'), refusedWords);

    const notice = atSecretariat.page.getByRole('alert').filter({ hasText: 'Your change was refused' });
    await notice.filter({ hasText: SECRETARIAT_REASON }).waitFor();
    const shown = await notice.getByLabel('The words you typed').inputValue();
    // Typing may outrun the refusal; what reached the text before it is kept, word for word.
    expect(refusedWords.trim().startsWith(shown)).toBe(true);
    expect(shown.length).toBeGreaterThan(0);

    // A fresh Y.Doc from the server: live again, read-only, and without the refused words.
    await atSecretariat.waitUntilLive();
    await atSecretariat.waitUntilReadOnly();
    expect(await atSecretariat.operative('1.').textContent()).toBe(before);

    await notice.getByRole('button', { name: 'Copy the words' }).click();
    expect(await atSecretariat.page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
  });
});
