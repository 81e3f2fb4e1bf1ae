import { PROPOSALS_FIELD } from '@zerodraft/shared/proposals/record.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
  mexicoAccepted,
  mexicoColleague,
  mexicoEarlier,
  PolicyBench,
  textAt,
} from './revision-fixture.ts';
import type { Verdict } from './suggestion-policy.ts';

// Where things are in `negotiatedDraft`: [section, child]; child 0 is the section's heading.
const P1 = [1, 1];
const P2_AGREED = [1, 2];
const P3_JAPAN_REPLACES = [1, 3];
const P4_JAPAN_PROPOSES = [1, 4];
const P5_MEXICO_PROPOSES = [1, 5];
const SECTION_A = [1];
const SECTION_B_CLOSED = [2];
const P6_CLOSED = [2, 1];

const mexicoNew = attrsOf(mexico, 'prop-mexico-2');

let bench: PolicyBench;
afterEach(() => bench?.destroy());

const accepted = (verdict: Verdict) => {
  expect(verdict).toMatchObject({ accepted: true });
  return verdict.accepted ? [...verdict.proposalIds] : [];
};
const refusedWith = (verdict: Verdict, reason: string | RegExp) => {
  expect(verdict.accepted, 'the update was accepted').toBe(false);
  if (!verdict.accepted) expect(verdict.reason).toMatch(reason);
};

/** The paragraph's text as the room holds it, with each suggestion's words bracketed by its proposal id. */
function roomText(path: number[]): string {
  return elementAt(bench.room, path)
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? (child.toDelta() as { insert: string; attributes?: object }[]) : [],
    )
    .map(({ insert, attributes }) => {
      const ids = Object.values(attributes ?? {})
        .map((a) => (a as { id?: string }).id ?? '')
        .sort();
      return ids.length ? `[${ids.join('+')}:${insert}]` : insert;
    })
    .join('');
}

/** A paragraph element proposed whole: `attrs` on the paragraph and on its words. */
function proposedParagraph(words: string, attrs = mexicoNew, pid = 'p-new'): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('pid', pid);
  element.setAttribute('kind', 'operative');
  element.setAttribute('status', 'open');
  element.setAttribute('insertion', attrs as never);
  const words_ = new Y.XmlText();
  words_.insert(0, words, marked('insertion', attrs));
  element.insert(0, [words_]);
  return element;
}

