import type { Editor, JSONContent } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPlugin, ySyncPluginKey, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import { createTestEditor, cursorIn, paragraphWithText, pressKey } from '@zerodraft/shared/schema/test-editor.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  attrsOf,
  chair,
  elementAt,
  fragment,
  mexico,
  negotiatedRecords,
  PolicyBench,
  revisionDoc,
  section,
  text,
} from './revision-fixture.ts';
import type { Verdict } from './suggestion-policy.ts';

/**
 * What a stock editor writes through y-prosemirror's binding (@tiptap/y-tiptap's ySyncPlugin)
 * for a legal suggestion passes; what it writes for an illegal one does not. Suggest mode is
 * played here by giving the words the marks a suggest mode gives them.
 */

/**
 * A headless editor bound to the client's Y.Doc. Without a DOM TipTap makes no view, so the
 * binding's plugin view is started on a stand-in with what it reads of a view.
 */
function boundEditor(doc: Y.Doc): Editor {
  const type = fragment(doc);
  const editor = createTestEditor(yXmlFragmentToProsemirrorJSON(type) as JSONContent, [ySyncPlugin(type)]);
  const view = {
    get state() {
      return editor.state;
    },
    dispatch: (tr: Parameters<EditorView['dispatch']>[0]) => editor.view.dispatch(tr),
    hasFocus: () => false,
    editable: true,
  } as unknown as EditorView;
  const binding = ySyncPluginKey.get(editor.state)?.spec.view?.(view);
  let previous = editor.state;
  editor.on('transaction', () => {
    const before = previous;
    previous = editor.state;
    binding?.update?.(view, before);
  });
  editor.on('destroy', () => binding?.destroy?.());
  return editor;
}

const own = attrsOf(mexico, 'prop-mexico-2');
const insertion = (attrs: SuggestionAttrs) => ({ type: 'insertion', attrs });

let bench: PolicyBench;
let editor: Editor;
afterEach(() => {
  editor?.destroy();
  bench?.destroy();
});

function open(room = PolicyBench.negotiated()): void {
  bench = room;
  editor = boundEditor(bench.client);
}

/** Where the words of the paragraph reading `words` start, plus `offset`. */
const at = (words: string, offset = 0) => paragraphWithText(editor.state.doc, words).pos + 1 + offset;

const P1 = 'Decides to convene a meeting of experts in 2027.';
const P2_AGREED = 'Reaffirms the Programme of Action.';
const P3 = 'Expresses graveserious concern at the illicit trade.';

/** The words of the room's paragraph at `path`, each suggestion's words in brackets with its kind. */
function roomWords(path: number[]): string {
  return elementAt(bench.room, path)
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? (child.toDelta() as { insert: string; attributes?: object }[]) : [],
    )
    .map(({ insert, attributes }) => {
      const kinds = Object.keys(attributes ?? {})
        .map((key) => key.replace(/--.*/, ''))
        .sort();
      return kinds.length ? `[${kinds.join('+')}:${insert}]` : insert;
    })
    .join('');
}

const expectAccepted = (verdict: Verdict) =>
  expect(verdict.accepted ? verdict : verdict.reason).toMatchObject({ accepted: true });
const expectRefused = (verdict: Verdict, reason: string) => expect(verdict).toEqual({ accepted: false, reason });

