import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { type Change, changeOf } from './change.ts';
import { backspaceChange, deleteChange, enterChange } from './keys.ts';
import { PROPOSED_META, proposeChange, type Refusal } from './propose.ts';
import type { Proposer } from './proposer.ts';

export const MOVE_REFUSED = 'Words cannot be moved by dragging in suggest mode. Cut and paste them instead.';
export const NO_PROPOSER_REFUSED =
  'Zerodraft does not know which delegation you speak for, so it cannot propose this change. Reload the page.';

export const suggestModeKey = new PluginKey<boolean>('suggestMode');

/** Whether the editor turns the user's changes into proposals. */
export const isSuggesting = (state: EditorState): boolean => suggestModeKey.getState(state) === true;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Turns suggest mode on (every change becomes a proposal) or off (direct editing). */
      setSuggesting: (on: boolean) => ReturnType;
    };
  }
}

export interface SuggestModeOptions {
  /** Whose proposals the changes become; without one, suggest mode refuses every change. */
  proposer: Proposer | null;
  /** Whether suggest mode is on from the start. */
  suggesting: boolean;
  /** Told, in words for the user, why a change was not made. */
  onRefused: (reason: string) => void;
}

/**
 * Suggest mode, as Word's "Track changes": in it, every change the user makes to the text
 * becomes their delegation's suggestion marks (see propose.ts) instead of a direct edit.
 * Changes from Yjs (collaborators, the server's acts, undo) pass untouched.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  // Its keys come before the paragraph's (Tab) and the default keymap's.
  priority: 200,

  addOptions() {
    return { proposer: null, suggesting: false, onRefused: () => {} };
  },

  addCommands() {
    return {
      setSuggesting:
        (on) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestModeKey, on);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { options } = this;
    return [
      new Plugin<boolean>({
        key: suggestModeKey,
        state: {
          init: () => options.suggesting,
          apply: (tr, on) => (tr.getMeta(suggestModeKey) as boolean | undefined) ?? on,
        },
        props: {
          handleDOMEvents: {
            // Paragraph kinds are not proposed: Tab is left to the browser, to leave the text.
            keydown: (view, event) =>
              isSuggesting(view.state) && event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey,
          },
          handleDrop: (view, _event, _slice, moved) => {
            if (!moved || !isSuggesting(view.state)) return false;
            options.onRefused(MOVE_REFUSED);
            return true;
          },
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    const propose = (changeAt: (state: EditorState, proposer: Proposer) => Change | null) => () => {
      const { state, view } = this.editor;
      if (!isSuggesting(state) || !this.editor.isEditable) return false;
      const { proposer } = this.options;
      if (!proposer) {
        this.options.onRefused(NO_PROPOSER_REFUSED);
        return true;
      }
      const change = changeAt(state, proposer);
      if (!change) return true;
      const proposed = proposeChange(state, change, proposer);
      if ('refused' in proposed) this.options.onRefused(proposed.refused);
      else view.dispatch(proposed.scrollIntoView());
      return true;
    };
    return {
      Backspace: propose(backspaceChange),
      'Shift-Backspace': propose(backspaceChange),
      Delete: propose(deleteChange),
      Enter: propose(enterChange),
    };
  },

  dispatchTransaction({ transaction, next }) {
    const { state } = this.editor;
    if (
      !transaction.docChanged ||
      transaction.getMeta(ySyncPluginKey) !== undefined ||
      transaction.getMeta(PROPOSED_META) === true ||
      transaction.before !== state.doc ||
      !isSuggesting(state)
    ) {
      next(transaction);
      return;
    }
    const proposed = proposeTransaction(state, transaction, this.options.proposer);
    if ('refused' in proposed) {
      this.options.onRefused(proposed.refused);
      return;
    }
    next(transaction.scrolledIntoView ? proposed.scrollIntoView() : proposed);
  },
});

/** A transaction made in suggest mode (typing, paste, cut…) as the proposal it stands for. */
function proposeTransaction(state: EditorState, tr: Transaction, proposer: Proposer | null): Transaction | Refusal {
  if (!proposer) return { refused: NO_PROPOSER_REFUSED };
  const change = changeOf(tr, state.selection);
  return 'refused' in change ? change : proposeChange(state, change, proposer);
}
