/**
 * Edit-to-screen latency of one revision, measured the same way for every server a benchmark
 * compares: stock WebsocketProvider clients in this process, typists editing at a fixed rate,
 * and each edit's arrival at every other client read from that client's state vector.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { type CollabClient, connect } from '../helpers/collab-client.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** How a round types: how many clients, how many of them typing, how fast, for how long. */
export interface Load {
  clients: number;
  typists: number;
  /** Edits per second per typist. */
  rate: number;
  /** Seconds of typing before each round is measured, so both servers and this process are warm. */
  warmup: number;
}

/** One edit of typist `t`: what a typist does at each tick, e.g. insert a marked string into its paragraph. */
export type TypeEdit = (typist: CollabClient, t: number, label: string) => void;

/** A server under test: where clients connect and which process to weigh. */
export interface Target {
  name: string;
  url: string;
  room: string;
  cookie: string | undefined;
  /** The session of client `i` instead of `cookie`, e.g. a delegate's for each typist (the first `typists` clients). */
  cookieOf?: (client: number) => string | undefined;
  pid: number;
  /** The document to give an empty room before measuring (the reference starts empty). */
  initialUpdate?: Uint8Array;
}

export interface Result {
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

export const MiB = 1024 * 1024;

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

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Every XmlText of the document, in document order: where typists may type. */
export function textNodes(doc: Y.Doc): Y.XmlText[] {
  return [...doc.getXmlFragment('document').createTreeWalker((n) => n instanceof Y.XmlText)] as Y.XmlText[];
}

/** Typist `t` appends plain text to a paragraph of its own, as the pen does. */
export const insertAtEnd: TypeEdit = (typist, t, label) => {
  const texts = textNodes(typist.doc);
  const text = texts[(t * 7) % texts.length];
  if (!text) throw new Error('The document has no text to type into');
  text.insert(text.length, label);
};

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
        Array.from({ length: size }, (_, i) =>
          connect(target.url, target.room, target.cookieOf?.(clients.length + i) ?? target.cookie, {
            timeoutMs: 30_000,
          }),
        ),
      )),
    );
  }
  return clients;
}

/** One round on one server: connect every client, type for `warmup + seconds`, collect every arrival. */
export async function measure(
  target: Target,
  settings: Load,
  seconds: number,
  typeEdit: TypeEdit = insertAtEnd,
): Promise<Result> {
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

  const intervalMs = 1000 / settings.rate;
  const start = performance.now() + 100;
  const measureFrom = start + settings.warmup * 1000;
  const end = measureFrom + seconds * 1000;
  await Promise.all(
    typists.map(
      (typist, t) =>
        new Promise<void>((done) => {
          let seq = 0;
          const tick = () => {
            const sentAt = performance.now();
            if (sentAt >= end) return done();
            typeEdit(typist, t, ` ⟨${t}.${seq}@${Math.round(sentAt)}⟩`);
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
export function combine(results: Result[]): Result {
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

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
export const ratio = (ours: number, reference: number) => (reference > 0 ? `${(ours / reference).toFixed(2)}×` : '–');
