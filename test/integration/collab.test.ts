import { randomUUID } from 'node:crypto';
import { ApiError } from '@zerodraft/shared/api/errors.ts';
import { CloseCode, MessageType, SESSION_COOKIE } from '@zerodraft/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type CollabClient, collabServerUrl } from '../helpers/collab-client.ts';
import { appendParagraph, documentText, paragraphs, paragraphTexts, typeAtEnd } from '../helpers/document-text.ts';
import { appendProposedParagraph, proposalAttrs } from '../helpers/proposed-paragraph.ts';
import { signIn } from '../helpers/session.ts';
import { storedText } from '../helpers/stored-revision.ts';
import { chair, mexico, newClient, newServer, openDemo } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** The XmlText of the last paragraph of the document, where the next words are typed. */
function lastParagraphText(doc: Y.Doc): Y.XmlText {
  const text = paragraphs(doc).at(-1)?.firstChild;
  if (!(text instanceof Y.XmlText)) throw new Error('The last paragraph holds no text');
  return text;
}

/** The server still answers `GET /api/health`. */
async function expectServerUp(url: string): Promise<void> {
  const response = await fetch(`${url}/api/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
}

/** How many revisions the server holds in memory, from `GET /api/health`. */
async function openRevisions(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { openRevisions: number };
  return body.openRevisions;
}

/** `a` types a line, and `b` must receive it: the room still relays between them. */
async function expectRelayed(a: CollabClient, b: CollabClient, text: string): Promise<void> {
  appendParagraph(a.doc, text);
  await waitFor(() => documentText(b.doc).includes(text), { what: `"${text}" to reach the other client` });
}

/** A y-websocket sync message: `[Sync, step, varUint8Array(payload)]`. */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A real Yjs update adding one paragraph, as a client would send it. */
function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, 'A paragraph that never arrives whole.');
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Answers the upgrade of a raw `ws` client: the HTTP status of a refusal, or 101 when it was accepted. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (error) => reject(error));
  });
}

describe('Editing a revision together', () => {
  it('brings two delegations to the same text after concurrent edits', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const { cookie: mexicoCookie } = await openDemo(server.url, mexico);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const mexicoClient = await newClient(server.url, revisionId, mexicoCookie);
    const mexicoProposal = await proposalAttrs(server.url, mexicoCookie);
    const before = paragraphTexts(kenya.doc).length;

    // Both edit in the same tick, before either has heard of the other's change: the Chair
    // with the pen, Mexico as its proposal.
    appendParagraph(kenya.doc, 'Encourages States to mark weapons at import.');
    appendProposedParagraph(mexicoClient.doc, 'Urges States to trace ammunition.', mexicoProposal);

    await waitFor(
      () =>
        documentText(kenya.doc) === documentText(mexicoClient.doc) && paragraphTexts(kenya.doc).length === before + 2,
      { what: 'both clients to converge' },
    );
    const text = documentText(mexicoClient.doc);
    expect(text).toContain('Encourages States to mark weapons at import.');
    expect(text).toContain('Urges States to trace ammunition.');
  });

  it('merges concurrent typing inside one paragraph without losing a keystroke', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);
    appendParagraph(a.doc, '');
    await waitFor(() => paragraphTexts(b.doc).length === paragraphTexts(a.doc).length, { what: 'the new paragraph' });

    for (let i = 0; i < 20; i++) {
      typeAtEnd(lastParagraphText(a.doc), `a${i} `);
      typeAtEnd(lastParagraphText(b.doc), `b${i} `);
    }

    await waitFor(() => documentText(a.doc) === documentText(b.doc) && documentText(b.doc).includes('a19 '), {
      what: 'both clients to converge',
    });
    const merged = paragraphTexts(a.doc).at(-1) ?? '';
    for (let i = 0; i < 20; i++) {
      expect(merged).toContain(`a${i} `);
      expect(merged).toContain(`b${i} `);
    }
    expect(merged).toHaveLength(2 * Array.from({ length: 20 }, (_, i) => `a${i} `).join('').length);
  });

  it('gives a delegation that joins later the whole text', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const early = await newClient(server.url, revisionId, cookie);
    appendParagraph(early.doc, 'Decides to convene an open-ended working group.');
    appendParagraph(early.doc, 'Requests the Secretary-General to report.');
    await early.confirmPersisted(1);

    const late = await newClient(server.url, revisionId, cookie);

    expect(documentText(late.doc)).toBe(documentText(early.doc));
    expect(documentText(late.doc)).toContain('Requests the Secretary-General to report.');
  });

  it('keeps the text when the server restarts', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const client = await newClient(server.url, revisionId, cookie);
    const before = documentText(client.doc);
    expect(before.length).toBeGreaterThan(0);
    appendParagraph(client.doc, 'Welcomes the outcome of the regional meetings.');
    await client.confirmPersisted(1);

    await server.restart(async () => {
      // Told to come back later, then gone: nothing can reach the new server but the SQLite file.
      await waitFor(() => client.closes.length > 0, { what: 'the client to be told the server is going away' });
      expect(client.closes.map((c) => c.code)).toEqual([CloseCode.GoingAway.code]);
      client.destroy();
    });

    const fresh = await newClient(server.url, revisionId, await signIn(server.url, mexico.email, mexico.password));
    expect(documentText(fresh.doc)).toBe(`${before}\nWelcomes the outcome of the regional meetings.`);
  });

  it('keeps the text through compactions of the update log and the unloading of the idle revision', async () => {
    const server = await newServer({ compactAfterUpdates: 5, roomIdleMs: 0 });
    const { cookie, revisionId } = await openDemo(server.url);
    const client = await newClient(server.url, revisionId, cookie);
    const paragraph = appendParagraph(client.doc, 'Compacted:');
    for (let i = 0; i < 23; i++) typeAtEnd(paragraph, ` c${i}`);
    await client.confirmPersisted(1);
    const expected = documentText(client.doc);

    client.destroy();
    await waitFor(async () => (await openRevisions(server.url)) === 0, { what: 'the idle revision to be unloaded' });

    const reader = await newClient(server.url, revisionId, cookie);
    expect(documentText(reader.doc)).toBe(expected);
    expect(await storedText(server.databasePath, revisionId)).toBe(expected);
  });

  it('keeps the last words of a delegation that leaves right after typing', async () => {
    // A store that takes 50 ms per append keeps the second update queued while the close arrives.
    const server = await newServer({}, { appendLatencyMs: 50 });
    const { cookie, revisionId } = await openDemo(server.url);
    const client = await newClient(server.url, revisionId, cookie);

    appendParagraph(client.doc, 'Notes the report of the Secretary-General.');
    appendParagraph(client.doc, 'Decides to remain seized of the matter.');
    client.destroy();

    const reader = await newClient(server.url, revisionId, cookie);
    await waitFor(() => documentText(reader.doc).includes('Decides to remain seized of the matter.'), {
      timeoutMs: 2_000,
      what: 'the last paragraph typed before leaving',
    });
  });

  it('confirms Persisted only once every edit sent before it is in the SQLite file, even from a slow store', async () => {
    const server = await newServer({}, { appendLatencyMs: 5 });
    const { cookie, revisionId } = await openDemo(server.url);
    const client = await newClient(server.url, revisionId, cookie);
    const storedAtConfirmation = new Map<number, Promise<string>>();
    // Read the file the moment the confirmation is read, before anything else can run.
    client.onPersisted((n) => storedAtConfirmation.set(n, storedText(server.databasePath, revisionId)));

    const paragraph = appendParagraph(client.doc, '');
    for (let i = 0; i < 50; i++) typeAtEnd(paragraph, `w${i} `);
    expect(client.persistedReplies).toEqual([]);
    await client.confirmPersisted(1);

    const typed = Array.from({ length: 50 }, (_, i) => `w${i} `).join('');
    expect(await storedAtConfirmation.get(1)).toContain(typed);

    typeAtEnd(paragraph, 'and more.');
    await client.confirmPersisted(2);
    expect(await storedAtConfirmation.get(2)).toContain(`${typed}and more.`);
    expect(client.persistedReplies).toEqual([1, 2]);
  });
});

describe('A client that breaks the protocol', () => {
  const update = realUpdate();
  const malformed: [string, Uint8Array | string, string][] = [
    ['garbage bytes', Uint8Array.of(0xde, 0xad, 0xbe, 0xef), 'truncated message'],
    ['a truncated sync message', syncMessage(2, update).subarray(0, 12), 'truncated message'],
    ['a sync update that is not a Yjs update', syncMessage(2, update.subarray(0, update.length - 3)), 'not a valid'],
    ['a sync message with an unknown step', syncMessage(7, new Uint8Array(0)), 'unknown sync step'],
    ['a text frame', 'hello', 'text frames'],
  ];

  it.each(malformed)('is closed with 4400 for %s while the others keep editing', async (_name, data, detail) => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const offender = await newClient(server.url, revisionId, cookie);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);

    offender.sendRaw(data);

    const close = await offender.firstClose();
    expect(close.code).toBe(CloseCode.MalformedMessage.code);
    expect(close.reason).toContain(CloseCode.MalformedMessage.reason);
    expect(close.reason).toContain(detail);
    // 4400–4499: the provider gives up instead of sending the same thing again.
    expect(offender.provider.shouldConnect).toBe(false);
    await expectRelayed(a, b, 'Still negotiating after the malformed message.');
    await expectRelayed(b, a, 'And in the other direction.');
    expect([...a.closes, ...b.closes]).toEqual([]);
    await expectServerUp(server.url);
  });

  it('is closed with 4415 for a message type the server does not speak', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const offender = await newClient(server.url, revisionId, cookie);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);

    offender.sendRaw(Uint8Array.of(42, 0));

    const close = await offender.firstClose();
    expect(close.code).toBe(CloseCode.UnsupportedMessage.code);
    expect(close.reason).toContain('type 42');
    await expectRelayed(a, b, 'Still negotiating after the unknown message.');
    await expectServerUp(server.url);
  });

  it('is closed with 1009 and told why when a message is over MAX_MESSAGE_BYTES', async () => {
    const server = await newServer({ maxMessageBytes: 64 * 1024 });
    const { cookie, revisionId } = await openDemo(server.url);
    const offender = await newClient(server.url, revisionId, cookie);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);

    // A paste of 100 KiB: one update, between the configured limit and ws's own hard cap.
    appendParagraph(offender.doc, `Pasted annex: ${'x'.repeat(100 * 1024)}`);

    const close = await offender.firstClose();
    offender.destroy();
    expect(close.code).toBe(CloseCode.MessageTooBig.code);
    expect(close.reason).toContain(CloseCode.MessageTooBig.reason);
    expect(close.reason).toMatch(/[\d.]+ KiB is over the 64 KiB limit/);
    await expectRelayed(a, b, 'Still negotiating after the oversized paste.');
    expect(documentText(a.doc)).not.toContain('Pasted annex');
    expect(await storedText(server.databasePath, revisionId)).not.toContain('Pasted annex');
    await expectServerUp(server.url);
  });

  it('is closed with 1009 when a message is over twice MAX_MESSAGE_BYTES, and the others keep editing', async () => {
    const server = await newServer({ maxMessageBytes: 64 * 1024 });
    const { cookie, revisionId } = await openDemo(server.url);
    const offender = await newClient(server.url, revisionId, cookie);
    const a = await newClient(server.url, revisionId, cookie);
    const b = await newClient(server.url, revisionId, cookie);

    appendParagraph(offender.doc, `Pasted annex: ${'x'.repeat(200 * 1024)}`);

    const close = await offender.firstClose();
    offender.destroy();
    expect(close.code).toBe(CloseCode.MessageTooBig.code);
    await expectRelayed(a, b, 'Still negotiating after the huge paste.');
    await expectServerUp(server.url);
  });

  it('is closed with 4404 when the revision does not exist', async () => {
    const server = await newServer();
    const { cookie } = await openDemo(server.url);

    const client = await newClient(server.url, randomUUID(), cookie, { waitForSync: false });

    const close = await client.firstClose();
    expect(close).toEqual(CloseCode.RevisionNotFound);
    expect(client.provider.shouldConnect).toBe(false);
    await expectServerUp(server.url);
  });

  it.each([
    ['without a session cookie', {}],
    ['with a forged session cookie', { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` }],
  ])('is refused the upgrade with HTTP 401 %s', async (_name, headers) => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url);
    const url = `${collabServerUrl(server.url)}/${revisionId}`;

    expect(await upgradeStatus(url, headers)).toBe(401);
    // The same request with a real session is let in: the refusal is about the session.
    expect(await upgradeStatus(url, { cookie })).toBe(101);
    await expectServerUp(server.url);
  });
});

describe('Signing in', () => {
  it('refuses a wrong password with 401 and says what is wrong', async () => {
    const server = await newServer();

    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: chair.email, password: 'not-the-password' }),
    });

    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    const { error } = ApiError.parse(await response.json());
    expect(error.message).toMatch(/password/i);
  });

  it('answers malformed JSON with 400', async () => {
    const server = await newServer();

    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email": "${chair.email}", "password":`,
    });

    expect(response.status).toBe(400);
    const { error } = ApiError.parse(await response.json());
    expect(error.message).toMatch(/JSON/);
  });

  it('answers GET /api/me without a session with 401', async () => {
    const server = await newServer();

    const response = await fetch(`${server.url}/api/me`);

    expect(response.status).toBe(401);
    expect(ApiError.parse(await response.json()).error.code).toBe('not_signed_in');
  });
});
