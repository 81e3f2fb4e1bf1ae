import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { proposalsInText } from '@zerodraft/shared/proposals/in-text.ts';
import { PROPOSALS_FIELD } from '@zerodraft/shared/proposals/record.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  attrsOf,
  chair,
  fragment,
  japan,
  japanReplaces,
  marked,
  mexico,
  mexicoAccepted,
  mexicoColleague,
  PolicyBench,
} from './revision-fixture.ts';
import type { Sender } from './suggestion-policy.ts';

/**
 * Random sequences of edits made directly on a client's Y types, as a client that does not
 * play by the rules could make them: every legal one is accepted, every illegal one refused
 * and leaves the room's text as it was, and after every accepted update an oracle of its own
 * holds: the whole documents, read as ProseMirror reads them, are the same once the sender's
 * suggestions are stripped; agreed paragraphs and closed sections are untouched; and every
 * other delegation's proposal reads as it did.
 */

// ——— The oracle: whole documents, at the ProseMirror level, written apart from the policy. ———

const proseMirror = (doc: Y.Doc): ProseMirrorNode => yXmlFragmentToProseMirrorRootNode(fragment(doc), documentSchema);

function stripJSON(node: JSONContent, delegation: string): JSONContent | null {
  const insertion = node.attrs?.insertion as SuggestionAttrs | null | undefined;
  if (node.type === 'paragraph' && insertion?.delegation === delegation) return null;
  if (node.type === 'text') {
    const marks = node.marks ?? [];
    if (marks.some((m) => m.type === 'insertion' && m.attrs?.delegation === delegation)) return null;
    const kept = marks.filter((m) => !(m.type === 'deletion' && m.attrs?.delegation === delegation));
    return { ...node, marks: kept };
  }
  if (!node.content) return node;
  return {
    ...node,
    content: node.content.flatMap((child) => stripJSON(child, delegation) ?? []),
  };
}

/** The document without the delegation's suggestions; ProseMirror merges the text left adjacent. */
const stripped = (doc: ProseMirrorNode, delegation: string): ProseMirrorNode =>
  documentSchema.nodeFromJSON(stripJSON(doc.toJSON() as JSONContent, delegation));

/** Agreed paragraphs and closed sections, whole, by id. */
function closedParts(doc: ProseMirrorNode): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  doc.descendants((node) => {
    if (node.type.name === 'section' && node.attrs.closed) parts[String(node.attrs.sid)] = node.toJSON();
    if (node.type.name === 'paragraph' && node.attrs.status === 'agreed') parts[String(node.attrs.pid)] = node.toJSON();
    return true;
  });
  return parts;
}

/** Every other delegation's proposal as the text shows it, without where it starts. */
const othersProposals = (doc: ProseMirrorNode, delegation: string) =>
  proposalsInText(doc)
    .filter((p) => p.delegation !== delegation)
    .map(({ from: _from, ...proposal }) => proposal);

function expectOracle(before: ProseMirrorNode, after: ProseMirrorNode, sender: Sender): void {
  if (sender.mode === 'propose') {
    expect(stripped(after, sender.delegationId).toJSON()).toEqual(stripped(before, sender.delegationId).toJSON());
    expect(closedParts(after)).toEqual(closedParts(before));
  }
  expect(othersProposals(after, sender.delegationId)).toEqual(othersProposals(before, sender.delegationId));
}

// ——— Finding things in a client's copy, to aim random edits at. ———

interface BlockAt {
  element: Y.XmlElement;
  closed: boolean;
  agreed: boolean;
  /** The delegation that proposes the paragraph whole, if any. */
  proposedBy: string | null;
}

function blocks(doc: Y.Doc): BlockAt[] {
  const found: BlockAt[] = [];
  for (const node of fragment(doc).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (node.nodeName !== 'section') {
      found.push({ element: node, closed: false, agreed: false, proposedBy: null });
      continue;
    }
    const closed = node.getAttribute('closed') === (true as never);
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const insertion = child.getAttribute('insertion') as unknown as SuggestionAttrs | undefined;
      found.push({
        element: child,
        closed,
        agreed: child.getAttribute('status') === 'agreed',
        proposedBy: insertion?.delegation ?? null,
      });
    }
  }
  return found;
}

const open = (block: BlockAt) => !block.closed && !block.agreed;

interface RunAt {
  text: Y.XmlText;
  block: BlockAt;
  start: number;
  length: number;
  attributes: Record<string, SuggestionAttrs>;
}

