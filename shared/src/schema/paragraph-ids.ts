import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AttrStep } from '@tiptap/pm/transform';

/** The attribute that holds the stable id of each node type that has one. */
const ID_ATTRIBUTES: Readonly<Record<string, string>> = { paragraph: 'pid', section: 'sid' };

/** The meta key y-prosemirror (and @tiptap/y-tiptap) sets on transactions that apply Yjs changes. */
const Y_SYNC_META = 'y-sync$';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * What a `pid` or `sid` may be: null until the plugin fills it, else up to 64 url-safe
 * characters. A longer or stranger id is refused wherever it comes from, since every client
 * and every comparison ("para 12, was 10 in Draft 1") carries it.
 */
export function validateNodeId(value: unknown): void {
  if (value === null) return;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new RangeError('An id is 1 to 64 letters, digits, "-" or "_"');
  }
}

/** A fresh random id of 12 url-safe characters (72 bits). */
export function newId(): string {
  let id = '';
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(12))) id += ID_ALPHABET.charAt(byte & 63);
  return id;
}

interface Identified {
  pos: number;
  node: ProseMirrorNode;
  attribute: string;
}

type ChangedRange = readonly [from: number, to: number];

/** The ranges of the final document that the transactions replaced or re-attributed. */
function changedRanges(transactions: readonly Transaction[]): ChangedRange[] {
  let ranges: ChangedRange[] = [];
  for (const tr of transactions) {
    tr.steps.forEach((step, i) => {
      const map = tr.mapping.maps[i];
      if (!map) return;
      ranges = ranges.map(([from, to]) => [map.map(from, -1), map.map(to, 1)]);
      map.forEach((_oldFrom, _oldTo, from, to) => {
        ranges.push([from, to]);
      });
      // An attribute step maps no positions, yet it may have copied an id onto its node.
      if (step instanceof AttrStep) ranges.push([step.pos, step.pos + 1]);
    });
  }
  return ranges;
}

function touches({ pos, node }: Identified, ranges: readonly ChangedRange[]): boolean {
  const end = pos + node.nodeSize;
  return ranges.some(([from, to]) => from < end && to > pos);
}

/**
 * Of the nodes that share one id, the one that keeps it: a node the transactions did not
 * touch (so a copy never takes the original's id), else the first with text (a paragraph split
 * at its start leaves an empty first half; the id stays with the words), else the first.
 */
function keeper(sharing: readonly Identified[], ranges: readonly ChangedRange[]): Identified | undefined {
  return (
    sharing.find((entry) => !touches(entry, ranges)) ??
    sharing.find((entry) => entry.node.content.size > 0) ??
    sharing[0]
  );
}

/** One pass over the document: the nodes without an id, and the nodes by id. */
function collectIds(doc: ProseMirrorNode): { missing: Identified[]; byId: Map<string, Identified[]> } {
  const missing: Identified[] = [];
  const byId = new Map<string, Identified[]>();
  doc.descendants((node, pos) => {
    const attribute = ID_ATTRIBUTES[node.type.name];
    if (attribute) {
      const id: unknown = node.attrs[attribute];
      const entry = { pos, node, attribute };
      if (typeof id !== 'string' || id === '') {
        missing.push(entry);
      } else {
        const sharing = byId.get(id);
        if (sharing) sharing.push(entry);
        else byId.set(id, [entry]);
      }
    }
    return !node.isTextblock;
  });
  return { missing, byId };
}

export const paragraphIdsKey = new PluginKey('paragraphIds');

/**
 * Keeps every paragraph's `pid` and every section's `sid` present and unique in the document,
 * whatever the edit: split, merge, paste, undo, or a command that copies attributes.
 *
 * Ids are deduplicated rather than stripped from the clipboard: a pasted copy meets its
 * original and takes a fresh id, while a paragraph moved by drag and drop or by cut and paste
 * finds no original and keeps its identity, which "para 12 (was 10 in Draft 1)" relies on.
 *
 * Changes that arrive through Yjs are left alone: every client receives them, and if each
 * repaired them on receipt they would all rewrite the same node at once. The author's own
 * client already gave them ids; a duplicate that a merge of concurrent edits produces is
 * repaired by the next local edit anywhere in the document, which checks the whole document.
 */
export const ParagraphIds = Extension.create({
  name: 'paragraphIds',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: paragraphIdsKey,
        appendTransaction(transactions, _oldState, state) {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          if (transactions.some((tr) => tr.getMeta(Y_SYNC_META) !== undefined)) return null;
          const { missing, byId } = collectIds(state.doc);
          const shared = [...byId.values()].filter((sharing) => sharing.length > 1);
          // Mapping the changed ranges costs steps × ranges, and a kind set on a long selection
          // is a step per paragraph; only a duplicate needs them.
          const ranges = shared.length > 0 ? changedRanges(transactions) : [];
          const renew = [
            ...missing,
            ...shared.flatMap((sharing) => {
              const kept = keeper(sharing, ranges);
              return sharing.filter((entry) => entry !== kept);
            }),
          ];
          if (renew.length === 0) return null;
          const taken = new Set(byId.keys());
          const tr = state.tr;
          for (const { pos, attribute } of renew) {
            let id = newId();
            while (taken.has(id)) id = newId();
            taken.add(id);
            tr.setNodeAttribute(pos, attribute, id);
          }
          return tr;
        },
      }),
    ];
  },
});
