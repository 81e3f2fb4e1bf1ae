import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLargeRevision, type StoredLargeRevision } from '../helpers/large-revision.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { CompilationView } from './compilation-page.ts';
import { brazil, type Credentials, mexico } from './delegates.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';

/** Long enough for a slow CI machine, short enough that a failure names its step promptly. */
const STEP_TIMEOUT_MS = 15_000;

const ms = (value: number) => `${Math.round(value)} ms`;

describe('the compilation text in Chromium', () => {
  const dataDir = makeTempDir('zerodraft-e2e-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let large: StoredLargeRevision;

  async function signedIn(account: Credentials): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and the server');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await signInThroughPage(page, server.url, account);
    return page;
  }

  beforeAll(async () => {
    // Into the SQLite file before the server opens it: the demo meeting and a 100-page revision.
    large = await addLargeRevision(join(dataDir, 'zerodraft.db'));
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Each step runs even if one before it failed, so nothing outlives the test run.
    await browser?.close().catch(() => {});
    await server?.stop('SIGKILL');
    removeTempDir(dataDir);
  });

  it('shows a 100-page revision with every pending proposal attributed, and prints it without the app around it', async () => {
    const page = await signedIn(brazil);
    const view = new CompilationView(page);
    if (!server) throw new Error('The server is gone');

    const shown = await view.open(server.url, large.revisionId);
    const { paragraphs, characters, proposals } = large.facts;
    console.log(
      `Compilation of ${paragraphs} paragraphs (${characters} characters) with ${proposals} proposals: ` +
        `text in the page ${ms(shown.present)}, painted ${ms(shown.painted)} after navigation start`,
    );

    await page.getByRole('heading', { name: 'Outcome document (long form): Draft 3', level: 1 }).waitFor();
    await page.getByText(/^Compilation of proposals as of \w+ \d{1,2} \w+ \d{4}, \d\d:\d\d \(New York\)$/).waitFor();
    await page.getByText(`${proposals} pending proposals from 5 delegations.`, { exact: false }).waitFor();
    expect(await view.paragraphs.count()).toBe(paragraphs);
    expect(await view.text.locator('.zd-compilation-paragraph[data-kind="operative"]').first().textContent()).toMatch(
      /^1\./,
    );

    // Every proposal is named where its words are: by an attribution, or as a new paragraph.
    const named = await view.text
      .locator('[data-proposal]')
      .evaluateAll((parts) => new Set(parts.map((part) => part.getAttribute('data-proposal'))).size);
    expect(named).toBe(proposals);
    expect(await view.text.locator('.zd-compilation-new').count()).toBe(large.facts.newParagraphs);
    expect(await view.text.locator('.zd-compilation-status').count()).toBe(large.facts.agreed);
    const supported = view.attributions.filter({ hasText: /^ \([A-Z][a-z]+; supported by [A-Z]/ }).first();
    expect(await supported.evaluate((part) => getComputedStyle(part).fontStyle)).toBe('italic');
    const inserted = view.text.locator('ins').first();
    expect(await inserted.evaluate((words) => getComputedStyle(words).fontWeight)).toBe('700');
    expect(
      await view.text
        .locator('del')
        .first()
        .evaluate((words) => getComputedStyle(words).textDecorationLine),
    ).toBe('line-through');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.zd-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await view.paragraphs.first().evaluate((p) => getComputedStyle(p).breakInside)).toBe('avoid');
    await page.context().close();
  });

  it('is one click away from the revision’s text', async () => {
    const page = await signedIn(mexico);
    const revision = new RevisionView(page);
    await revision.open('Zero draft');

    await page.getByRole('link', { name: 'Compilation of proposals' }).click();
    await page.waitForURL(/\/revisions\/[^/]+\/compilation$/);
    const view = new CompilationView(page);
    await view.text.getByText(/States renew their commitment to implement the Programme of Action/).waitFor();
    await page.getByText('No pending proposals.', { exact: false }).waitFor();
    await page.context().close();
  });
});
