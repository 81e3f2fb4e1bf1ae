import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { PROPOSALS_FIELD, type ProposalRecord, type ProposalStatus } from '@zerodraft/shared/proposals/record.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { SuggestionAttrs, SuggestionKind } from '@zerodraft/shared/schema/suggestions.ts';
import * as buffer from 'lib0/buffer';
import * as sha256 from 'lib0/hash/sha256';
import * as Y from 'yjs';
import { ShadowDoc } from '../shadow.ts';
import { checkUpdate, type Sender, type Verdict } from './suggestion-policy.ts';

/**
 * For the policy's tests: a revision with agreed text, a closed section and other delegations'
 * pending proposals, as the room holds it, and clients that send it updates.
 */

export const mexico: Sender = { mode: 'propose', delegationId: 'd-mex', delegationName: 'Mexico', userId: 'u-lucia' };
/** Another member of Mexico's delegation. */
export const mexicoColleague: Sender = { ...mexico, userId: 'u-pablo' };
export const japan: Sender = { mode: 'propose', delegationId: 'd-jpn', delegationName: 'Japan', userId: 'u-kenji' };
/** Kenya, in the Chair, writing with the pen. */
export const chair: Sender = { mode: 'pen', delegationId: 'd-ken', delegationName: 'Kenya', userId: 'u-amina' };

export const attrsOf = (who: Sender, id: string, time = '2026-11-25T10:00:00.000Z'): SuggestionAttrs => ({
  id,
  delegation: who.delegationId,
  user: who.userId,
  time,
});

/** As @tiptap/y-tiptap hashes a mark's JSON for the Y.Text attribute name (`hashOfJSON`). */
function hashOfJSON(json: unknown): string {
  const digest = sha256.digest(buffer.encodeAny(json));
  const size = 6;
  for (let i = size; i < digest.length; i++) digest[i % size] = (digest[i % size] ?? 0) ^ (digest[i] ?? 0);
  return buffer.toBase64(digest.slice(0, size));
}

/** The Y.Text attribute a suggestion mark is stored under, as a stock client names it. */
export const markAttribute = (kind: SuggestionKind, attrs: SuggestionAttrs): string =>
  `${kind}--${hashOfJSON({ type: kind, attrs })}`;

/** `{ [attribute]: attrs }`, to insert or format text with. */
export const marked = (kind: SuggestionKind, attrs: SuggestionAttrs): Record<string, SuggestionAttrs> => ({
  [markAttribute(kind, attrs)]: attrs,
});

export const text = (words: string, marks: { type: string; attrs?: SuggestionAttrs }[] = []): JSONContent => ({
  type: 'text',
  text: words,
  ...(marks.length ? { marks } : {}),
});

export const paragraph = (
  pid: string,
  content: JSONContent[],
  attrs: { status?: string; insertion?: SuggestionAttrs; kind?: string } = {},
): JSONContent => ({
  type: 'paragraph',
  attrs: { pid, kind: attrs.kind ?? 'operative', status: attrs.status ?? 'open', insertion: attrs.insertion ?? null },
  ...(content.length ? { content } : {}),
});

export const section = (sid: string, heading: string, closed: boolean, ...paragraphs: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { sid, closed },
  content: [{ type: 'sectionHeading', content: [text(heading)] }, ...paragraphs],
});

export const record = (
  attrs: SuggestionAttrs,
  delegationName: string,
  status: ProposalStatus = 'pending',
): ProposalRecord => ({
  id: attrs.id,
  delegationId: attrs.delegation,
  delegationName,
  delegationCode: delegationName.slice(0, 3).toUpperCase(),
  userId: attrs.user,
  userName: attrs.user,
  createdAt: attrs.time,
  rationale: null,
  status,
  stances: {},
  inserted: null,
  deleted: null,
  history: [],
});

export const japanReplaces = attrsOf(japan, 'prop-japan-1');
export const japanProposesParagraph = attrsOf(japan, 'prop-japan-2');
export const mexicoEarlier = attrsOf(mexico, 'prop-mexico-1');
export const mexicoAccepted = attrsOf(mexico, 'prop-mexico-0');

/**
 * Section A is open: paragraph 1 plain, paragraph 2 agreed, paragraph 3 where Japan replaces
 * "grave" with "serious", paragraph 4 proposed whole by Japan, paragraph 5 where Mexico already
 * proposes. Section B is closed.
 */