describe('suggestions made in a stock editor bound to Yjs', () => {
  it('accepts a proposed insertion, deletion and replacement typed in the editor', () => {
    open();
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(at(P1, 8), { type: 'text', text: 'urgently ', marks: [insertion(own)] }),
      ),
    );
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor
          .chain()
          .setTextSelection({ from: at(P3, 10), to: at(P3, 15) })
          .setMark('deletion', own)
          .run(),
      ),
    );
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor
          .chain()
          .setTextSelection({ from: at(P3, 23), to: at(P3, 30) })
          .setMark('deletion', own)
          .insertContentAt(at(P3, 30), { type: 'text', text: 'anxiety', marks: [insertion(own)] })
          .run(),
      ),
    );
    expect(roomWords([1, 1])).toBe('Decides [insertion:urgently ]to convene a meeting of experts in 2027.');
    expect(roomWords([1, 3])).toBe(
      'Expresses [deletion+deletion:grave][insertion:serious] [deletion:concern][insertion:anxiety] at the illicit trade.',
    );
  });

  it('accepts a paragraph proposed whole, an empty one typed into later, and the split of a proposed paragraph', () => {
    open();
    const end = at(P1) + P1.length + 1;
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(end, {
          type: 'paragraph',
          attrs: { kind: 'operative', insertion: own },
          content: [{ type: 'text', text: 'Urges States to trace ammunition.', marks: [insertion(own)] }],
        }),
      ),
    );
    const proposed = elementAt(bench.room, [1, 2]);
    expect(proposed.getAttribute('insertion')).toEqual(own);
    expect(proposed.getAttribute('pid')).toEqual(expect.any(String));

    cursorIn(editor, 'Urges States to trace ammunition.', 12);
    expectAccepted(bench.sendChangesOf(mexico, () => pressKey(editor, 'Enter')));
    expect(roomWords([1, 2])).toBe('[insertion:Urges States]');
    expect(roomWords([1, 3])).toBe('[insertion: to trace ammunition.]');
    expect(elementAt(bench.room, [1, 3]).getAttribute('insertion')).toEqual(own);

    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(end, { type: 'paragraph', attrs: { kind: 'operative', insertion: own } }),
      ),
    );
    expect(elementAt(bench.room, [1, 2]).length).toBe(0);
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(end + 1, { type: 'text', text: 'Typed later.', marks: [insertion(own)] }),
      ),
    );
    expect(roomWords([1, 2])).toBe('[insertion:Typed later.]');
  });

  it('refuses words typed without a proposal, and a proposal in an agreed paragraph, and says why', () => {
    open();
    expectRefused(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(at(P1, 8), { type: 'text', text: 'urgently ' }),
      ),
      "in paragraph 1, the text can only change as Mexico's tracked proposal",
    );
    editor.destroy();
    editor = boundEditor(bench.client);
    expectRefused(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(at(P2_AGREED), { type: 'text', text: 'Strongly ', marks: [insertion(own)] }),
      ),
      'paragraph 2 is agreed and takes no new proposals',
    );
  });

  it("lets the pen write beside Japan's proposal but not across it", () => {
    open();
    expectAccepted(
      bench.sendChangesOf(chair, () => editor.commands.insertContentAt(at(P3, 10), { type: 'text', text: 'very ' })),
    );
    expect(roomWords([1, 3])).toBe('Expresses very [deletion:grave][insertion:serious] concern at the illicit trade.');
    expectRefused(
      bench.sendChangesOf(chair, () =>
        editor.commands.deleteRange({
          from: at('Expresses very graveserious concern at the illicit trade.', 18),
          to: at('Expresses very graveserious concern at the illicit trade.', 30),
        }),
      ),
      "only Japan can change Japan's proposal in paragraph 3",
    );
  });

  it('accepts the first edit of a paragraph stored without its kind and status, which the binding then writes', () => {
    const room = revisionDoc(
      {
        type: 'doc',
        content: [{ type: 'title', content: [text('Draft')] }, section('s-a', 'A. General', false)],
      },
      negotiatedRecords(),
    );
    const bare = new Y.XmlElement('paragraph');
    bare.setAttribute('pid', 'p-bare');
    bare.insert(0, [new Y.XmlText('Notes the report.')]);
    (fragment(room).get(1) as Y.XmlElement).insert(1, [bare]);
    open(new PolicyBench(room));
    expectAccepted(
      bench.sendChangesOf(mexico, () =>
        editor.commands.insertContentAt(at('Notes the report.', 6), {
          type: 'text',
          text: 'annual ',
          marks: [insertion(own)],
        }),
      ),
    );
    expect(elementAt(bench.room, [1, 1]).getAttribute('status')).toBe('open');
    expect(roomWords([1, 1])).toBe('Notes [insertion:annual ]the report.');
  });
});