function runs(doc: Y.Doc): RunAt[] {
  const found: RunAt[] = [];
  for (const block of blocks(doc)) {
    for (const child of block.element.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      let start = 0;
      for (const op of child.toDelta() as { insert: string; attributes?: Record<string, SuggestionAttrs> }[]) {
        found.push({ text: child, block, start, length: op.insert.length, attributes: op.attributes ?? {} });
        start += op.insert.length;
      }
    }
  }
  return found;
}

const suggestionKeys = (run: RunAt, kind: 'insertion' | 'deletion', delegation: string) =>
  Object.entries(run.attributes)
    .filter(([key, attrs]) => key.startsWith(kind) && attrs.delegation === delegation)
    .map(([key]) => key);

const has = (run: RunAt, kind: 'insertion' | 'deletion', delegation: string) =>
  suggestionKeys(run, kind, delegation).length > 0;

const textOf = (block: BlockAt): Y.XmlText => {
  const existing = block.element.toArray().find((child) => child instanceof Y.XmlText);
  if (existing instanceof Y.XmlText) return existing;
  const created = new Y.XmlText();
  block.element.insert(block.element.length, [created]);
  return created;
};

const pick = <T>(candidates: readonly T[], n: number): T | undefined => candidates[n % Math.max(candidates.length, 1)];

/** A stretch of the run: [start, length], at least one character. */
const within = (run: RunAt, at: number, length: number): [number, number] => {
  const offset = at % run.length;
  return [run.start + offset, 1 + (length % (run.length - offset))];
};

function proposedParagraph(words: string, attrs: SuggestionAttrs, pid: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('pid', pid);
  element.setAttribute('kind', 'operative');
  element.setAttribute('status', 'open');
  element.setAttribute('insertion', attrs as never);
  const text = new Y.XmlText();
  text.insert(0, words, marked('insertion', attrs));
  element.insert(0, [text]);
  return element;
}

const sectionA = (doc: Y.Doc) => fragment(doc).get(1) as Y.XmlElement;
const sectionB = (doc: Y.Doc) => fragment(doc).get(2) as Y.XmlElement;

// ——— The edits. ———

interface Aim {
  pick: number;
  at: number;
  length: number;
  word: string;
  proposal: number;
  colleague: boolean;
}

const aim = fc.record({
  pick: fc.nat(1000),
  at: fc.nat(1000),
  length: fc.nat(50),
  word: fc.constantFrom('all ', 'urgently ', 'States', ', inter alia,', 'é', ' '),
  proposal: fc.nat(2),
  colleague: fc.boolean(),
});

/** An edit on the client's copy, or null when there is nothing to aim it at. */
type Edit = (doc: Y.Doc, sender: Sender, aim: Aim) => (() => void) | null;

const mexicoProposals = ['prop-mexico-1', 'prop-mexico-2', 'prop-mexico-3'];
const own = (sender: Sender, { proposal }: Aim) => attrsOf(sender, mexicoProposals[proposal] ?? 'prop-mexico-2');

let paragraphs = 0;

const legal: Record<string, Edit> = {
  'insert own words': (doc, sender, a) => {
    const block = pick(blocks(doc).filter(open), a.pick);
    if (!block) return null;
    return () => {
      const text = textOf(block);
      text.insert(a.at % (text.length + 1), a.word, marked('insertion', own(sender, a)));
    };
  },
  'delete inside own insertion': (doc, _sender, a) => {
    const run = pick(
      runs(doc).filter((r) => open(r.block) && has(r, 'insertion', mexico.delegationId)),
      a.pick,
    );
    if (!run) return null;
    return () => run.text.delete(...within(run, a.at, a.length));
  },
  'mark words for deletion': (doc, sender, a) => {
    const run = pick(
      runs(doc).filter(
        (r) => open(r.block) && r.block.proposedBy !== mexico.delegationId && !has(r, 'insertion', mexico.delegationId),
      ),
      a.pick,
    );
    if (!run) return null;
    return () => run.text.format(...within(run, a.at, a.length), marked('deletion', own(sender, a)));
  },
  'lift own deletion mark': (doc, _sender, a) => {
    const run = pick(
      runs(doc).filter((r) => open(r.block) && has(r, 'deletion', mexico.delegationId)),
      a.pick,
    );
    if (!run) return null;
    const lifted = Object.fromEntries(suggestionKeys(run, 'deletion', mexico.delegationId).map((key) => [key, null]));
    return () => run.text.format(...within(run, a.at, a.length), lifted);
  },
  'propose a paragraph': (doc, sender, a) => () => {
    const section = sectionA(doc);
    section.insert(1 + (a.at % section.length), [proposedParagraph(a.word, own(sender, a), `p-new-${paragraphs++}`)]);
  },
  'withdraw a proposed paragraph': (doc, _sender, a) => {
    const block = pick(
      blocks(doc).filter((b) => open(b) && b.proposedBy === mexico.delegationId),
      a.pick,
    );
    if (!block) return null;
    return () => {
      const section = block.element.parent as Y.XmlElement;
      section.delete(section.toArray().indexOf(block.element), 1);
    };
  },
};