export function negotiatedDraft(): JSONContent {
  const ins = (attrs: SuggestionAttrs) => ({ type: 'insertion', attrs });
  const del = (attrs: SuggestionAttrs) => ({ type: 'deletion', attrs });
  return {
    type: 'doc',
    content: [
      { type: 'title', content: [text('Draft outcome document')] },
      section(
        's-a',
        'A. Implementation',
        false,
        paragraph('p-1', [text('Decides to convene a meeting of experts in 2027.')]),
        paragraph('p-2', [text('Reaffirms the Programme of Action.')], { status: 'agreed' }),
        paragraph('p-3', [
          text('Expresses '),
          text('grave', [del(japanReplaces)]),
          text('serious', [ins(japanReplaces)]),
          text(' concern at the illicit trade.'),
        ]),
        paragraph('p-4', [text('Calls upon States to mark weapons.', [ins(japanProposesParagraph)])], {
          insertion: japanProposesParagraph,
        }),
        paragraph('p-5', [
          text('Encourages '),
          text('all ', [ins(mexicoEarlier)]),
          text('States '),
          text('strongly ', [del(mexicoEarlier)]),
          text('to report.'),
        ]),
      ),
      section(
        's-b',
        'B. Follow-up',
        true,
        paragraph('p-6', [text('Requests the Secretariat to report in 2028.')]),
        paragraph('p-7', [text('Decides to remain seized of the matter.')]),
      ),
    ],
  };
}

/** The room's document for a revision: its text, and the records of its proposals. */
export function revisionDoc(json: JSONContent, records: readonly ProposalRecord[] = []): Y.Doc {
  const doc = prosemirrorJSONToYDoc(documentSchema, json, DOCUMENT_FIELD);
  const map = doc.getMap(PROPOSALS_FIELD);
  doc.transact(() => {
    for (const r of records) map.set(r.id, r);
  });
  return doc;
}

export const negotiatedRecords = (): ProposalRecord[] => [
  record(japanReplaces, 'Japan'),
  record(japanProposesParagraph, 'Japan'),
  record(mexicoEarlier, 'Mexico'),
  record(mexicoAccepted, 'Mexico', 'accepted'),
];

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/**
 * A room's document and its shadow copy, as `Room` has them, and one client's copy of the text.
 * `send` makes a change on the client's copy and has the room decide on its update as
 * `Room.#applyFromClient` does: tried on the shadow, checked, applied only if accepted. After a
 * refusal the client starts again from the room's text, as an honest client resynchronises.
 */
export class PolicyBench {
  readonly room: Y.Doc;
  readonly shadow: ShadowDoc;
  client: Y.Doc;

  constructor(room: Y.Doc) {
    this.room = room;
    this.shadow = new ShadowDoc(room);
    this.client = copyOf(room);
  }

  static negotiated(): PolicyBench {
    return new PolicyBench(revisionDoc(negotiatedDraft(), negotiatedRecords()));
  }

  /** Makes a change on the client's copy, as one transaction, and sends it. */
  send(sender: Sender, edit: (doc: Y.Doc) => void): Verdict {
    return this.sendChangesOf(sender, () => this.client.transact(() => edit(this.client)));
  }

  /** Sends what `act` changed in the client's copy, however it changed it (e.g. through an editor bound to it). */
  sendChangesOf(sender: Sender, act: () => void): Verdict {
    const before = Y.encodeStateVector(this.client);
    act();
    return this.receive(sender, Y.encodeStateAsUpdate(this.client, before));
  }

  receive(sender: Sender, update: Uint8Array): Verdict {
    const trial = this.shadow.try(update, this.room);
    if (trial === 'no-op') return { accepted: true, proposalIds: new Set() };
    const change = this.shadow.lastChange;
    if (trial !== 'changes' || !change) throw new Error(`The update could not be tried: ${trial}`);
    const verdict = checkUpdate(this.room, change, sender);
    if (verdict.accepted) {
      Y.applyUpdate(this.room, update);
    } else {
      this.shadow.rebuild(this.room);
      this.client.destroy();
      this.client = copyOf(this.room);
    }
    return verdict;
  }

  destroy(): void {
    this.shadow.destroy();
    this.client.destroy();
    this.room.destroy();
  }
}

/** The root fragment of a revision's document. */
export const fragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(DOCUMENT_FIELD);

/** The element at a path of child indexes from the root: `[1, 3]` is section A's third paragraph. */
export function elementAt(doc: Y.Doc, path: readonly number[]): Y.XmlElement {
  let node: Y.XmlFragment = fragment(doc);
  for (const index of path) {
    const child = node.get(index);
    if (!(child instanceof Y.XmlElement)) throw new Error(`Nothing at ${path.join('/')}`);
    node = child;
  }
  return node as Y.XmlElement;
}

/** The first Y.XmlText of the element at `path`. */
export function textAt(doc: Y.Doc, path: readonly number[]): Y.XmlText {
  const child = elementAt(doc, path).get(0);
  if (!(child instanceof Y.XmlText)) throw new Error(`No text at ${path.join('/')}`);
  return child;
}
