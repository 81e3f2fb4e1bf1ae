import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import type { CollabClient } from '../helpers/collab-client.ts';
import { appendParagraph, paragraphTexts, typeAtEnd } from '../helpers/document-text.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { newClient, newServerProcess, openDemo } from '../helpers/test-server.ts';
import { waitFor, within } from '../helpers/wait-for.ts';

/** mulberry32: a seeded PRNG, so a failing run can be replayed with CRASH_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves as soon as `observer` holds any change made by `author`, checked on every update it receives. */
function firstSeen(observer: CollabClient, author: CollabClient): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (Y.getState(observer.doc.store, author.doc.clientID) > 0) {
        observer.doc.off('update', check);
        resolve();
      }
    };
    observer.doc.on('update', check);
    check();
  });
}

/** What `client` has of the document, kept after the client is gone. */
function snapshotOf(client: CollabClient): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc));
  return doc;
}

/** Asserts that `reader` has every change `witness` had: nothing it saw is missing. */
function expectEverythingOf(witness: Y.Doc, reader: Y.Doc, context: string): void {
  const missing = Y.decodeUpdate(Y.encodeStateAsUpdate(witness, Y.encodeStateVector(reader)));
  expect(missing.structs, `${context}: changes the witness saw are missing after the restart`).toEqual([]);
  const readerTexts = paragraphTexts(reader);
  for (const [i, text] of paragraphTexts(witness).entries()) {
    expect(readerTexts[i]?.startsWith(text), `${context}: paragraph ${i} "${text}"`).toBe(true);
  }
}

/** Keystrokes every millisecond into a paragraph of its own, until stopped. */
function keepTyping(client: CollabClient, label: string): { stop(): void; count(): number } {
  const paragraph = appendParagraph(client.doc, `${label}:`);
  let typed = 0;
  const timer = setInterval(() => typeAtEnd(paragraph, ` k${typed++}`), 1);
  return { stop: () => clearInterval(timer), count: () => typed };
}

describe('A server that stops', () => {
  it('loses no edit another delegation has seen when it is killed (SIGKILL) at a random moment', async () => {
    const rounds = 15;
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const dataDir = makeTempDir();
    onTestFinished(() => removeTempDir(dataDir));

    let server: ServerProcess = await newServerProcess({ dataDir });
    // The session is stored in the SQLite file too: it outlives every crash.
    const { cookie, revisionId } = await openDemo(server.url);
    let typedInTotal = 0;

    for (let round = 0; round < rounds; round++) {
      const context = `round ${round} of seed ${seed}`;
      const a = await newClient(server.url, revisionId, cookie);
      const b = await newClient(server.url, revisionId, cookie);
      const typing = keepTyping(a, `Round ${round}`);

      await within(firstSeen(b, a), 5_000, `B to see A's first edit (${context})`);
      const delayMs = random() * 30;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await server.stop('SIGKILL');
      typing.stop();
      typedInTotal += typing.count();
      // Whatever B holds now reached it through the killed server; A's own copy must not help.
      const witness = snapshotOf(b);
      a.destroy();
      b.destroy();

      server = await newServerProcess({ dataDir });
      const reader = await newClient(server.url, revisionId, cookie);
      try {
        expectEverythingOf(witness, reader.doc, `${context}, killed ${delayMs.toFixed(1)} ms after B saw A`);
        expect(
          paragraphTexts(reader.doc).some((t) => t.startsWith(`Round ${round}:`)),
          context,
        ).toBe(true);
      } finally {
        reader.destroy();
        witness.destroy();
      }
    }
    // The kills fell while A was typing, not after it had stopped.
    expect(typedInTotal).toBeGreaterThan(rounds);
  });

  it('closes every socket with 1001, exits with 0 and keeps the text on SIGTERM', async () => {
    const dataDir = makeTempDir();
    onTestFinished(() => removeTempDir(dataDir));
    const server = await newServerProcess({ dataDir });
    const { cookie, revisionId } = await openDemo(server.url);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);
    const typing = keepTyping(a, 'Typed while the server shuts down');
    await within(firstSeen(b, a), 5_000, "B to see A's first edit");

    const exit = await server.stop('SIGTERM');
    typing.stop();

    expect(exit).toEqual({ code: 0, signal: null });
    await waitFor(() => a.closes.length > 0 && b.closes.length > 0, { what: 'both clients to be told' });
    expect(a.closes[0]?.code).toBe(CloseCode.GoingAway.code);
    expect(b.closes[0]?.code).toBe(CloseCode.GoingAway.code);
    const witness = snapshotOf(b);
    a.destroy();
    b.destroy();

    const restarted = await newServerProcess({ dataDir });
    const reader = await newClient(restarted.url, revisionId, cookie);
    expectEverythingOf(witness, reader.doc, 'after SIGTERM');
    expect(paragraphTexts(reader.doc).some((t) => t.startsWith('Typed while the server shuts down: k0'))).toBe(true);
  });
});