/** Each refused whoever sends it in propose mode, for the reason its name gives. */
const illegal: Record<string, Edit> = {
  'type words unmarked': (doc, _sender, a) => {
    const block = pick(
      blocks(doc).filter((b) => b.proposedBy !== mexico.delegationId),
      a.pick,
    );
    if (!block) return null;
    return () => {
      const text = textOf(block);
      text.insert(a.at % (text.length + 1), a.word, {});
    };
  },
  'delete words not its own': (doc, _sender, a) => {
    const run = pick(
      runs(doc).filter((r) => r.block.proposedBy !== mexico.delegationId && !has(r, 'insertion', mexico.delegationId)),
      a.pick,
    );
    if (!run) return null;
    return () => run.text.delete(...within(run, a.at, a.length));
  },
  "lift Japan's deletion mark": (doc, _sender, a) => {
    const run = pick(
      runs(doc).filter((r) => has(r, 'deletion', japan.delegationId)),
      a.pick,
    );
    if (!run) return null;
    const lifted = Object.fromEntries(suggestionKeys(run, 'deletion', japan.delegationId).map((key) => [key, null]));
    return () => run.text.format(...within(run, a.at, a.length), lifted);
  },
  "re-attribute Japan's insertion": (doc, sender, a) => {
    const run = pick(
      runs(doc).filter((r) => has(r, 'insertion', japan.delegationId)),
      a.pick,
    );
    if (!run) return null;
    const lifted = Object.fromEntries(suggestionKeys(run, 'insertion', japan.delegationId).map((key) => [key, null]));
    return () => run.text.format(run.start, run.length, { ...lifted, ...marked('insertion', own(sender, a)) });
  },
  'propose in the name of Japan, or of a Japanese user': (doc, sender, a) => {
    const block = pick(blocks(doc).filter(open), a.pick);
    if (!block) return null;
    const attrs = a.colleague ? { ...own(sender, a), user: japan.userId } : attrsOf(japan, 'prop-japan-7');
    return () => {
      const text = textOf(block);
      text.insert(a.at % (text.length + 1), a.word, marked('insertion', attrs));
    };
  },
  "propose under Japan's proposal, or an accepted one": (doc, sender, a) => {
    const block = pick(blocks(doc).filter(open), a.pick);
    if (!block) return null;
    const attrs = { ...own(sender, a), id: a.colleague ? japanReplaces.id : mexicoAccepted.id };
    return () => {
      const text = textOf(block);
      text.insert(a.at % (text.length + 1), a.word, marked('insertion', attrs));
    };
  },
  'propose in an agreed paragraph or a closed section': (doc, sender, a) => {
    const block = pick(
      blocks(doc).filter((b) => !open(b)),
      a.pick,
    );
    if (!block) return null;
    return () => {
      const text = textOf(block);
      text.insert(a.at % (text.length + 1), a.word, marked('insertion', own(sender, a)));
    };
  },
  'propose a paragraph in a closed section': (doc, sender, a) => () => {
    const section = sectionB(doc);
    section.insert(1 + (a.at % section.length), [proposedParagraph(a.word, own(sender, a), `p-late-${paragraphs++}`)]);
  },
  'set a status or close a section': (doc, _sender, a) => {
    const paragraph = pick(
      blocks(doc).filter((b) => b.element.nodeName === 'paragraph'),
      a.pick,
    );
    if (!paragraph) return null;
    return () => {
      if (a.colleague) {
        const section = a.at % 2 === 0 ? sectionA(doc) : sectionB(doc);
        section.setAttribute('closed', (section.getAttribute('closed') !== (true as never)) as never);
      } else {
        const status = paragraph.element.getAttribute('status') === 'open' ? 'agreed_ad_ref' : 'open';
        paragraph.element.setAttribute('status', status);
      }
    };
  },
  'delete a paragraph not its own': (doc, _sender, a) => {
    const block = pick(
      blocks(doc).filter((b) => b.element.nodeName === 'paragraph' && b.proposedBy !== mexico.delegationId),
      a.pick,
    );
    if (!block) return null;
    return () => {
      const section = block.element.parent as Y.XmlElement;
      section.delete(section.toArray().indexOf(block.element), 1);
    };
  },
  'write a proposal record': (doc, _sender, a) => () => doc.getMap(PROPOSALS_FIELD).set(`prop-forged-${a.at}`, {}),
  'use formatting or a part the document does not know': (doc, _sender, a) => {
    const run = pick(runs(doc), a.pick);
    if (!run) return null;
    return () => {
      if (a.colleague) run.text.format(...within(run, a.at, a.length), { comment: { text: a.word } });
      else sectionA(doc).insert(1, [new Y.XmlElement('figure')]);
    };
  },
};

