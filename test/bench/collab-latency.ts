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
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import * as Y from 'yjs';
import { type CollabClient, connect } from '../helpers/collab-client.ts';
import { spawnServer } from '../helpers/server-process.ts';
import { demoRevisionId, signIn } from '../helpers/session.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

interface Settings {
  clients: number;
  typists: number;
  /** Edits per second per typist. */
  rate: number;
  /** Seconds measured per server, in total over its rounds. */
  duration: number;
  /** Measuring rounds per server, alternating ours, reference, ours … */
  rounds: number;
  /** Seconds of typing before each round is measured, so both servers and this process are warm. */
  warmup: number;
  synchronous: 'FULL' | 'NORMAL';
  strict: boolean;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    // `pnpm bench -- --clients 10` passes the `--` along.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      clients: { type: 'string' },
      typists: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      synchronous: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  const number = (flag: string | undefined, env: string, fallback: number) => {
    const raw = flag ?? process.env[env];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${env} must be a non-negative number, got "${raw}"`);
    return value;
  };
  const synchronous = values.synchronous ?? process.env.SQLITE_SYNCHRONOUS ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error('--synchronous must be FULL or NORMAL');
  const settings: Settings = {
    clients: Math.floor(number(values.clients, 'BENCH_CLIENTS', 50)),
    typists: Math.floor(number(values.typists, 'BENCH_TYPISTS', 5)),
    rate: number(values.rate, 'BENCH_RATE', 5),
    duration: number(values.duration, 'BENCH_DURATION', 20),
    rounds: Math.max(1, Math.floor(number(values.rounds, 'BENCH_ROUNDS', 2))),
    warmup: number(values.warmup, 'BENCH_WARMUP', 1),
    synchronous,
    strict: values.strict,
  };
  if (settings.typists < 1 || settings.clients < settings.typists + 1) {
    throw new Error('Needs at least one typist and one more client to see the edits');
  }
  if (settings.rate <= 0) throw new Error('--rate must be above 0');
  return settings;
}

/** A server under test: where clients connect and which process to weigh. */
interface Target {
  name: string;
  url: string;
  room: string;
  cookie: string | undefined;
  pid: number;
  /** The document to give an empty room before measuring (the reference starts empty). */
  initialUpdate?: Uint8Array;
}

interface Result {
  name: string;
  latencies: Float64Array;
  expected: number;
  lost: number;
  edits: number;
  rssIdleBytes: number;
  rssPeakBytes: number;
  /** CPU time (user + system) the server used from the first edit to the last arrival, in seconds. */
  cpuSeconds: number;
  /** p99 event-loop delay of this (client) process during the run: above a few ms, the bench measures itself. */
  clientLoopP99Ms: number;
}

interface Edit {
  /** The typist's clock after the edit: a client has the edit once its state for the typist reaches it. */
  clock: number;
  sentAt: number;
  measured: boolean;
}

const MiB = 1024 * 1024;

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** User + system CPU time of a process so far, in seconds (/proc/<pid>/stat, in USER_HZ = 100 ticks/s on Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Every XmlText of the document, in document order: where typists may type. */
function textNodes(doc: Y.Doc): Y.XmlText[] {
  return [...doc.getXmlFragment('document').createTreeWalker((n) => n instanceof Y.XmlText)] as Y.XmlText[];
}

async function connectAll(target: Target, count: number): Promise<CollabClient[]> {
  const clients: CollabClient[] = [];
  if (target.initialUpdate) {
    // The first client brings the document into the empty room; the others receive it.
    clients.push(
      await connect(target.url, target.room, target.cookie, { initialUpdate: target.initialUpdate, timeoutMs: 30_000 }),
    );
  }
  const batch = 10;
  while (clients.length < count) {
    const size = Math.min(batch, count - clients.length);
    clients.push(
      ...(await Promise.all(
        Array.from({ length: size }, () => connect(target.url, target.room, target.cookie, { timeoutMs: 30_000 })),
      )),
    );
  }
  return clients;
}

/** One round on one server: connect every client, type for `warmup + seconds`, collect every arrival. */
async function measure(target: Target, settings: Settings, seconds: number): Promise<Result> {
  const clients = await connectAll(target, settings.clients);
  const reference = clients[0]?.doc;
  if (!reference) throw new Error('No client connected');
  const state = Buffer.from(Y.encodeStateVector(reference));
  await waitFor(() => clients.every((c) => state.equals(Y.encodeStateVector(c.doc))), {
    timeoutMs: 30_000,
    what: `every client of ${target.name} to hold the document`,
  });

  const typists = clients.slice(0, settings.typists);
  const edits: Edit[][] = typists.map(() => []);
  const typistIds = typists.map((t) => t.doc.clientID);
  const latencies = new Float64Array(
    Math.ceil((seconds + settings.warmup + 1) * settings.rate) * settings.typists * (settings.clients - 1),
  );
  let recorded = 0;

  // Per client, per typist: index of the next edit not yet seen there.
  const cursors = clients.map(() => new Array<number>(typists.length).fill(0));
  for (const [c, client] of clients.entries()) {
    const cursor = cursors[c] as number[];
    const store = client.doc.store;
    client.doc.on('update', () => {
      const now = performance.now();
      for (let t = 0; t < typistIds.length; t++) {
        if (c === t) continue;
        const list = edits[t] as Edit[];
        let next = cursor[t] as number;
        if (next >= list.length) continue;
        const state = Y.getState(store, typistIds[t] as number);
        while (next < list.length && (list[next] as Edit).clock <= state) {
          const edit = list[next] as Edit;
          if (edit.measured && recorded < latencies.length) latencies[recorded++] = now - edit.sentAt;
          next++;
        }
        cursor[t] = next;
      }
    });
  }

  const rssIdleBytes = rssBytes(target.pid);
  const cpuBefore = cpuSeconds(target.pid);
  let rssPeakBytes = rssIdleBytes;
  const sampler = setInterval(() => {
    rssPeakBytes = Math.max(rssPeakBytes, rssBytes(target.pid));
  }, 200);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();

  const nodes = textNodes(reference);
  const intervalMs = 1000 / settings.rate;
  const start = performance.now() + 100;
  const measureFrom = start + settings.warmup * 1000;
  const end = measureFrom + seconds * 1000;
  await Promise.all(
    typists.map(
      (typist, t) =>
        new Promise<void>((done) => {
          const texts = textNodes(typist.doc);
          const text = texts.length > 0 ? texts[(t * 7) % texts.length] : undefined;
          if (!text || nodes.length !== texts.length) throw new Error('The typists do not share the document');
          let seq = 0;
          const tick = () => {
            const sentAt = performance.now();
            if (sentAt >= end) return done();
            text.insert(text.length, ` ⟨${t}.${seq}@${Math.round(sentAt)}⟩`);
            (edits[t] as Edit[]).push({
              clock: Y.getState(typist.doc.store, typist.doc.clientID),
              sentAt,
              measured: sentAt >= measureFrom,
            });
            seq++;
            // Scheduled from the start, not from the last tick, so the rate does not drift.
            const next = start + (t / typists.length) * intervalMs + seq * intervalMs;
            setTimeout(tick, Math.max(0, next - performance.now()));
          };
          setTimeout(tick, start + (t / typists.length) * intervalMs - performance.now());
        }),
    ),
  );

  const totalEdits = edits.reduce((n, list) => n + list.length, 0);
  const arrivals = () => cursors.reduce((n, cursor, c) => n + cursor.reduce((m, i, t) => m + (c === t ? 0 : i), 0), 0);
  const expectedArrivals = totalEdits * (settings.clients - 1);
  await waitFor(() => arrivals() === expectedArrivals, { timeoutMs: 10_000, what: 'the last edits' }).catch(() => {});
  clearInterval(sampler);
  loop.disable();
  const cpuUsed = cpuSeconds(target.pid) - cpuBefore;
  const lost = expectedArrivals - arrivals();
  const expected = edits.reduce((n, list) => n + list.filter((e) => e.measured).length, 0) * (settings.clients - 1);

  for (const client of clients) client.destroy();
  const measured = latencies.slice(0, recorded).sort();
  return {
    name: target.name,
    latencies: measured,
    expected,
    lost,
    edits: totalEdits,
    rssIdleBytes,
    rssPeakBytes,
    cpuSeconds: cpuUsed,
    clientLoopP99Ms: loop.percentile(99) / 1e6,
  };
}

/** One result of the rounds of one server: latencies pooled, counts and CPU summed, RSS at its highest. */
function combine(results: Result[]): Result {
  const first = results[0];
  if (!first) throw new Error('No round was measured');
  const latencies = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
  let offset = 0;
  for (const r of results) {
    latencies.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  const sum = (pick: (r: Result) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    name: first.name,
    latencies: latencies.sort(),
    expected: sum((r) => r.expected),
    lost: sum((r) => r.lost),
    edits: sum((r) => r.edits),
    rssIdleBytes: first.rssIdleBytes,
    rssPeakBytes: Math.max(...results.map((r) => r.rssPeakBytes)),
    cpuSeconds: sum((r) => r.cpuSeconds),
    clientLoopP99Ms: Math.max(...results.map((r) => r.clientLoopP99Ms)),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

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

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const ratio = (ours: number, reference: number) => (reference > 0 ? `${(ours / reference).toFixed(2)}×` : '–');

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
