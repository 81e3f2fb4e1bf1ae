/**
 * Edit-to-screen latency of one revision edited by many delegations at once, for this server
 * and for the reference y-websocket server (@y/websocket-server), measured in the same run.
 *
 *   pnpm bench [--clients 50 --typists 5 --rate 5 --duration 20 --rounds 2 --warmup 1 --synchronous FULL --strict]
 *
 * (or BENCH_CLIENTS, BENCH_TYPISTS, BENCH_RATE, BENCH_DURATION, BENCH_ROUNDS, BENCH_WARMUP, SQLITE_SYNCHRONOUS)
 *
 * The measured time of each server is split into rounds that alternate between the two
 * servers, so a burst of load from elsewhere on the machine hits both alike.
 *
 * Every client is a stock WebsocketProvider in this one process; each server runs as a child
 * process of its own, so its RSS is its own. Typists type into paragraphs of the demo zero
 * draft; the reference room is given the same document first, so both servers carry the same
 * state. Each edit inserts a marked string "⟨typist.seq@ms⟩", and its arrival at every other
 * client is read from that client's state vector on each update it applies: the typist's clock
 * after the edit is the edit's id, `performance.now()` (shared by all clients here) its time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import * as Y from 'yjs';
import { connect } from '../helpers/collab-client.ts';
import { spawnServer } from '../helpers/server-process.ts';
import { demoRevisionId, signIn } from '../helpers/session.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { combine, freePort, MiB, measure, ms, percentile, type Result, ratio, type Target } from './latency.ts';
import { readTypingSettings, type TypingSettings } from './settings.ts';

type Settings = TypingSettings;

const readSettings = (): Settings => readTypingSettings({});

/** `node node_modules/@y/websocket-server/src/server.js`, in memory, as its README runs it. */
async function startReference(): Promise<{ url: string; child: ChildProcess; pid: number }> {
  const port = await freePort();
  const script = join(import.meta.dirname, '../node_modules/@y/websocket-server/src/server.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running at')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`The reference server exited with ${code}:\n${output}`)));
  });
  if (child.pid === undefined) throw new Error('The reference server has no pid');
  return { url: `http://127.0.0.1:${port}`, child, pid: child.pid };
}

function printTable(settings: Settings, results: [Result, Result]): boolean {
  const [ours, reference] = results;
  const row = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(22) : cell.padStart(10))).join(' ');
  const line = (r: Result) =>
    row([
      r.name,
      ms(percentile(r.latencies, 50)),
      ms(percentile(r.latencies, 99)),
      ms(r.latencies.at(-1) ?? Number.NaN),
      String(r.latencies.length),
      String(r.lost),
      (r.rssIdleBytes / MiB).toFixed(1),
      (r.rssPeakBytes / MiB).toFixed(1),
      r.cpuSeconds.toFixed(2),
      ms(r.clientLoopP99Ms),
    ]);
  const p99Ratio = percentile(ours.latencies, 99) / percentile(reference.latencies, 99);
  console.log(
    `\n${settings.clients} clients on one revision, ${settings.typists} typing ${settings.rate} edits/s each, ` +
      `${settings.duration} s measured per server in ${settings.rounds} alternating round(s), each after ${settings.warmup} s ` +
      `warm-up; SQLite synchronous=${settings.synchronous}\n`,
  );
  console.log(
    row(['server', 'p50 ms', 'p99 ms', 'max ms', 'arrivals', 'lost', 'RSS0 MiB', 'RSSmax MiB', 'CPU s', 'loop p99']),
  );
  console.log(line(ours));
  console.log(line(reference));
  console.log(
    row([
      'ours / reference',
      ratio(percentile(ours.latencies, 50), percentile(reference.latencies, 50)),
      ratio(percentile(ours.latencies, 99), percentile(reference.latencies, 99)),
      ratio(ours.latencies.at(-1) ?? 0, reference.latencies.at(-1) ?? 0),
      '',
      '',
      ratio(ours.rssIdleBytes, reference.rssIdleBytes),
      ratio(ours.rssPeakBytes, reference.rssPeakBytes),
      ratio(ours.cpuSeconds, reference.cpuSeconds),
      '',
    ]),
  );
  const met = p99Ratio <= 1.5 && ours.lost === 0;
  console.log(
    `\ntarget p99 ≤ 1.5× reference: ${met ? 'met' : 'MISSED'} (${p99Ratio.toFixed(2)}×)` +
      `${ours.lost > 0 ? `; ${ours.lost} arrivals never came` : ''}` +
      '\n(arrivals: edit × receiving client pairs measured; RSS0: server RSS with all clients connected, before typing;' +
      ' CPU s: server CPU time while typing; loop p99: event-loop delay of the bench process itself, in ms)',
  );
  return met;
}

async function main() {
  const settings = readSettings();
  // Every WebsocketProvider listens for the process's exit; here that is one per client.
  process.setMaxListeners(settings.clients + 10);
  const account = demoAccounts.find((a) => a.role === 'chair');
  if (!account) throw new Error('The demo has no chair account');

  const dataDir = makeTempDir('zerodraft-bench-');
  const ours = await spawnServer({ dataDir, env: { SQLITE_SYNCHRONOUS: settings.synchronous } });
  const reference = await startReference();
  try {
    const cookie = await signIn(ours.url, account.email, account.password);
    const revisionId = await demoRevisionId(ours.url, cookie);
    const demo = await connect(ours.url, revisionId, cookie);
    const demoState = Y.encodeStateAsUpdate(demo.doc);
    demo.destroy();

    const targets: [Target, Target] = [
      { name: 'zerodraft', url: ours.url, room: revisionId, cookie, pid: ours.pid },
      {
        name: '@y/websocket-server',
        url: reference.url,
        room: 'bench',
        cookie: undefined,
        pid: reference.pid,
        initialUpdate: demoState,
      },
    ];
    const rounds: [Result[], Result[]] = [[], []];
    const seconds = settings.duration / settings.rounds;
    for (let round = 1; round <= settings.rounds; round++) {
      for (const [i, target] of targets.entries()) {
        console.log(`Round ${round}/${settings.rounds}: ${target.name} (pid ${target.pid}) …`);
        rounds[i]?.push(await measure(target, settings, seconds));
      }
    }
    const met = printTable(settings, [combine(rounds[0]), combine(rounds[1])]);
    if (settings.strict && !met) process.exitCode = 1;
  } finally {
    reference.child.kill('SIGTERM');
    await ours.stop('SIGTERM');
    removeTempDir(dataDir);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