describe('a delegation proposing (propose mode): its own suggestions, and nothing else, may change', () => {
  it("accepts Mexico's insertion in an open paragraph and names the proposal", () => {
    bench = PolicyBench.negotiated();
    const ids = accepted(
      bench.send(mexico, (doc) => textAt(doc, P1).insert(8, 'urgently ', marked('insertion', mexicoNew))),
    );
    expect(ids).toEqual(['prop-mexico-2']);
    expect(roomText(P1)).toBe('Decides [prop-mexico-2:urgently ]to convene a meeting of experts in 2027.');
  });

  it('accepts a deletion mark, also on words Japan proposes to delete, and a replacement as one proposal', () => {
    bench = PolicyBench.negotiated();
    accepted(
      bench.send(mexico, (doc) => {
        const words = textAt(doc, P3_JAPAN_REPLACES);
        words.format(10, 5, marked('deletion', mexicoNew));
        // "concern" replaced by "anxiety".
        words.format(23, 7, marked('deletion', attrsOf(mexico, 'prop-mexico-3')));
        words.insert(30, 'anxiety', marked('insertion', attrsOf(mexico, 'prop-mexico-3')));
      }),
    );
    expect(roomText(P3_JAPAN_REPLACES)).toBe(
      'Expresses [prop-japan-1+prop-mexico-2:grave][prop-japan-1:serious] [prop-mexico-3:concern][prop-mexico-3:anxiety] at the illicit trade.',
    );
  });

  it('lets Mexico take back part of its insertion and lift its deletion mark', () => {
    bench = PolicyBench.negotiated();
    // "Encourages all States strongly to report.": "all " is Mexico's insertion, "strongly " its deletion.
    accepted(
      bench.send(mexico, (doc) => {
        const words = textAt(doc, P5_MEXICO_PROPOSES);
        words.delete(11, 2);
        words.format(20, 9, { [markAttribute('deletion', mexicoEarlier)]: null });
      }),
    );
    expect(roomText(P5_MEXICO_PROPOSES)).toBe('Encourages [prop-mexico-1:l ]States strongly to report.');
  });

  it("lets a colleague of the same delegation edit Mexico's proposal, in their own name", () => {
    bench = PolicyBench.negotiated();
    const ids = accepted(
      bench.send(mexicoColleague, (doc) => {
        const words = textAt(doc, P5_MEXICO_PROPOSES);
        words.delete(11, 4);
        words.insert(11, 'most ', marked('insertion', attrsOf(mexicoColleague, 'prop-mexico-1')));
      }),
    );
    expect(ids).toEqual(['prop-mexico-1']);
    refusedWith(
      bench.send(mexicoColleague, (doc) =>
        textAt(doc, P5_MEXICO_PROPOSES).insert(0, 'Again ', marked('insertion', mexicoEarlier)),
      ),
      'a proposal must be made in your own name',
    );
  });

  it('accepts a paragraph proposed whole, and its withdrawal', () => {
    bench = PolicyBench.negotiated();
    expect(
      accepted(bench.send(mexico, (doc) => elementAt(doc, SECTION_A).insert(3, [proposedParagraph('Urges States.')]))),
    ).toEqual(['prop-mexico-2']);
    expect(roomText([1, 3])).toBe('[prop-mexico-2:Urges States.]');
    accepted(bench.send(mexico, (doc) => elementAt(doc, SECTION_A).delete(3, 1)));
    expect(roomText([1, 3])).toBe('Expresses [prop-japan-1:grave][prop-japan-1:serious] concern at the illicit trade.');
  });

  it("accepts a new paragraph after an agreed one, and Mexico's words amid Japan's proposed words", () => {
    bench = PolicyBench.negotiated();
    accepted(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_A).insert(3, [proposedParagraph('After the agreed one.')])),
    );
    accepted(
      bench.send(mexico, (doc) =>
        textAt(doc, [1, 5]).insert(11, 'all ', marked('insertion', attrsOf(mexico, 'prop-mexico-3'))),
      ),
    );
    expect(roomText([1, 5])).toBe(
      '[prop-japan-2:Calls upon ][prop-mexico-3:all ][prop-japan-2:States to mark weapons.]',
    );
  });

  it('refuses words typed or deleted without a tracked proposal', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, P1).insert(8, 'urgently ')),
      "in paragraph 1, the text can only change as Mexico's tracked proposal",
    );
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, P1).delete(0, 8)),
      /tracked proposal/,
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, P1).setAttribute('kind', 'preambular')),
      /tracked proposal/,
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_A).delete(1, 1)),
      "in section A, paragraphs can only be added or removed as Mexico's proposals",
    );
    expect(roomText(P1)).toBe('Decides to convene a meeting of experts in 2027.');
  });

  it('refuses any change to an agreed paragraph or in a closed section, and says which', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, P2_AGREED).insert(0, 'Strongly ', marked('insertion', mexicoNew))),
      'paragraph 2 is agreed and takes no new proposals',
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_A).delete(2, 1)),
      'paragraph 2 is agreed and takes no new proposals',
    );
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, P6_CLOSED).format(0, 8, marked('deletion', mexicoNew))),
      'section B is closed for proposals',
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_B_CLOSED).insert(3, [proposedParagraph('Late words.')])),
      'section B is closed for proposals',
    );
    refusedWith(
      bench.send(mexico, (doc) => textAt(doc, [2, 0]).insert(0, 'New ', marked('insertion', mexicoNew))),
      'section B is closed for proposals',
    );
  });

  it("refuses a change of a paragraph's status or a section's closing, which are the Chair's acts", () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, P2_AGREED).setAttribute('status', 'open')),
      /paragraph 2 is agreed/,
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, P1).setAttribute('status', 'agreed')),
      "a paragraph's status is set with the Chair's controls, not by editing the text",
    );
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, SECTION_B_CLOSED).setAttribute('closed', false as never)),
      "a section is opened or closed with the Chair's controls, not by editing the text",
    );
    refusedWith(
      bench.send(mexico, (doc) => {
        const late = proposedParagraph('Agreed by itself.');
        late.setAttribute('status', 'agreed');
        elementAt(doc, SECTION_A).insert(3, [late]);
      }),
      "a paragraph's status is set with the Chair's controls",
    );
  });

  it('keeps even the pen from setting a status or closing a section by editing, so each is an audited act', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(chair, (doc) => elementAt(doc, P1).setAttribute('status', 'agreed')),
      "a paragraph's status is set with the Chair's controls, not by editing the text",
    );
    refusedWith(
      bench.send(chair, (doc) => elementAt(doc, SECTION_B_CLOSED).setAttribute('closed', false as never)),
      "a section is opened or closed with the Chair's controls, not by editing the text",
    );
    accepted(bench.send(chair, (doc) => textAt(doc, P1).insert(0, 'Also ', {})));
  });

  it('refuses claiming an existing paragraph as a proposal, which would let Mexico delete it', () => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(mexico, (doc) => elementAt(doc, P1).setAttribute('insertion', mexicoNew as never)),
      'paragraph 1 cannot be turned into a proposed paragraph or back by editing',
    );
  });

  it('refuses suggestions in the name of another delegation or user, or under a proposal that is not open', () => {
    bench = PolicyBench.negotiated();
    const inP1 = (attrs: typeof mexicoNew) => (doc: Y.Doc) =>
      textAt(doc, P1).insert(0, 'Also ', marked('insertion', attrs));
    refusedWith(bench.send(mexico, inP1(attrsOf(japan, 'prop-japan-9'))), 'a proposal must be made in your own name');
    refusedWith(bench.send(mexico, inP1(attrsOf(mexicoColleague, 'prop-mexico-9'))), 'in your own name');
    refusedWith(
      bench.send(mexico, inP1({ ...mexicoNew, id: japanReplaces.id })),
      "that proposal is Japan's; make a proposal of your own",
    );
    refusedWith(
      bench.send(mexico, inP1({ ...mexicoNew, id: mexicoAccepted.id })),
      'that proposal has been accepted; make a new proposal',
    );
    refusedWith(
      bench.send(mexico, (doc) =>
        elementAt(doc, SECTION_A).insert(3, [proposedParagraph('Words.', attrsOf(japan, 'prop-japan-9'))]),
      ),
      'in your own name',
    );
  });
});

