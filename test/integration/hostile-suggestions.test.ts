/**
 * DESIGN.md §3 against a real server: a delegation's client that does not play by the rules
 * (raw Yjs over `ws`, updates built by hand) tries each change a delegation may not make to a
 * circulated revision. Each is refused with 4403 and a reason, reaches no one, and is not
 * stored; a legal proposal from the same kind of client goes through to everyone.
 */

import { handBuiltUpdate } from '@zerodraft/server/collab/policy/hand-built-update.ts';
import { attrsOf, markAttribute, marked } from '@zerodraft/server/collab/policy/revision-fixture.ts';
import type { Sender } from '@zerodraft/server/collab/policy/suggestion-policy.ts';
import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { PROPOSALS_FIELD } from '@zerodraft/shared/proposals/record.ts';
import { CloseCode, DOCUMENT_FIELD, MessageType } from '@zerodraft/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from '../helpers/api.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { documentText, paragraphs } from '../helpers/document-text.ts';
import { RawYjsClient } from '../helpers/raw-yjs-client.ts';
import { getJson, signIn } from '../helpers/session.ts';
import { storedDocument } from '../helpers/stored-document.ts';
import { storedText } from '../helpers/stored-revision.ts';
import { chair, mexico, newClient, newServer, openDemo } from '../helpers/test-server.ts';
import { waitFor, within } from '../helpers/wait-for.ts';

const japanAccount = demoAccounts.find((a) => a.delegation === 'Japan');

/** Who a signed-in delegate is, as the policy sees them. */
async function senderOf(url: string, cookie: string): Promise<Sender> {
  const me = Me.parse(await getJson(url, '/api/me', cookie));
  const delegation = me.participations[0]?.delegation;
  if (!delegation) throw new Error(`${me.user.email} takes part in no meeting`);
  return { mode: 'propose', delegationId: delegation.id, delegationName: delegation.name, userId: me.user.id };
}

function paragraph(doc: Y.Doc, pid: string): Y.XmlElement {
  const found = paragraphs(doc).find((p) => p.getAttribute('pid') === pid);
  if (!found) throw new Error(`No paragraph ${pid}`);
  return found;
}

const words = (doc: Y.Doc, pid: string): Y.XmlText => paragraph(doc, pid).get(0) as Y.XmlText;

const section = (doc: Y.Doc, sid: string): Y.XmlElement => {
  const found = doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.getAttribute('sid') === sid);
  if (!(found instanceof Y.XmlElement)) throw new Error(`No section ${sid}`);
  return found;
};

/** Where `phrase` starts in paragraph `pid`. */
function indexOf(doc: Y.Doc, pid: string, phrase: string): number {
  const text = (words(doc, pid).toDelta() as { insert: string }[]).map((op) => op.insert).join('');
  const index = text.indexOf(phrase);
  if (index < 0) throw new Error(`Paragraph ${pid} does not say "${phrase}"`);
  return index;
}

