import { Mark, mergeAttributes } from '@tiptap/core';
import type { Mark as ProseMirrorMark } from '@tiptap/pm/model';
import { z } from 'zod';

/**
 * Who proposed a tracked change, carried by every insertion and deletion mark and by a
 * paragraph proposed whole. The server checks that the delegation and user are the sender's
 * own (DESIGN.md §3); names and the authoritative time live in the proposal's record (see
 * proposals/record.ts), so a mark stays small and the same for every keystroke of one proposal.
 */
export const SuggestionAttrs = z.object({
  /** The proposal this change belongs to; a replacement is one id on a deletion and an insertion. */
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The delegation's id. */
  delegation: z.string().min(1).max(64),
  /** The user's id. */
  user: z.string().min(1).max(64),
  /** When the proposal was started, by the proposer's clock (ISO 8601); the record's time is the server's. */
  time: z.string().min(1).max(40),
});
export type SuggestionAttrs = z.infer<typeof SuggestionAttrs>;

export const SUGGESTION_MARKS = ['insertion', 'deletion'] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];

export const isSuggestionKind = (name: string): name is SuggestionKind =>
  SUGGESTION_MARKS.includes(name as SuggestionKind);

/** The suggestion a ProseMirror mark stands for, or null when it is formatting. */
export function suggestionOf(mark: ProseMirrorMark): { kind: SuggestionKind; attrs: SuggestionAttrs } | null {
  if (!isSuggestionKind(mark.type.name)) return null;
  return { kind: mark.type.name, attrs: mark.attrs as SuggestionAttrs };
}

/** Each attribute is read from its `data-*` attribute; `renderHTML` writes them all at once. */
const dataAttribute = (name: string) => ({
  default: null,
  rendered: false,
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
});

const suggestionMark = (kind: SuggestionKind, tag: 'ins' | 'del') =>
  Mark.create({
    name: kind,
    // Several delegations' proposals on the same words coexist and stay attributed
    // (DESIGN.md §3): the Yjs binding then stores each mark as its own attribute.
    excludes: '',
    // Typing next to a proposal is not part of it; suggest mode marks what it types itself.
    inclusive: false,
    spanning: true,

    addAttributes() {
      return {
        id: dataAttribute('proposal'),
        delegation: dataAttribute('delegation'),
        user: dataAttribute('user'),
        time: dataAttribute('time'),
      };
    },

    parseHTML() {
      return [{ tag: `${tag}[data-proposal]` }];
    },

    renderHTML({ mark, HTMLAttributes }) {
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `zd-${kind}`,
          'data-proposal': mark.attrs.id,
          'data-delegation': mark.attrs.delegation,
          'data-user': mark.attrs.user,
          'data-time': mark.attrs.time,
        }),
        0,
      ];
    },
  });

/** Words a delegation proposes to add. */
export const Insertion = suggestionMark('insertion', 'ins');

/** Words a delegation proposes to delete: they stay in the text, struck through, until decided. */
export const Deletion = suggestionMark('deletion', 'del');

export const suggestionMarks = [Insertion, Deletion];