describe("another delegation's pending proposal: nobody changes it, not even the pen", () => {
  it('lets the pen edit the text around it', () => {
    bench = PolicyBench.negotiated();
    accepted(
      bench.send(chair, (doc) => {
        const words = textAt(doc, P3_JAPAN_REPLACES);
        words.delete(0, 10);
        words.insert(0, 'Notes with ');
        words.insert(23, ' deep', {});
      }),
    );
    expect(roomText(P3_JAPAN_REPLACES)).toBe(
      'Notes with [prop-japan-1:grave][prop-japan-1:serious] deep concern at the illicit trade.',
    );
    accepted(bench.send(chair, (doc) => textAt(doc, P1).insert(0, 'Also ', {})));
  });

  it.each([
    ['delete a word Japan inserted', (doc: Y.Doc) => textAt(doc, P3_JAPAN_REPLACES).delete(16, 3)],
    ['delete the words Japan proposes to delete', (doc: Y.Doc) => textAt(doc, P3_JAPAN_REPLACES).delete(10, 5)],
    [
      "lift Japan's deletion mark",
      (doc: Y.Doc) =>
        textAt(doc, P3_JAPAN_REPLACES).format(10, 5, { [markAttribute('deletion', japanReplaces)]: null }),
    ],
    ["type inside Japan's inserted word", (doc: Y.Doc) => textAt(doc, P3_JAPAN_REPLACES).insert(17, 'x', {})],
    [
      "extend Japan's mark over other words",
      (doc: Y.Doc) => textAt(doc, P3_JAPAN_REPLACES).format(22, 8, marked('insertion', japanReplaces)),
    ],
    [
      "re-attribute Japan's insertion to Mexico",
      (doc: Y.Doc) =>
        textAt(doc, P3_JAPAN_REPLACES).format(15, 7, {
          [markAttribute('insertion', japanReplaces)]: null,
          ...marked('insertion', attrsOf(chair, 'prop-kenya-1')),
        }),
    ],
    [
      "change Japan's proposed paragraph's kind",
      (doc: Y.Doc) => elementAt(doc, P4_JAPAN_PROPOSES).setAttribute('kind', 'preambular'),
    ],
    ["delete Japan's proposed paragraph", (doc: Y.Doc) => elementAt(doc, SECTION_A).delete(4, 1)],
    ["delete the paragraph with Japan's replacement", (doc: Y.Doc) => elementAt(doc, SECTION_A).delete(3, 1)],
    ['delete the whole section', (doc: Y.Doc) => fragment(doc).delete(1, 1)],
  ])('refuses the pen to %s', (_what, edit) => {
    bench = PolicyBench.negotiated();
    refusedWith(
      bench.send(chair, edit),
      /only Japan can change Japan's proposal in (paragraph [34]|section A|the document)/,
    );
  });

  it("accepts a paragraph holding Japan's proposal deleted and written again the same, as y-prosemirror may", () => {
    bench = PolicyBench.negotiated();
    accepted(
      bench.send(chair, (doc) => {
        const section = elementAt(doc, SECTION_A);
        const again = (section.get(3) as Y.XmlElement).clone();
        section.delete(3, 1);
        section.insert(3, [again]);
        const added = new Y.XmlElement('paragraph');
        // A stock client gives every paragraph an id of its own (identities.ts).
        added.setAttribute('pid', 'p-new');
        section.insert(1, [added]);
      }),
    );
    expect(roomText([1, 4])).toBe('Expresses [prop-japan-1:grave][prop-japan-1:serious] concern at the illicit trade.');
  });

  it('no longer holds a proposal that was decided, should its marks remain', () => {
    bench = PolicyBench.negotiated();
    bench.room.getMap(PROPOSALS_FIELD).set(japanReplaces.id, {
      ...(bench.room.getMap(PROPOSALS_FIELD).get(japanReplaces.id) as object),
      status: 'rejected',
    });
    bench.shadow.rebuild(bench.room);
    Y.applyUpdate(bench.client, Y.encodeStateAsUpdate(bench.room));
    accepted(bench.send(chair, (doc) => textAt(doc, P3_JAPAN_REPLACES).delete(15, 7)));
  });
});

