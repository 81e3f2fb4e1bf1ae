/**
 * Retakes docs/screenshot.png for the README: Mexico's view of the zero draft while Kenya's
 * Chair adds "and ammunition" to a preambular paragraph, her labelled caret in the text.
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
import { type Credentials, kenya, mexico } from './delegates.ts';
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
async function clickAfter(paragraph: Locator, words: string): Promise<void> {
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
  const atKenya = await openZeroDraftAs(browser, server.url, kenya);

  // Mexico reads the first preambular paragraph: a focused editor shows its toolbar enabled.
  await atMexico.text.getByText('their commitment to the full and effective implementation').click();

  const recognizing = (view: RevisionView) => view.text.locator('p', { hasText: 'continues to fuel armed violence' });
  await clickAfter(recognizing(atKenya), 'illicit trade in small arms and light weapons');
  await atKenya.page.keyboard.type(' and ammunition');
  await atMexico.waitForWords(recognizing(atMexico), 'light weapons and ammunition');
  await atMexico.caretOf(recognizing(atMexico), 'Amina Wanjiru (Kenya)').waitFor();
  await atKenya.waitUntilSaved();
  await atMexico.waitUntilSaved();

  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  await atMexico.page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop('SIGTERM');
  removeTempDir(dataDir);
}
