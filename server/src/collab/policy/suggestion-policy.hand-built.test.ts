import { performance } from 'node:perf_hooks';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type HandBuiltItem, handBuiltUpdate, type ItemContent } from './hand-built-update.ts';
import {
  attrsOf,
  chair,
  elementAt,
  fragment,
  japan,
  japanReplaces,
  markAttribute,
  marked,
  mexico,
  PolicyBench,
  textAt,
} from './revision-fixture.ts';
import { checkUpdate, type Verdict } from './suggestion-policy.ts';

/**
 * Updates no stock editor sends, written struct by struct or through corners of Yjs's API,
 * each aimed at a way the policy could read the document otherwise than the clients do.
 * See revision-fixture.ts for the revision: section A holds paragraph 1 (plain), 2 (agreed),
 * 3 (Japan replaces "grave" with "serious"), 4 (proposed whole by Japan), 5 (Mexico's
 * proposals); section B is closed.
 */

const P1 = [1, 1];
const P2_AGREED = [1, 2];
const P3_JAPAN_REPLACES = [1, 3];
const SECTION_A = [1];
const mexicoNew = attrsOf(mexico, 'prop-mexico-2');
/** A client id no one in the revision writes under. */
const STRANGER = 4242;

let bench: PolicyBench;
afterEach(() => bench?.destroy());

const refusedWith = (verdict: Verdict, reason: string | RegExp) => {
  expect(verdict.accepted, 'the update was accepted').toBe(false);
  if (!verdict.accepted) expect(verdict.reason).toMatch(reason);
};

/** The room's text as a stock client reads it (y-prosemirror's own reading). */
const asClientsRead = () => JSON.stringify(yXmlFragmentToProseMirrorRootNode(fragment(bench.room), documentSchema));

/** An object with an own property named "__proto__", as Yjs decodes one from an update. */
const withProtoKey = (value: unknown): Record<string, unknown> => JSON.parse(`{"__proto__":${JSON.stringify(value)}}`);

/** A paragraph with the attributes given, and words with the Y.Text attributes given. */
function paragraphElement(
  attributes: Record<string, unknown>,
  words = 'Urges States.',
  wordAttributes: object = marked('insertion', mexicoNew),
): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as never);
  const text = new Y.XmlText();
  text.insert(0, words, wordAttributes);
  element.insert(0, [text]);
  return element;
}

const proposed = (pid?: string | null) =>
  paragraphElement({ ...(pid === undefined ? {} : { pid }), kind: 'operative', status: 'open', insertion: mexicoNew });

describe('formatting under the name "__proto__", which clients read as marks of its value', () => {
  it("refuses Mexico's words shown to everyone as Japan's proposal", () => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    refusedWith(
      bench.send(mexico, (doc) =>
        textAt(doc, P1).format(0, 7, withProtoKey(marked('insertion', attrsOf(japan, 'prop-japan-1')))),
      ),
      /formatting the document does not know, "__proto__"/,
    );
    expect(asClientsRead()).toBe(before);
  });

  it('refuses a mark no client knows, which makes every stock client delete the words', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, P1).format(0, 7, withProtoKey({ script: { src: 'x' } }))),
      /formatting the document does not know, "__proto__"/,
    );
    expect(textAt(bench.room, P1).toString()).toBe('Decides to convene a meeting of experts in 2027.');
  });

  it('refuses "__proto__" among the settings of a paragraph or of a text', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => {
        const paragraph = proposed('p-new');
        paragraph.setAttribute('__proto__', { kind: 'preambular' } as never);
        elementAt(doc, SECTION_A).insert(1, [paragraph]);
      }),
      'a paragraph has no setting "__proto__"',
    );
    refusedWith(
      bench.send(mexico, (doc) => {
        const words = new Y.XmlText();
        words.setAttribute('__proto__', { lang: 'fr' } as never);
        words.insert(0, 'Urges States.', marked('insertion', mexicoNew));
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('pid', 'p-new');
        paragraph.setAttribute('insertion', mexicoNew as never);
        paragraph.insert(0, [words]);
        elementAt(doc, SECTION_A).insert(1, [paragraph]);
      }),
      /text settings/,
    );
  });
});

