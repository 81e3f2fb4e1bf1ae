import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { MeetingDetail } from '@zerodraft/shared/api/meetings.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { CloseCode, MessageType } from '@zerodraft/shared/protocol.ts';
import type { Role } from '@zerodraft/shared/roles/permissions.ts';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { appendParagraph, documentText } from '../helpers/document-text.ts';
import { appendProposedParagraph, proposalAttrs } from '../helpers/proposed-paragraph.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { storedText } from '../helpers/stored-revision.ts';
import { chair, mexico, newClient, newServer, openDemo } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const secretariat = demoAccounts.find((a) => a.role === 'secretariat') ?? chair;

async function whoIs(url: string, cookie: string) {
  const me = Me.parse(await getJson(url, '/api/me', cookie));
  const meetingId = me.participations[0]?.meetingId ?? '';
  return { userId: me.user.id, meetingId };
}

/** The Chair changes a participant's role through the REST API, as the roster page does. */
async function setRole(url: string, chairCookie: string, meetingId: string, userId: string, role: Role) {
  const response = await fetch(`${url}/api/meetings/${meetingId}/participants/${userId}`, {
    method: 'PATCH',
    headers: { cookie: chairCookie, 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ role }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function removeParticipant(url: string, chairCookie: string, meetingId: string, userId: string) {
  const response = await fetch(`${url}/api/meetings/${meetingId}/participants/${userId}`, {
    method: 'DELETE',
    headers: { cookie: chairCookie, origin: url },
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

describe('Who may change the text, decided by the server on every message', () => {
  it('lets an observer follow the text live but refuses its update: not applied, stored or relayed', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const { userId, meetingId } = await whoIs(server.url, mexicoCookie);
    await setRole(server.url, chairCookie, meetingId, userId, 'observer');

    const kenya = await newClient(server.url, revisionId, chairCookie);
    const observer = await newClient(server.url, revisionId, mexicoCookie);
    expect(observer.access).toMatchObject({ write: false, mode: 'read' });
    expect(observer.access?.reason).toMatch(/Observers/);

    appendParagraph(kenya.doc, 'Decides to convene an open-ended working group.');
    await waitFor(() => documentText(observer.doc).includes('open-ended working group'), { what: 'the live text' });

    appendParagraph(observer.doc, 'Observer text that must go nowhere.');
    const close = await observer.firstClose();
    expect(close.code).toBe(CloseCode.UpdateRefused.code);
    expect(close.reason).toMatch(/Observers follow the text/);

    appendParagraph(kenya.doc, 'Requests the Secretariat to report.');
    await server.restart();
    expect(await storedText(server.databasePath, revisionId)).not.toContain('must go nowhere');
    const later = await newClient(server.url, revisionId, chairCookie);
    expect(documentText(later.doc)).not.toContain('must go nowhere');
    expect(documentText(later.doc)).toContain('Requests the Secretariat to report.');
  });

  it('refuses an update from the Secretariat, which administers but does not change the text', async () => {
    const server = await newServer();
    const { cookie, revisionId } = await openDemo(server.url, secretariat);
    const client = await newClient(server.url, revisionId, cookie);
    expect(client.access).toMatchObject({ write: false });
    appendParagraph(client.doc, 'Secretariat text.');
    const close = await client.firstClose();
    expect(close.code).toBe(CloseCode.UpdateRefused.code);
    expect(close.reason).toMatch(/Secretariat/);
    expect(await storedText(server.databasePath, revisionId)).not.toContain('Secretariat text.');
  });

  it('lets a reader reconnect without being refused, although its sync carries the deletions it knows', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const words = appendParagraph(kenya.doc, 'A paragraph the Chair takes back.');
    words.delete(0, 2);
    const reader = await newClient(
      server.url,
      revisionId,
      await signIn(server.url, secretariat.email, secretariat.password),
    );
    await waitFor(() => documentText(reader.doc).includes('paragraph the Chair takes back'), { what: 'the text' });

    reader.provider.disconnect();
    reader.provider.connect();
    await waitFor(() => reader.provider.synced, { what: 'the reader to sync again' });
    appendParagraph(kenya.doc, 'The Chair carries on.');
    await waitFor(() => documentText(reader.doc).includes('The Chair carries on.'), { what: 'the live text' });
    expect(reader.closes.filter((c) => c.code >= 4400)).toEqual([]);
  });

  it('switches an open connection between writing and reading when the Chair changes the role, without a reconnect', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const { userId, meetingId } = await whoIs(server.url, mexicoCookie);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const delegate = await newClient(server.url, revisionId, mexicoCookie);
    expect(delegate.access).toMatchObject({ write: true });

    await setRole(server.url, chairCookie, meetingId, userId, 'observer');
    await waitFor(() => delegate.access?.write === false, { what: 'the connection to become read-only' });
    await setRole(server.url, chairCookie, meetingId, userId, 'delegation');
    await waitFor(() => delegate.access?.write === true, { what: 'the connection to become writable again' });
    expect(delegate.closes).toHaveLength(0);

    appendProposedParagraph(delegate.doc, 'Mexico writes again.', await proposalAttrs(server.url, mexicoCookie));
    await waitFor(() => documentText(kenya.doc).includes('Mexico writes again.'), { what: "Mexico's words" });
  });

  it('closes the connections of a participant removed from the meeting, with 4410 and a reason', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const { userId, meetingId } = await whoIs(server.url, mexicoCookie);
    const delegate = await newClient(server.url, revisionId, mexicoCookie);
    await removeParticipant(server.url, chairCookie, meetingId, userId);
    const close = await delegate.firstClose();
    expect(close.code).toBe(CloseCode.AccessRevoked.code);
    expect(close.reason).toMatch(/no longer a participant/);
  });

  it('shows every person under their own name and delegation, whatever their client claims', async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const impostor = await newClient(server.url, revisionId, mexicoCookie);
    impostor.provider.awareness.setLocalStateField('user', {
      name: 'Amina Wanjiru',
      delegation: 'Kenya',
      colour: '#0b5cad',
    });
    const id = impostor.doc.clientID;
    await waitFor(() => kenya.provider.awareness.getStates().has(id), { what: "the impostor's presence" });
    expect(kenya.provider.awareness.getStates().get(id)?.user).toMatchObject({
      name: 'Lucía Hernández',
      delegation: 'Mexico',
    });
  });

  it("ignores presence sent for another person's client id", async () => {
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    kenya.provider.awareness.setLocalStateField('cursor', null);
    const watcher = await newClient(server.url, revisionId, chairCookie);
    const kenyaId = kenya.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().has(kenyaId), { what: "Kenya's presence" });

    const impostor = await newClient(server.url, revisionId, mexicoCookie);
    // Hand-built: Kenya's client id, a later clock, a state saying Kenya left the text to Mexico.
    const forged = new awarenessProtocol.Awareness(impostor.doc);
    forged.clientID = kenyaId;
    forged.setLocalState({ user: { name: 'Amina Wanjiru', delegation: 'Kenya' }, note: 'forged' });
    forged.meta.set(kenyaId, { clock: 1000, lastUpdated: Date.now() });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(forged, [kenyaId]));
    impostor.sendRaw(encoding.toUint8Array(encoder));
    forged.destroy();

    // A later honest message proves the forged one was handled before it.
    appendProposedParagraph(impostor.doc, 'Mexico, honestly.', await proposalAttrs(server.url, mexicoCookie));
    await waitFor(() => documentText(watcher.doc).includes('Mexico, honestly.'), { what: "Mexico's honest edit" });
    expect(watcher.provider.awareness.getStates().get(kenyaId)).not.toHaveProperty('note');
  });

  it('hides a revision in preparation from delegations (4404) but opens it to the Chair with the pen and the Secretariat to read', async () => {
    const server = await newServer();
    const { cookie: chairCookie } = await openDemo(server.url, chair);
    const { meetingId } = await whoIs(server.url, chairCookie);
    const meeting = MeetingDetail.parse(await getJson(server.url, `/api/meetings/${meetingId}`, chairCookie));
    const documentId = meeting.documents[0]?.id ?? '';
    const store = new SqliteStore({ path: server.databasePath });
    await store.createRevision({ id: 'draft-1', documentId, name: 'Draft 1', state: 'in_preparation' });
    await store.close();

    const pen = await newClient(server.url, 'draft-1', chairCookie);
    expect(pen.access).toMatchObject({ write: true, mode: 'pen' });
    const reader = await newClient(
      server.url,
      'draft-1',
      await signIn(server.url, secretariat.email, secretariat.password),
    );
    expect(reader.access).toMatchObject({ write: false });

    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const delegate = await newClient(server.url, 'draft-1', mexicoCookie, { waitForSync: false });
    expect((await delegate.firstClose()).code).toBe(CloseCode.RevisionNotFound.code);
    const rest = await fetch(`${server.url}/api/revisions/draft-1`, { headers: { cookie: mexicoCookie } });
    expect(rest.status).toBe(404);
  });
});