describe('what the document can show: a stock client must be able to read every update', () => {
  it.each([
    [
      'formatting it does not know',
      (doc: Y.Doc) => textAt(doc, P1).format(0, 7, { comment: {} }),
      /does not know, "comment"/,
    ],
    [
      'a proposal with a field it does not know',
      (doc: Y.Doc) =>
        textAt(doc, P1).insert(0, 'X', { [markAttribute('insertion', mexicoNew)]: { ...mexicoNew, colour: 'red' } }),
      'a proposal must name its id, delegation, user and time, and nothing else',
    ],
    [
      'a proposal without a user',
      (doc: Y.Doc) =>
        textAt(doc, P1).insert(0, 'X', {
          'insertion--AAAAAAAA': { id: 'prop-mexico-2', delegation: 'd-mex', time: 't' },
        }),
      /must name its id, delegation, user and time/,
    ],
    [
      'bold given as true',
      (doc: Y.Doc) => textAt(doc, P1).format(0, 7, { bold: true }),
      /settings the document does not know/,
    ],
    [
      'a part it does not know',
      (doc: Y.Doc) => elementAt(doc, SECTION_A).insert(1, [new Y.XmlElement('image')]),
      /a part the document does not know, "image"/,
    ],
    [
      'a paragraph setting it does not know',
      (doc: Y.Doc) => elementAt(doc, P1).setAttribute('onclick', 'x'),
      /a paragraph has no setting "onclick"/,
    ],
    [
      'a status it does not know',
      (doc: Y.Doc) => elementAt(doc, P1).setAttribute('status', 'done'),
      /cannot have the settings/,
    ],
    ['an object embedded in text', (doc: Y.Doc) => textAt(doc, P1).insertEmbed(0, { image: 'x' }), /embeds an object/],
    ['settings on a text', (doc: Y.Doc) => textAt(doc, P1).setAttribute('lang', 'fr'), /text settings/],
    [
      'text between paragraphs',
      (doc: Y.Doc) => elementAt(doc, SECTION_A).insert(1, [new Y.XmlText('loose')]),
      /only paragraphs and sections/,
    ],
    [
      'a paragraph inside a paragraph',
      (doc: Y.Doc) => elementAt(doc, P1).insert(1, [new Y.XmlElement('paragraph')]),
      /structure of the document/,
    ],
    [
      'a section without its heading',
      (doc: Y.Doc) => elementAt(doc, SECTION_A).delete(0, 1),
      /structure of the document/,
    ],
    [
      'a record in the proposals map',
      (doc: Y.Doc) => doc.getMap(PROPOSALS_FIELD).set('prop-x', {}),
      /only the text of the document/,
    ],
    ['a root of its own', (doc: Y.Doc) => doc.getArray('notes').insert(0, ['x']), /only the text of the document/],
  ])('refuses, even from the pen, %s', (_what, edit, reason) => {
    bench = PolicyBench.negotiated();
    refusedWith(bench.send(chair, edit), reason);
  });

  it('reads a mark by what it is, not by the name of the Y.Text attribute it is stored under', () => {
    bench = PolicyBench.negotiated();
    // The same deletion of Mexico's, under another hash: nothing changes once Mexico's marks are stripped.
    accepted(
      bench.send(mexico, (doc) => {
        const words = textAt(doc, P5_MEXICO_PROPOSES);
        words.format(22, 9, { [markAttribute('deletion', mexicoEarlier)]: null, 'deletion--ZZZZZZZZ': mexicoEarlier });
      }),
    );
    // Japan's insertion under another attribute name is still Japan's insertion, untouched.
    accepted(
      bench.send(chair, (doc) =>
        textAt(doc, P3_JAPAN_REPLACES).format(15, 7, {
          [markAttribute('insertion', japanReplaces)]: null,
          insertion: japanReplaces,
        }),
      ),
    );
  });

  it('accepts what y-prosemirror writes when a paragraph is first edited: its default settings, a new text', () => {
    bench = PolicyBench.negotiated();
    accepted(
      bench.send(mexico, (doc) => {
        const empty = proposedParagraph('');
        elementAt(doc, SECTION_A).insert(1, [empty]);
      }),
    );
    accepted(
      bench.send(mexico, (doc) => {
        const proposed = elementAt(doc, [1, 1]);
        proposed.delete(0, 1);
        const words = new Y.XmlText();
        words.insert(0, 'Typed later.', marked('insertion', mexicoNew));
        proposed.insert(0, [words]);
      }),
    );
    expect(roomText([1, 1])).toBe('[prop-mexico-2:Typed later.]');
  });
});
