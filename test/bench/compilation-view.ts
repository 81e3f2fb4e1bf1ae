/**
 * How long the compilation view of a 100-page revision takes to open in Chromium (issue 5:
 * under 1 s for about 1,500 paragraphs with 500 pending proposals).
 *
 *   node test/bench/compilation-view.ts [--opens 5 --paragraphs 1500 --proposals 500 --strict]
 *
 * The server runs as in production (`node server/src/main.ts` serving the built client; build it
 * first with `pnpm --filter @zerodraft/client build`), its SQLite file seeded with the BMS7 demo
 * and a generated revision (test/helpers/large-revision.ts). A Brazil delegate signs in, then
 * opens the compilation's address `--opens` times, each a fresh page load with a warm browser
 * cache, as a reader who comes back to it. Each open is timed from navigation start to the frame
 * after the text is in the page. The server's own share is measured apart: the median time of
 * the API answer alone, fetched from this process. `--strict` exits 1 when the median open
 * misses the target.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startAppServer } from '../e2e/app-server.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { CompilationView } from '../e2e/compilation-page.ts';
import { brazil } from '../e2e/delegates.ts';
import { signInThroughPage } from '../e2e/revision-page.ts';
import { addLargeRevision } from '../helpers/large-revision.ts';
import { signIn } from '../helpers/session.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const TARGET_MS = 1000;

function settings() {
  const { values } = parseArgs({
    // `pnpm bench -- --opens 9` passes the `--` along.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      opens: { type: 'string', default: '5' },
      paragraphs: { type: 'string', default: '1500' },
      proposals: { type: 'string', default: '500' },
      strict: { type: 'boolean', default: false },
    },
  });
  const count = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
    return value;
  };
  return {
    opens: count('opens', values.opens),
    paragraphs: count('paragraphs', values.paragraphs),
    proposals: count('proposals', values.proposals),
    strict: values.strict,
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
  const { opens, paragraphs, proposals, strict } = settings();
  const dataDir = makeTempDir('zerodraft-bench-');
  const server = await (async () => {
    // Scaled with the paragraphs, so a smaller run keeps the same density of text.
    const characters = Math.round((580_000 * paragraphs) / 1500);
    const large = await addLargeRevision(join(dataDir, 'zerodraft.db'), { paragraphs, proposals, characters });
    return { large, process: await startAppServer({ dataDir }) };
  })();
  const browser = await launchChromium();
  try {
    const { url } = server.process;
    const { revisionId, facts } = server.large;

    const cookie = await signIn(url, brazil.email, brazil.password);
    const api: number[] = [];
    for (let i = 0; i < opens; i++) {
      const started = performance.now();
      const response = await fetch(`${url}/api/revisions/${revisionId}/compilation`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`The compilation answered ${response.status}`);
      api.push(performance.now() - started);
      if (i === 0) console.log(`API answer: ${(bytes / 1024).toFixed(0)} KiB of JSON`);
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    await signInThroughPage(page, url, brazil);
    const view = new CompilationView(page);
    const painted: number[] = [];
    const present: number[] = [];
    for (let i = 0; i < opens; i++) {
      const shown = await view.open(url, revisionId);
      const count = await view.paragraphs.count();
      if (count !== facts.paragraphs) throw new Error(`The page shows ${count} of ${facts.paragraphs} paragraphs`);
      painted.push(shown.painted);
      present.push(shown.present);
    }

    const open = median(painted);
    console.log(
      `Compilation view of ${facts.paragraphs} paragraphs (${facts.characters.toLocaleString('en')} characters) ` +
        `with ${facts.proposals} pending proposals (${facts.overlapping} overlapping, ${facts.newParagraphs} new paragraphs):`,
    );
    console.log(`  API answer alone, median of ${opens}: ${ms(median(api))}  [${api.map(ms).join(', ')}]`);
    console.log(`  text in the page, median of ${opens}: ${ms(median(present))}  [${present.map(ms).join(', ')}]`);
    console.log(
      `  page open (navigation start to text painted), median of ${opens}: ${ms(open)}  [${painted.map(ms).join(', ')}]`,
    );
    console.log(
      `  target < ${ms(TARGET_MS)}: ${open < TARGET_MS ? 'met' : 'MISSED'} (${(open / TARGET_MS).toFixed(2)}× the target)`,
    );
    if (strict && open >= TARGET_MS) process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
    await server.process.stop('SIGTERM');
    removeTempDir(dataDir);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