describe('a delegation client that sends hand-built updates', () => {
  it('is refused every change a delegation may not make, which reaches no one, and may still propose', async () => {
    if (!japanAccount) throw new Error('The demo has no Japan account');
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const japanCookie = await signIn(server.url, japanAccount.email, japanAccount.password);
    const mexicoSender = await senderOf(server.url, mexicoCookie);
    const japanSender = await senderOf(server.url, japanCookie);
    const ownAttrs = attrsOf(mexicoSender, 'prop-mexico-raw-1');
    const japanAttrs = attrsOf(japanSender, 'prop-japan-raw-1');

    // The Chair agrees paragraph A.2 and closes section D; Japan proposes "indispensable" for "essential" in B.1.
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const chairAct = async (path: string, body: unknown) => {
      const response = await api(server.url, 'PUT', `/api/revisions/${revisionId}${path}`, {
        cookie: chairCookie,
        body,
      });
      expect(response.status, path).toBe(200);
    };
    await chairAct('/paragraphs/p-a-02/status', { status: 'agreed' });
    await chairAct('/sections/s-d/state', { closed: true });
    await waitFor(() => (section(kenya.doc, 's-d').getAttribute('closed') as unknown) === true, {
      what: 'the closed section',
    });
    const japan: CollabClient = await newClient(server.url, revisionId, japanCookie);
    await waitFor(() => paragraph(japan.doc, 'p-a-02').getAttribute('status') === 'agreed', {
      what: 'the agreed paragraph',
    });
    japan.doc.transact(() => {
      const text = words(japan.doc, 'p-b-01');
      const at = indexOf(japan.doc, 'p-b-01', 'essential');
      text.format(at, 'essential'.length, marked('deletion', japanAttrs));
      text.insert(at + 'essential'.length, ' indispensable', marked('insertion', japanAttrs));
    });
    await japan.confirmPersisted(1);
    expect(japan.closes).toEqual([]);
    // The server records Japan's proposal in a change of its own, queued behind the
    // confirmation: it must be stored and seen before what follows is measured against it.
    await waitFor(() => japan.doc.getMap(PROPOSALS_FIELD).has(japanAttrs.id), {
      what: "the record of Japan's proposal",
    });

    const seenByJapan: Uint8Array[] = [];
    japan.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === japan.provider) seenByJapan.push(update);
    });
    const storedBefore = await storedDocument(server.databasePath, revisionId);

    const insertOwn =
      (pid: string, at: number, attrs = ownAttrs) =>
      (doc: Y.Doc) =>
        words(doc, pid).insert(at, 'urgently ', marked('insertion', attrs));
    const japanese = (doc: Y.Doc) => indexOf(doc, 'p-b-01', 'essential');
    const attempts: { what: string; edit: (doc: Y.Doc, raw: RawYjsClient) => void; reason: RegExp }[] = [
      {
        what: 'typing words without a proposal',
        edit: (doc) => words(doc, 'p-a-01').insert(0, 'Firmly ', {}),
        reason: /the text can only change as Mexico's tracked proposal/,
      },
      {
        what: 'deleting words of the text',
        edit: (doc) => words(doc, 'p-c-01').delete(0, 6),
        reason: /the text can only change as Mexico's tracked proposal/,
      },
      {
        what: 'proposing in an agreed paragraph',
        edit: insertOwn('p-a-02', 0),
        reason: /^Your change was refused: preambular paragraph 2 is agreed and takes no new proposals$/,
      },
      {
        what: 'proposing in a closed section',
        edit: insertOwn('p-d-01', 0),
        reason: /section D is closed for proposals/,
      },
      {
        what: "deleting Japan's proposed words",
        edit: (doc) => words(doc, 'p-b-01').delete(japanese(doc) + 'essential'.length, 5),
        reason: /can change (Japan's|another delegation's) proposal in paragraph \d+/,
      },
      {
        what: "lifting Japan's deletion mark",
        edit: (doc) => words(doc, 'p-b-01').format(japanese(doc), 9, { [markAttribute('deletion', japanAttrs)]: null }),
        reason: /can change (Japan's|another delegation's) proposal/,
      },
      {
        what: "re-attributing Japan's proposal to Mexico",
        edit: (doc) =>
          words(doc, 'p-b-01').format(japanese(doc) + 9, ' indispensable'.length, {
            [markAttribute('insertion', japanAttrs)]: null,
            ...marked('insertion', ownAttrs),
          }),
        reason: /can change (Japan's|another delegation's) proposal/,
      },
      {
        what: 'proposing in the name of Japan',
        edit: insertOwn('p-a-01', 0, attrsOf(japanSender, 'prop-japan-raw-2')),
        reason: /a proposal must be made in your own name/,
      },
      {
        what: 'proposing in the name of another person',
        edit: insertOwn('p-a-01', 0, { ...ownAttrs, user: japanSender.userId }),
        reason: /a proposal must be made in your own name/,
      },
      {
        what: "changing a paragraph's status",
        edit: (doc) => paragraph(doc, 'p-c-01').setAttribute('status', 'agreed'),
        reason: /a paragraph's status is set with the Chair's controls/,
      },
      {
        what: 'writing a proposal record',
        edit: (doc) => doc.getMap(PROPOSALS_FIELD).set(ownAttrs.id, { status: 'accepted' }),
        reason: /only the text of the document can be changed/,
      },
      {
        what: 'formatting no editor knows',
        edit: (doc) => words(doc, 'p-a-01').format(0, 5, { script: { src: 'x' } }),
        reason: /formatting the document does not know/,
      },
      {
        what: "a legal proposal written under Japan's client id",
        edit: (doc) => {
          doc.clientID = japan.doc.clientID;
          insertOwn('p-a-01', 0)(doc);
        },
        reason: /another editor's connection/,
      },
    ];
    for (const { what, edit, reason } of attempts) {
      const raw = await RawYjsClient.open(server.url, revisionId, mexicoCookie);
      raw.change((doc) => edit(doc, raw));
      const close = await raw.closed;
      expect(close.code, what).toBe(CloseCode.UpdateRefused.code);
      expect(close.reason, what).toMatch(reason);
      expect(close.reason, what).toMatch(/^Your change was refused: /);
    }
    expect(await storedDocument(server.databasePath, revisionId)).toBe(storedBefore);

    const honest = await RawYjsClient.open(server.url, revisionId, mexicoCookie);
    honest.change(insertOwn('p-a-01', indexOf(honest.doc, 'p-a-01', 'their commitment')));
    await waitFor(() => documentText(japan.doc).includes('Reaffirming urgently their commitment'), {
      what: "Mexico's proposal to reach Japan",
    });
    // Messages go through the room in order: had anything refused been relayed, it would have
    // come first. After the proposal, only the server's record of it follows.
    await waitFor(() => japan.doc.getMap(PROPOSALS_FIELD).has(ownAttrs.id), {
      what: "the record of Mexico's proposal",
    });
    const writers = seenByJapan.map((update) => [...Y.parseUpdateMeta(update).to.keys()]);
    expect(writers[0]).toEqual([honest.doc.clientID]);
    for (const later of writers.slice(1)) expect(later).not.toContain(honest.doc.clientID);
    expect(japan.doc.getMap(PROPOSALS_FIELD).get(ownAttrs.id)).toMatchObject({
      delegationName: 'Mexico',
      status: 'pending',
    });
    expect(await storedText(server.databasePath, revisionId)).toContain('Reaffirming urgently their commitment');
    expect([...japan.closes, ...kenya.closes]).toEqual([]);
    expect(honest.socket.readyState).toBe(honest.socket.OPEN);
  });

  it('is refused what stock clients would read otherwise than the server, and everyone can still write', async () => {
    if (!japanAccount) throw new Error('The demo has no Japan account');
    const server = await newServer();
    const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const japanCookie = await signIn(server.url, japanAccount.email, japanAccount.password);
    const mexicoSender = await senderOf(server.url, mexicoCookie);
    const japanSender = await senderOf(server.url, japanCookie);
    const ownAttrs = attrsOf(mexicoSender, 'prop-mexico-raw-2');
    // Japan and the Chair are connected with stock providers, and have written nothing yet.
    const japan = await newClient(server.url, revisionId, japanCookie);
    const kenya = await newClient(server.url, revisionId, chairCookie);
    const japanClientId = japan.doc.clientID;
    const storedBefore = await storedDocument(server.databasePath, revisionId);

    /** An object with an own property "__proto__", as Yjs decodes one from an update. */
    const protoKey = (value: unknown): Record<string, unknown> => JSON.parse(`{"__proto__":${JSON.stringify(value)}}`);
    const attempts: { what: string; send: (raw: RawYjsClient) => void; reason: RegExp }[] = [
      {
        what: "Mexico's words formatted to read, in every client, as Japan's proposal",
        send: (raw) =>
          raw.change((doc) =>
            words(doc, 'p-a-01').format(0, 11, protoKey(marked('insertion', attrsOf(japanSender, 'prop-japan-raw-9')))),
          ),
        reason: /formatting the document does not know, "__proto__"/,
      },
      {
        what: 'values hidden in the words, which move where everyone else types',
        send: (raw) =>
          raw.sendUpdate(
            handBuiltUpdate([
              {
                client: raw.doc.clientID,
                clock: 0,
                parent: words(raw.doc, 'p-a-01')._item?.id ?? null,
                content: new Y.ContentAny([1, 2, 3]),
              },
            ]),
          ),
        reason: /something in the text that the document cannot show/,
      },
      {
        what: 'a proposed paragraph without an id, which every other client would give one',
        send: (raw) =>
          raw.change((doc) => {
            const proposed = new Y.XmlElement('paragraph');
            proposed.setAttribute('kind', 'operative');
            proposed.setAttribute('insertion', ownAttrs as never);
            const text = new Y.XmlText();
            text.insert(0, 'Urges States to trace ammunition.', marked('insertion', ownAttrs));
            proposed.insert(0, [text]);
            section(doc, 's-a').insert(1, [proposed]);
          }),
        reason: /it gives a paragraph no identity/,
      },
      {
        what: "an empty struct at Japan's client id, which would make Japan's Yjs take another",
        send: (raw) =>
          raw.sendUpdate(
            handBuiltUpdate([
              {
                client: japanClientId,
                clock: 0,
                origin: words(raw.doc, 'p-a-01')._start?.id ?? null,
                content: new Y.ContentString(''),
              },
            ]),
          ),
        reason: /another editor's connection/,
      },
      {
        what: 'a formatting name long enough to keep the server busy',
        send: (raw) => raw.change((doc) => words(doc, 'p-a-01').format(0, 3, { ['-'.repeat(40_000)]: {} })),
        reason: /formatting the document does not know/,
      },
    ];
    for (const { what, send, reason } of attempts) {
      const raw = await RawYjsClient.open(server.url, revisionId, mexicoCookie);
      const sent = performance.now();
      send(raw);
      const close = await within(raw.closed, 10_000, `the refusal of ${what}`);
      expect(performance.now() - sent, what).toBeLessThan(2_000);
      expect(close.code, what).toBe(CloseCode.UpdateRefused.code);
      expect(close.reason, what).toMatch(reason);
    }
    expect(await storedDocument(server.databasePath, revisionId)).toBe(storedBefore);

    // Japan proposes and the Chair edits, each under the client id it announced.
    expect(japan.doc.clientID).toBe(japanClientId);
    const japanAttrs = attrsOf(japanSender, 'prop-japan-raw-3');
    japan.doc.transact(() =>
      words(japan.doc, 'p-a-01').insert(indexOf(japan.doc, 'p-a-01', 'their commitment'), 'firmly ', {
        ...marked('insertion', japanAttrs),
      }),
    );
    await japan.confirmPersisted(1);
    kenya.doc.transact(() => words(kenya.doc, 'p-c-01').insert(0, 'Also, ', {}));
    await kenya.confirmPersisted(1);
    expect([...japan.closes, ...kenya.closes]).toEqual([]);
    const stored = await storedText(server.databasePath, revisionId);
    expect(stored).toContain('Reaffirming firmly their commitment');
    expect(stored).toContain('Also, ');
  });

  it('speaks for a few Yjs client ids per connection at most, however many its presence names', async () => {
    const server = await newServer();
    const { revisionId } = await openDemo(server.url, chair);
    const mexicoCookie = await signIn(server.url, mexico.email, mexico.password);
    const mexicoSender = await senderOf(server.url, mexicoCookie);
    const witness = await newClient(server.url, revisionId, mexicoCookie);
    const raw = await RawYjsClient.open(server.url, revisionId, mexicoCookie);
    await waitFor(() => witness.provider.awareness.getStates().has(raw.doc.clientID), { what: 'the raw presence' });

    // One presence message naming a thousand client ids: each would be relayed to everyone,
    // kept for the room's lifetime, and free to write under.
    const claimed = Array.from({ length: 1_000 }, (_, i) => 1_000_000 + i);
    const presence = encoding.createEncoder();
    encoding.writeVarUint(presence, claimed.length);
    for (const id of claimed) {
      encoding.writeVarUint(presence, id);
      encoding.writeVarUint(presence, 1);
      encoding.writeVarString(presence, JSON.stringify({ cursor: null }));
    }
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MessageType.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(presence));
    raw.send(encoding.toUint8Array(message));
    await waitFor(() => witness.provider.awareness.getStates().has(claimed[0] ?? 0), { what: 'the first claimed id' });
    const relayed = claimed.filter((id) => witness.provider.awareness.getStates().has(id));
    expect(relayed.length).toBeLessThan(4);

    const last = claimed.at(-1) ?? 0;
    const ownAttrs = attrsOf(mexicoSender, 'prop-mexico-raw-4');
    raw.change((doc) => {
      doc.clientID = last;
      words(doc, 'p-a-01').insert(0, 'Also ', marked('insertion', ownAttrs));
    });
    const close = await raw.closed;
    expect(close.code).toBe(CloseCode.UpdateRefused.code);
    expect(close.reason).toMatch(/another editor's connection/);
  });
});
