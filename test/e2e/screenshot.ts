/**
 * Retakes docs/screenshot.png for the README: the Chair's view of the zero draft after Mexico
 * proposed a replacement with its rationale, Japan an addition, and Japan supported Mexico.
 *
 *   pnpm --filter @zerodraft/client build && node test/e2e/screenshot.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { repoRoot, type ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { type Credentials, japan, kenya, mexico } from './delegates.ts';
import { ProposalsPanel } from './proposals-panel.ts';
import { RevisionView, signInThroughPage } from './revision-page.ts';

const output = join(repoRoot, 'docs/screenshot.png');
const viewport = { width: 1280, height: 800 };

async function openZeroDraftAs(browser: Browser, url: string, account: Credentials): Promise<RevisionView> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signInThroughPage(page, url, account);
  const view = new RevisionView(page);
  await view.open('Zero draft');
  return view;
}

/** Clicks just after `words` in `paragraph`, in the right half of their last letter. */
async function _clickAfter(paragraph: Locator, words: string): Promise<void> {
  const point = await paragraph.evaluate((p, wanted) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const lastLetter = document.createRange();
      lastLetter.setStart(node, at + wanted.length - 1);
      lastLetter.setEnd(node, at + wanted.length);
      const rect = lastLetter.getBoundingClientRect();
      return { x: rect.right - 1, y: rect.top + rect.height / 2 };
    }
    return null;
  }, words);
  if (!point) throw new Error(`"${words}" is not in the paragraph`);
  await paragraph.page().mouse.click(point.x, point.y);
}

const dataDir = makeTempDir('zerodraft-screenshot-');
let server: ServerProcess | undefined;
let browser: Browser | undefined;
try {
  server = await startAppServer({ dataDir });
  browser = await launchChromium();
  const atMexico = await openZeroDraftAs(browser, server.url, mexico);
  const atJapan = await openZeroDraftAs(browser, server.url, japan);
  const atKenya = await openZeroDraftAs(browser, server.url, kenya);

  // Mexico replaces a word and says why; Japan proposes an addition of its own and supports Mexico's.
  await atMexico.selectWord(atMexico.operative('1.'), 'fully');
  await atMexico.page.keyboard.type('comprehensively');
  const mexicoPanel = new ProposalsPanel(atMexico.page);
  const proposal = mexicoPanel.region.locator('li[data-proposal-id]').first();
  await proposal.filter({ hasText: 'Proposed by Mexico' }).waitFor();
  await mexicoPanel.button(proposal, 'Add rationale').click();
  await atMexico.page.getByLabel('Rationale').fill('Aligns with the language agreed at RevCon3.');
  await mexicoPanel.button(proposal, 'Save rationale').click();
  await atJapan.typeAtEndOf(atJapan.operative('2.'), ' and to share best practices');
  const japanPanel = new ProposalsPanel(atJapan.page);
  const mexicos = japanPanel.region.locator('li[data-proposal-id]').filter({ hasText: 'Proposed by Mexico' });
  await mexicos.filter({ hasText: 'RevCon3' }).waitFor();
  await japanPanel.button(mexicos, 'Support').click();

  // The Chair's view: both proposals in the text and in the panel, Mexico's supported by Japan.
  const chairPanel = new ProposalsPanel(atKenya.page);
  await chairPanel.region.getByText('Proposed by Mexico, supported by Japan').waitFor();
  await chairPanel.region.locator('li[data-proposal-id]').filter({ hasText: 'Proposed by Japan' }).waitFor();
  await atKenya.text.getByText('States renew their commitment').click();
  await Promise.all([atMexico.waitUntilSaved(), atJapan.waitUntilSaved()]);
  // Away from the text, so no hover label covers the words.
  await atKenya.page.mouse.move(1270, 790);

  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  await atKenya.page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop('SIGTERM');
  removeTempDir(dataDir);
}
