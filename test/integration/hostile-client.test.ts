/**
 * A hand-written client that does not play by the rules: raw `ws` frames, built byte by byte,
 * from an Observer who may not write. Nothing it sends may reach the document, the store or
 * another client, and the server carries on.
 */
import { Me } from '@zerodraft/shared/api/session.ts';
import { CloseCode, MessageType } from '@zerodraft/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { collabServerUrl, persistedMessage } from '../helpers/collab-client.ts';
import { appendParagraph, documentText } from '../helpers/document-text.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { storedText } from '../helpers/stored-revision.ts';
import { chair, mexico, newClient, newServer, openDemo } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

interface RawSocket {
  socket: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

async function openRaw(url: string, revisionId: string, cookie: string): Promise<RawSocket> {
  const socket = new WebSocket(`${collabServerUrl(url)}/${revisionId}`, { headers: { cookie } });
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** A sync message carrying a Yjs update that adds a paragraph with `words`, made outside any provider. */
function paragraphUpdate(words: string, step: 1 | 2): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, words);
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    if (step === 1) syncProtocol.writeSyncStep2(e, doc);
    else syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  });
}

describe('a hostile client', () => {
  it('reaches nobody with what it may not send, and the server carries on', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const observerCookie = await signIn(server.url, mexico.email, mexico.password);
    const me = Me.parse(await getJson(server.url, '/api/me', observerCookie));
    const meetingId = me.participations[0]?.meetingId ?? '';
    const demoted = await fetch(`${server.url}/api/meetings/${meetingId}/participants/${me.user.id}`, {
      method: 'PATCH',
      headers: { cookie: chairCookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'observer' }),
    });
    expect(demoted.status).toBe(200);

    const kenya = await newClient(server.url, revisionId, chairCookie);
    const witness = await newClient(server.url, revisionId, chairCookie);
    const seenByWitness: Uint8Array[] = [];
    witness.doc.on('update', (update: Uint8Array) => seenByWitness.push(update));
    const before = documentText(kenya.doc);

    const attempts: { what: string; send: Uint8Array | string; code: number }[] = [
      { what: 'an update', send: paragraphUpdate('Hostile update.', 2), code: CloseCode.UpdateRefused.code },
      { what: 'a sync step 2', send: paragraphUpdate('Hostile step two.', 1), code: CloseCode.UpdateRefused.code },
      { what: 'garbage', send: new Uint8Array([0, 2, 250, 1, 2]), code: CloseCode.MalformedMessage.code },
      { what: 'an empty frame', send: new Uint8Array([]), code: CloseCode.MalformedMessage.code },
      { what: 'a text frame', send: 'hello', code: CloseCode.MalformedMessage.code },
      {
        what: "the server's own Access message",
        send: frame((e) => {
          encoding.writeVarUint(e, MessageType.Access);
          encoding.writeVarString(e, JSON.stringify({ write: true, mode: 'pen' }));
        }),
        code: CloseCode.UnsupportedMessage.code,
      },
      {
        what: 'awareness that is not JSON',
        send: frame((e) => {
          encoding.writeVarUint(e, MessageType.Awareness);
          encoding.writeVarUint8Array(
            e,
            frame((a) => {
              encoding.writeVarUint(a, 1);
              encoding.writeVarUint(a, 42);
              encoding.writeVarUint(a, 1);
              encoding.writeVarString(a, '{not json');
            }),
          );
        }),
        code: CloseCode.MalformedMessage.code,
      },
    ];
    for (const attempt of attempts) {
      const raw = await openRaw(server.url, revisionId, observerCookie);
      raw.socket.send(attempt.send);
      const close = await raw.closed;
      expect(close.code, attempt.what).toBe(attempt.code);
      expect(close.reason, attempt.what).not.toBe('');
    }

    // Presence: posing as Kenya by name, and as Kenya's own client id.
    kenya.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => witness.provider.awareness.getStates().has(kenya.doc.clientID), { what: "Kenya's presence" });
    const raw = await openRaw(server.url, revisionId, observerCookie);
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.setLocalState({ user: { name: 'Amina Wanjiru', delegation: 'Kenya' }, forged: true });
    const ownId = forged.clientID;
    const spoofOfKenya = new awarenessProtocol.Awareness(new Y.Doc());
    spoofOfKenya.clientID = kenya.doc.clientID;
    spoofOfKenya.setLocalState({ user: { name: 'Amina Wanjiru', delegation: 'Kenya' }, forged: true });
    spoofOfKenya.meta.set(kenya.doc.clientID, { clock: 10_000, lastUpdated: Date.now() });
    for (const [awareness, id] of [
      [forged, ownId],
      [spoofOfKenya, kenya.doc.clientID],
    ] as const) {
      raw.socket.send(
        frame((e) => {
          encoding.writeVarUint(e, MessageType.Awareness);
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [id]));
        }),
      );
    }
    // Its Persisted answer comes only once the server has handled both.
    raw.socket.send(persistedMessage(1));
    await waitFor(() => raw.received.some((m) => m[0] === MessageType.Persisted), { what: 'the Persisted answer' });

    // The honest majority carries on, and nothing hostile was stored or relayed.
    appendParagraph(kenya.doc, 'Kenya carries on.');
    await waitFor(() => documentText(witness.doc).includes('Kenya carries on.'), { what: "Kenya's edit" });
    expect(witness.provider.awareness.getStates().get(ownId)?.user).toMatchObject({ name: 'Lucía Hernández' });
    expect(witness.provider.awareness.getStates().get(kenya.doc.clientID)).not.toHaveProperty('forged');
    expect(witness.provider.awareness.getStates().get(kenya.doc.clientID)?.user).toMatchObject({
      name: 'Amina Wanjiru',
    });
    raw.socket.close();
    expect(documentText(witness.doc)).toBe(`${before}\nKenya carries on.`);
    expect(seenByWitness.length).toBeGreaterThan(0);
    const stored = await storedText(server.databasePath, revisionId);
    expect(stored).not.toMatch(/Hostile/);
    expect(stored).toContain('Kenya carries on.');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
