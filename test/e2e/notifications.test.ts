import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { RevisionStarted } from '@zerodraft/shared/api/revisions.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { formatAt, instantAt } from '@zerodraft/shared/time/venue-time.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { kenya, mexico } from './delegates.ts';
import { signInThroughPage } from './revision-page.ts';
import { VENUE_ZONE, venueDayPlus } from './venue-clock.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

describe('notifications in Chromium: told live, counted, listed and marked read', () => {
  const dataDir = makeTempDir('zerodraft-e2e-notifications-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  /** Draft 1, circulated and placed under silence by the first test. */
  let draft1 = '';

  beforeAll(async () => {
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop('SIGKILL');
    removeTempDir(dataDir);
  });

  /** The Chair acts through the API, as the Chair's own page would. */
  async function asChair() {
    if (!server) throw new Error('beforeAll did not start the server');
    const url = server.url;
    const cookie = await signIn(url, kenya.email, kenya.password);
    const me = Me.parse(await getJson(url, '/api/me', cookie));
    const meetingId = me.participations[0]?.meetingId ?? '';
    const meeting = MeetingDetail.parse(await getJson(url, `/api/meetings/${meetingId}`, cookie));
    const document = meeting.documents[0];
    const zeroDraft = document?.revisions[0];
    if (!document || !zeroDraft) throw new Error('The demo has no zero draft');
    const act = async (path: string, body: unknown, status: number) => {
      const response = await api(url, 'POST', `/api${path}`, { cookie, body });
      expect(response.status, await response.clone().text()).toBe(status);
      return response.json();
    };
    return {
      startDraft1: async () =>
        RevisionStarted.parse(
          await act(`/documents/${document.id}/revisions`, { from: zeroDraft.id, carryForward: true }, 201),
        ).revision.id,
      circulate: (revisionId: string) =>
        act(
          `/revisions/${revisionId}/circulate`,
          {
            name: 'Draft 1',
            date: venueDayPlus(0),
            coverNote: 'Excellency, I have the honour to circulate Draft 1 of the outcome document.',
          },
          200,
        ),
      placeUnderSilence: (revisionId: string, date: string) =>
        act(`/revisions/${revisionId}/silence`, { date, time: '12:00' }, 201),
      withdrawSilence: (revisionId: string) => act(`/revisions/${revisionId}/silence/withdraw`, undefined, 200),
    };
  }

  async function mexicoSignedIn(): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/Mexico_City',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, mexico);
    return page;
  }

  it('shows Mexico the Chair’s circulation at once, with the count, lists it and marks it read', async () => {
    const page = await mexicoSignedIn();
    const notificationsLink = (name: string) => page.getByRole('link', { name, exact: true });
    await notificationsLink('Notifications, none unread').waitFor();
    // A mark on the page that a reload would wipe: what follows arrives without one.
    await page.evaluate(() => {
      document.body.dataset.loadedOnce = 'yes';
    });

    const chair = await asChair();
    draft1 = await chair.startDraft1();
    await chair.circulate(draft1);

    const toasts = page.getByRole('region', { name: 'New notifications' });
    await toasts.getByText('Draft 1 has been circulated by the Chair', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Draft 1 has been circulated by the Chair' }).waitFor();
    await notificationsLink('Notifications, 1 unread').waitFor();
    expect(await page.evaluate(() => document.body.dataset.loadedOnce)).toBe('yes');

    // The card leads to the revision; the header to the list.
    expect(await toasts.getByRole('link', { name: 'Open Draft 1' }).getAttribute('href')).toBe(`/revisions/${draft1}`);
    await notificationsLink('Notifications, 1 unread').click();
    await page.waitForURL(/\/notifications$/);
    const list = page.getByRole('list', { name: 'Notifications, newest first' });
    const circulated = list.getByRole('listitem').filter({ hasText: 'Draft 1 has been circulated by the Chair' });
    await circulated.waitFor();
    expect(await circulated.textContent()).toContain('Unread:');
    expect(await circulated.textContent()).toContain(
      'The Chair, Amina Wanjiru (Kenya), circulated Draft 1 of “Outcome document”',
    );
    expect(await circulated.locator('time').textContent()).toMatch(
      /^\w+day \d{1,2} \w+ \d{4}, \d{2}:\d{2} \(New York\)$/,
    );
    expect(await circulated.getByRole('link').getAttribute('href')).toBe(`/revisions/${draft1}`);

    // While the list is open, the next one joins its top.
    const date = venueDayPlus(3);
    const deadline = formatAt(instantAt(date, '12:00', VENUE_ZONE) ?? '', VENUE_ZONE, 'New York');
    await chair.placeUnderSilence(draft1, date);
    const silence = list.getByRole('listitem').first();
    await silence.filter({ hasText: `Draft 1 is under silence procedure until ${deadline}` }).waitFor();
    await notificationsLink('Notifications, 2 unread').waitFor();
    await page.getByText('2 unread.', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await notificationsLink('Notifications, none unread').waitFor();
    await page.getByText('All read.', { exact: true }).waitFor();
    expect(await list.getByText('Unread:').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);

    // Read they stay: the list from the server says so.
    await page.reload();
    await list.getByRole('listitem').nth(1).waitFor();
    expect(await list.getByText('Unread:').count()).toBe(0);
    await notificationsLink('Notifications, none unread').waitFor();
  });

  it('tells every one of eight open pages of Mexico’s, over one stream, and leaves the browser connections to load pages', async () => {
    const first = await mexicoSignedIn();
    const pages = [first];
    for (let i = 1; i < 8; i++) pages.push(await first.context().newPage());
    for (const page of pages) {
      await page.goto(first.url());
      await page.getByRole('link', { name: /^Notifications, / }).waitFor();
    }

    await (await asChair()).withdrawSilence(draft1);
    for (const page of pages) {
      await page
        .getByRole('region', { name: 'New notifications' })
        .getByText('The silence procedure on Draft 1 has been withdrawn', { exact: true })
        .waitFor();
    }
    // Over HTTP/1.1 a browser holds six connections to a server: eight streams would leave none.
    const last = pages.at(-1);
    await last?.goto(`${new URL(first.url()).origin}/notifications`);
    await last
      ?.getByRole('list', { name: 'Notifications, newest first' })
      .getByRole('listitem')
      .filter({ hasText: 'The silence procedure on Draft 1 has been withdrawn' })
      .waitFor();
  });
});