describe('content in a text that no client shows, but that counts in its length', () => {
  // y-prosemirror maps the editor's positions onto the text's length: anything hidden in it
  // moves every later edit of every client, so Japan's words would land inside other words.
  it.each([
    ['a value', new Y.ContentAny(['x', 'y', 'z'])],
    ['binary data', new Y.ContentBinary(new Uint8Array([1, 2, 3]))],
    ['JSON', new Y.ContentJSON([{ a: 1 }])],
    ['a subdocument', new Y.ContentDoc(new Y.Doc())],
  ])('refuses %s in the words of a paragraph', (_what, content) => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    const into = textAt(bench.room, P1)._item?.id ?? null;
    refusedWith(
      bench.receive(mexico, handBuiltUpdate([{ client: STRANGER, clock: 0, parent: into, content }])),
      'it puts something in the text that the document cannot show',
    );
    expect(asClientsRead()).toBe(before);
    expect(textAt(bench.room, P1).length).toBe('Decides to convene a meeting of experts in 2027.'.length);
  });
});

describe('content of every kind put straight into a paragraph, a section or the document', () => {
  const kinds: [string, () => ItemContent][] = [
    ['a value', () => new Y.ContentAny([1])],
    ['binary data', () => new Y.ContentBinary(new Uint8Array([1]))],
    ['JSON', () => new Y.ContentJSON([1])],
    ['a subdocument', () => new Y.ContentDoc(new Y.Doc())],
    ['an embed', () => new Y.ContentEmbed({ image: 'x' })],
    ['bare characters', () => new Y.ContentString('x')],
    ['a map', () => new Y.ContentType(new Y.Map())],
    ['a plain text type', () => new Y.ContentType(new Y.Text())],
    ['an XML hook', () => new Y.ContentType(new Y.XmlHook('paragraph'))],
  ];
  const places: [string, number[], string][] = [
    ['paragraph 1', P1, 'it puts something in the text that the document cannot show'],
    ['section A', SECTION_A, 'it puts text or data where only paragraphs and sections belong'],
    ['the document', [], 'it puts text or data where only paragraphs and sections belong'],
  ];
  it.each(
    places.flatMap(([where, path, reason]) =>
      kinds.map(([what, content]) => [what, where, path, reason, content] as const),
    ),
  )('refuses, even from the pen, %s in %s', (_what, _where, path, reason, content) => {
    bench = PolicyBench.negotiated();
    const parent = path.length > 0 ? (elementAt(bench.room, path)._item?.id ?? null) : 'document';
    refusedWith(
      bench.receive(chair, handBuiltUpdate([{ client: STRANGER, clock: 0, parent, content: content() }])),
      reason,
    );
  });

  it('takes formatting put among the parts, which no list of parts and no client shows', () => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    const format = new Y.ContentFormat('bold', {});
    const parent = elementAt(bench.room, SECTION_A)._item?.id ?? null;
    expect(
      bench.receive(mexico, handBuiltUpdate([{ client: STRANGER, clock: 0, parent, content: format }])).accepted,
    ).toBe(true);
    expect(asClientsRead()).toBe(before);
  });
});