const step = (edits: Record<string, Edit>) =>
  fc
    .record({ name: fc.constantFrom(...Object.keys(edits)), aim })
    .map(({ name, aim }) => ({ name, aim, edit: edits[name] as Edit }));

/** A property's runs take a few seconds, more on a busy machine. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe('the suggestion policy, on random edits of a negotiated revision', () => {
  it(
    'accepts every legal edit of a delegation, refuses every illegal one, and the oracle holds throughout',
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              step(legal).map((s) => ({ ...s, legal: true })),
              step(illegal).map((s) => ({ ...s, legal: false })),
            ),
            { maxLength: 14 },
          ),
          (steps) => {
            const bench = PolicyBench.negotiated();
            try {
              for (const { name, aim, edit, legal } of steps) {
                const sender = aim.colleague && legal ? mexicoColleague : mexico;
                const change = edit(bench.client, sender, aim);
                if (!change) continue;
                const before = proseMirror(bench.room);
                const stateBefore = Y.encodeStateVector(bench.room);
                const verdict = bench.send(sender, change);
                const after = proseMirror(bench.room);
                if (legal) {
                  expect(verdict, name).toMatchObject({ accepted: true });
                  expectOracle(before, after, sender);
                  // Words joining an earlier mark of the same proposal in the same paragraph add no new mark.
                  const reported = verdict.accepted ? [...verdict.proposalIds] : [];
                  if (name === 'propose a paragraph') expect(reported, name).toEqual([own(sender, aim).id]);
                  if (name === 'insert own words')
                    expect([own(sender, aim).id], name).toEqual(expect.arrayContaining(reported));
                } else {
                  expect(verdict, name).toMatchObject({ accepted: false });
                  expect(Y.encodeStateVector(bench.room), name).toEqual(stateBefore);
                  expect(after.eq(before), name).toBe(true);
                }
              }
            } finally {
              bench.destroy();
            }
          },
        ),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "lets the pen type and delete anywhere but inside another delegation's proposal",
    () => {
      const penEdit = fc.record({ aim, typing: fc.boolean() });
      fc.assert(
        fc.property(fc.array(penEdit, { maxLength: 12 }), (edits) => {
          const bench = PolicyBench.negotiated();
          try {
            for (const { aim: a, typing } of edits) {
              const all = runs(bench.client);
              const run = pick(all, a.pick);
              if (!run) continue;
              const isKept = ([key, attrs]: [string, SuggestionAttrs]) =>
                /^(insertion|deletion)/.test(key) && attrs.delegation !== chair.delegationId;
              const kept = (r: RunAt) => Object.entries(r.attributes).some(isKept);
              const [start, length] = within(run, a.at, a.length);
              // Typing is legal unless both neighbours carry one same kept mark (the words would split).
              const left = all.find((r) => r.text === run.text && r.start < start && r.start + r.length >= start);
              const right = all.find((r) => r.text === run.text && r.start <= start && r.start + r.length > start);
              const splits =
                left !== undefined &&
                right !== undefined &&
                Object.entries(left.attributes).some(
                  (entry) => isKept(entry) && right.attributes[entry[0]] !== undefined,
                );
              const legalEdit = typing ? !splits : !kept(run);
              const before = proseMirror(bench.room);
              const verdict = bench.send(chair, () => {
                if (typing) run.text.insert(start, a.word, {});
                else run.text.delete(start, length);
              });
              expect(verdict.accepted, `${typing ? 'typing' : 'deleting'} at ${start}`).toBe(legalEdit);
              if (verdict.accepted) expectOracle(before, proseMirror(bench.room), chair);
            }
          } finally {
            bench.destroy();
          }
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