describe('the cost of reading what an update writes', () => {
  it('refuses at once a formatting name long enough to keep the server busy for seconds', () => {
    bench = PolicyBench.negotiated();
    bench.client.transact(() => textAt(bench.client, P1).format(0, 3, { ['-'.repeat(40_000)]: {} }));
    const update = Y.encodeStateAsUpdate(bench.client, Y.encodeStateVector(bench.room));
    expect(bench.shadow.try(update, bench.room)).toBe('changes');
    const started = performance.now();
    const verdict = checkUpdate(bench.room, bench.shadow.lastChange as never, mexico);
    expect(performance.now() - started).toBeLessThan(500);
    refusedWith(verdict, /formatting the document does not know, "-{10,}/);
  });

  it('reads many marks on the same words in time proportional to their number', () => {
    bench = PolicyBench.negotiated();
    const marks: Record<string, unknown> = {};
    for (let i = 0; i < 12_000; i++)
      Object.assign(marks, marked('insertion', attrsOf(mexico, `prop-mexico-${1e6 + i}`)));
    bench.client.transact(() => textAt(bench.client, P1).insert(0, 'x', marks));
    const update = Y.encodeStateAsUpdate(bench.client, Y.encodeStateVector(bench.room));
    expect(bench.shadow.try(update, bench.room)).toBe('changes');
    const started = performance.now();
    const verdict = checkUpdate(bench.room, bench.shadow.lastChange as never, mexico);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(verdict.accepted).toBe(true);
  });
});

describe('parts nested in one another', () => {
  it('refuses, as a refusal and not a failure of the server, sections nested twenty thousand deep', () => {
    bench = PolicyBench.negotiated();
    const after = fragment(bench.room).toArray().at(-1)?._item?.id ?? null;
    const nested: HandBuiltItem[] = [];
    for (let clock = 0; clock < 20_000; clock++) {
      const section = new Y.ContentType(new Y.XmlElement('section'));
      nested.push(
        clock === 0
          ? { client: STRANGER, clock, origin: after, content: section }
          : { client: STRANGER, clock, parent: Y.createID(STRANGER, clock - 1), content: section },
      );
    }
    refusedWith(
      bench.receive(chair, handBuiltUpdate(nested)),
      'it breaks the structure of the document (in a section)',
    );
  });
});

describe('the identity of paragraphs and sections, which every stock client keeps present and unique', () => {
  // A client's paragraph-ids plugin gives a paragraph without an id, or the second of two
  // sharing one, a fresh id with its next edit. Writing that into a paragraph not one's own is
  // refused: every other delegation, and with a proposed paragraph the Chair, could edit no more.
  it.each([
    ['without an id', undefined],
    ['with an empty id', ''],
    ['with the id of paragraph 1', 'p-1'],
    ['with the id of section A', 's-a'],
  ])('refuses a paragraph proposed %s', (_what, pid) => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_A).insert(1, [proposed(pid)])),
      // An empty id is not an id at all: the schema refuses it before identities are compared.
      /it gives a paragraph (no identity|the identity of another part of the document)|a paragraph cannot have the settings/,
    );
  });

  it("refuses Mexico giving its proposed paragraph paragraph 1's id, and two new paragraphs one id", () => {
    bench = PolicyBench.negotiated();
    expect(bench.send(mexico, (doc) => elementAt(doc, SECTION_A).insert(6, [proposed('p-new')])).accepted).toBe(true);
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, [1, 6]).setAttribute('pid', 'p-1')),
      'it gives a paragraph the identity of another part of the document',
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_A).insert(1, [proposed('p-twin'), proposed('p-twin')])),
      'it gives a paragraph the identity of another part of the document',
    );
  });

  it('refuses the pen a paragraph or a section without an id of its own, and lets it move a paragraph', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(chair, (doc) =>
        elementAt(doc, SECTION_A).insert(1, [paragraphElement({ kind: 'operative' }, 'Plain words.', {})]),
      ),
      'it gives a paragraph no identity',
    );
    const section = (sid: string | null) => {
      const element = new Y.XmlElement('section');
      if (sid !== null) element.setAttribute('sid', sid);
      element.insert(0, [new Y.XmlElement('sectionHeading')]);
      return element;
    };
    refusedWith(
      bench.send(chair, (doc) => fragment(doc).insert(3, [section(null)])),
      'it gives a section no identity',
    );
    refusedWith(
      bench.send(chair, (doc) => fragment(doc).insert(3, [section('s-b')])),
      'it gives a section the identity of another part of the document',
    );
    expect(bench.send(chair, (doc) => fragment(doc).insert(3, [section('s-c')])).accepted).toBe(true);
    // Moved: written again elsewhere under its own id, the old one deleted.
    expect(
      bench.send(chair, (doc) => {
        const moved = elementAt(doc, P1).clone();
        elementAt(doc, SECTION_A).delete(1, 1);
        elementAt(doc, [2]).insert(1, [moved]);
      }).accepted,
    ).toBe(true);
    expect(elementAt(bench.room, [2, 1]).getAttribute('pid')).toBe('p-1');
  });
});

describe("tricks on the stripping of Mexico's own suggestions, each in one update", () => {
  const claim = (path: number[]) => (doc: Y.Doc) => elementAt(doc, path).setAttribute('insertion', mexicoNew as never);
  /** Deletes the part at `path` and writes a copy of it at `at` (by default, where it was). */
  const rewrite = (path: number[], at?: number) => (doc: Y.Doc) => {
    const parent = elementAt(doc, path.slice(0, -1));
    const index = path.at(-1) ?? 0;
    const copy = elementAt(doc, path).clone();
    parent.delete(index, 1);
    parent.insert(at ?? index, [copy]);
  };
  it.each([
    [
      'claim agreed paragraph 2 as its proposal and withdraw it',
      (doc: Y.Doc) => {
        claim(P2_AGREED)(doc);
        elementAt(doc, SECTION_A).delete(2, 1);
      },
      'paragraph 2 is agreed and takes no new proposals',
    ],
    [
      'claim paragraph 1 as its proposal and withdraw it',
      (doc: Y.Doc) => {
        claim(P1)(doc);
        elementAt(doc, SECTION_A).delete(1, 1);
      },
      "in section A, paragraphs can only be added or removed as Mexico's proposals",
    ],
    ['claim the title as its proposal', claim([0]), 'a title has no setting "insertion"'],
    ["claim section A's heading as its proposal", claim([1, 0]), 'a sectionHeading has no setting "insertion"'],
    [
      'mark words for deletion and delete them',
      (doc: Y.Doc) => {
        textAt(doc, P1).format(0, 8, marked('deletion', mexicoNew));
        textAt(doc, P1).delete(0, 8);
      },
      "in paragraph 1, the text can only change as Mexico's tracked proposal",
    ],
    [
      'mark words of the text as its insertion',
      (doc: Y.Doc) => textAt(doc, P1).format(0, 8, marked('insertion', mexicoNew)),
      "in paragraph 1, the text can only change as Mexico's tracked proposal",
    ],
    [
      "mark Japan's inserted word as its own insertion",
      (doc: Y.Doc) => textAt(doc, P3_JAPAN_REPLACES).format(15, 7, marked('insertion', mexicoNew)),
      "in paragraph 3, the text can only change as Mexico's tracked proposal",
    ],
    ['write agreed paragraph 2 again', rewrite(P2_AGREED), "a paragraph's status is set with the Chair's controls"],
    ['move paragraph 1 after paragraph 3', rewrite(P1, 3), 'paragraph 2 is agreed and takes no new proposals'],
  ])('refuses Mexico to %s', (_what, edit, reason) => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    refusedWith(bench.send(mexico, edit), reason);
    expect(asClientsRead()).toBe(before);
  });

  it.each([
    ['closed section B', rewrite([2])],
    ['paragraph 1', rewrite(P1)],
    ["Japan's proposed paragraph 4", rewrite([1, 4])],
  ])('takes %s deleted and written again the same, which changes nothing a reader sees', (_what, edit) => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    expect(bench.send(mexico, edit).accepted).toBe(true);
    expect(asClientsRead()).toBe(before);
  });
});

describe('attacks through the structs of an update, refused or without effect', () => {
  /** Every item of a type's list, deleted or not, formatting included. */
  const itemsOf = (type: Y.AbstractType<unknown>): Y.Item[] => {
    const items: Y.Item[] = [];
    for (let item = type._start; item; item = item.right) items.push(item);
    return items;
  };
  const deleteItem = (item: Y.Item) =>
    handBuiltUpdate([], [{ client: item.id.client, clock: item.id.clock, length: item.length }]);

  it.each([
    ['Mexico', mexico],
    ['the pen', chair],
  ])("refuses %s deleting, by id alone, any item of Japan's replacement, its marks' ends included", (_who, sender) => {
    bench = PolicyBench.negotiated();
    // "Expresses ", [deletion] "grave" [end] [insertion] "serious" [end], " concern at the illicit trade."
    const items = itemsOf(textAt(bench.room, P3_JAPAN_REPLACES) as Y.AbstractType<unknown>);
    for (const item of items.slice(1, -1)) {
      refusedWith(bench.receive(sender, deleteItem(item)), /only Japan can change Japan's proposal in paragraph 3/);
    }
  });

  it('refuses deleting the words, the text or the status of an agreed paragraph, by id alone', () => {
    bench = PolicyBench.negotiated();
    const agreed = elementAt(bench.room, P2_AGREED);
    const targets = [
      itemsOf(textAt(bench.room, P2_AGREED) as Y.AbstractType<unknown>)[0],
      textAt(bench.room, P2_AGREED)._item,
      agreed._map.get('status'),
    ];
    for (const target of targets) {
      if (!target) throw new Error('The agreed paragraph is not as the fixture writes it');
      refusedWith(bench.receive(mexico, deleteItem(target)), 'paragraph 2 is agreed and takes no new proposals');
    }
  });

  it("refuses the pen a formatting end dropped inside Japan's word, and Mexico a closed section opened by a value", () => {
    bench = PolicyBench.negotiated();
    const grave = itemsOf(textAt(bench.room, P3_JAPAN_REPLACES) as Y.AbstractType<unknown>)[2];
    if (!grave) throw new Error('No "grave"');
    const inside: HandBuiltItem = {
      client: STRANGER,
      clock: 0,
      origin: Y.createID(grave.id.client, grave.id.clock + 1),
      rightOrigin: Y.createID(grave.id.client, grave.id.clock + 2),
      // A null value ends the formatting: Yjs types the value as an object all the same.
      content: new Y.ContentFormat(markAttribute('deletion', japanReplaces), null as unknown as object),
    };
    refusedWith(bench.receive(chair, handBuiltUpdate([inside])), /only Japan can change Japan's proposal/);
    const closed = elementAt(bench.room, [2])._map.get('closed');
    if (!closed) throw new Error('Section B is not closed');
    refusedWith(
      bench.receive(
        mexico,
        handBuiltUpdate([{ client: STRANGER, clock: 0, origin: closed.lastId, content: new Y.ContentAny([]) }]),
      ),
      "a section is opened or closed with the Chair's controls, not by editing the text",
    );
  });

  it('refuses content in a root other than the text, and text directly in the document', () => {
    bench = PolicyBench.negotiated();
    const root = (parent: string, content: ItemContent, parentSub: string | null = null) =>
      handBuiltUpdate([{ client: STRANGER, clock: 0, parent, parentSub, content }]);
    refusedWith(bench.receive(mexico, root('proposals', new Y.ContentAny([{}]), 'prop-x')), /only the text/);
    refusedWith(bench.receive(mexico, root('notes', new Y.ContentString('x'))), /only the text/);
    refusedWith(bench.receive(mexico, root('document', new Y.ContentString('x'))), /only paragraphs and sections/);
    refusedWith(bench.receive(mexico, root('document', new Y.ContentAny([1]), 'lang')), /only the text/);
  });

  it('changes nothing with an item whose parent is a word of an agreed paragraph, not a type', () => {
    bench = PolicyBench.negotiated();
    const before = asClientsRead();
    const word = itemsOf(textAt(bench.room, P2_AGREED) as Y.AbstractType<unknown>)[0];
    const verdict = bench.receive(
      mexico,
      handBuiltUpdate([{ client: STRANGER, clock: 0, parent: word?.id ?? null, content: new Y.ContentString('x') }]),
    );
    expect(verdict.accepted).toBe(true);
    expect(asClientsRead()).toBe(before);
  });
});
