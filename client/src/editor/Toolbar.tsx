import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ParagraphKind } from '@zerodraft/shared/schema/paragraph.ts';
import { type KeyboardEvent, type RefObject, useState } from 'react';
import { ariaShortcut, shortcutLabel } from './shortcuts.ts';

interface ToolbarButton {
  label: string;
  /** Shown in the tooltip and read by screen readers, e.g. "Mod+B". */
  shortcut?: string;
  /** On a toggle, whether it is on; absent on a plain action. */
  pressed?: boolean;
  enabled: boolean;
  /** Said in the tooltip when the button is unavailable, e.g. why suggest mode does not offer it. */
  disabledReason?: string;
  text: string;
  run: () => void;
}

/** How the user's changes are taken: the pen-holder chooses; a delegate always suggests. */
export interface SuggestControl {
  mode: 'pen' | 'propose';
  suggesting: boolean;
  onSuggestingChange: (suggesting: boolean) => void;
}

/**
 * The formatting and structure commands, as one toolbar that takes one Tab stop; the arrow
 * keys move between its buttons (WAI-ARIA toolbar pattern). Alt+F10 in the text comes here,
 * Escape goes back to the text.
 */
export function Toolbar({
  editor,
  toolbarRef,
  suggest,
}: {
  editor: Editor;
  toolbarRef: RefObject<HTMLDivElement | null>;
  suggest: SuggestControl;
}) {
  const [focused, setFocused] = useState(0);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      kind: current.getAttributes('paragraph').kind as ParagraphKind | undefined,
      canInsertParagraph: current.can().insertParagraph('operative'),
      canInsertSection: current.can().insertSection(),
    }),
  });
  const editable = state.editable;
  const inSubparagraph = state.kind === 'subparagraph';
  const chain = () => editor.chain().focus();
  const { suggesting } = suggest;
  const penHolder = suggest.mode === 'pen';
  // Formatting and layout are not proposals (suggest-mode.ts refuses them too).
  const notProposed = (what: string) =>
    suggesting ? `${what} cannot be proposed.${penHolder ? ' Switch to Editing to change it.' : ''}` : undefined;
  const formattingReason = notProposed('Formatting');

  const groups: { label: string; buttons: ToolbarButton[] }[] = [
    {
      label: 'Mode',
      buttons: [
        {
          label: 'Editing',
          text: 'Editing',
          pressed: !suggesting,
          enabled: editable && penHolder,
          disabledReason: penHolder ? undefined : 'Only the pen-holder changes the text directly.',
          run: () => suggest.onSuggestingChange(false),
        },
        {
          label: 'Suggesting',
          text: 'Suggesting',
          pressed: suggesting,
          enabled: editable && penHolder,
          disabledReason: penHolder ? undefined : 'Your changes are always proposals of your delegation.',
          run: () => suggest.onSuggestingChange(true),
        },
      ],
    },
    {
      label: 'Formatting',
      buttons: [
        {
          label: 'Bold',
          text: 'B',
          shortcut: 'Mod+B',
          pressed: state.bold,
          enabled: editable && !suggesting,
          disabledReason: formattingReason,
          run: () => chain().toggleMark('bold').run(),
        },
        {
          label: 'Italic',
          text: 'I',
          shortcut: 'Mod+I',
          pressed: state.italic,
          enabled: editable && !suggesting,
          disabledReason: formattingReason,
          run: () => chain().toggleMark('italic').run(),
        },
        {
          label: 'Underline',
          text: 'U',
          shortcut: 'Mod+U',
          pressed: state.underline,
          enabled: editable && !suggesting,
          disabledReason: formattingReason,
          run: () => chain().toggleMark('underline').run(),
        },
      ],
    },
    {
      label: 'History',
      buttons: [
        {
          label: 'Undo',
          text: '↶ Undo',
          shortcut: 'Mod+Z',
          enabled: editable && state.canUndo,
          run: () => chain().undo().run(),
        },
        {
          label: 'Redo',
          text: '↷ Redo',
          shortcut: 'Mod+Y',
          enabled: editable && state.canRedo,
          run: () => chain().redo().run(),
        },
      ],
    },
    {
      label: 'Structure',
      buttons: [
        {
          label: 'Add a preambular paragraph',
          text: '+ Preambular',
          enabled: editable && state.canInsertParagraph,
          run: () => chain().insertParagraph('preambular').run(),
        },
        {
          label: 'Add an operative paragraph',
          text: '+ Operative',
          enabled: editable && state.canInsertParagraph,
          run: () => chain().insertParagraph('operative').run(),
        },
        {
          label: 'Sub-paragraph',
          text: 'Sub-paragraph',
          shortcut: inSubparagraph ? 'Shift+Tab' : 'Tab',
          pressed: inSubparagraph,
          enabled: editable && !suggesting && (state.kind === 'operative' || inSubparagraph),
          disabledReason: notProposed('A paragraph’s kind'),
          run: () =>
            chain()
              .setParagraphKind(inSubparagraph ? 'operative' : 'subparagraph')
              .run(),
        },
        {
          label: 'Add a section',
          text: '+ Section',
          enabled: editable && !suggesting && state.canInsertSection,
          disabledReason: notProposed('A new section'),
          run: () => chain().insertSection().run(),
        },
      ],
    },
  ];
  const buttons = groups.flatMap((group) => group.buttons);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: focused + 1,
      ArrowLeft: focused - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + buttons.length) % buttons.length;
    setFocused(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  let index = 0;
  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="Text editing"
      aria-controls="revision-text"
      className="zd-toolbar"
      onKeyDown={onKeyDown}
    >
      {groups.map((group) => (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would break the toolbar's arrow-key navigation
        <div key={group.label} role="group" aria-label={group.label} className="zd-toolbar-group">
          {group.buttons.map((button) => {
            const position = index++;
            const shortcut = button.shortcut ? shortcutLabel(button.shortcut) : undefined;
            const name = shortcut ? `${button.label} (${shortcut})` : button.label;
            return (
              <button
                key={button.label}
                type="button"
                className="zd-tool"
                tabIndex={position === focused ? 0 : -1}
                title={!button.enabled && button.disabledReason ? `${name}: ${button.disabledReason}` : name}
                aria-label={button.label}
                aria-keyshortcuts={button.shortcut && ariaShortcut(button.shortcut)}
                aria-pressed={button.pressed}
                // Still focusable when unavailable, so arrow keys pass over it predictably.
                aria-disabled={!button.enabled}
                onFocus={() => setFocused(position)}
                // Keeps the selection in the text while clicking.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => button.enabled && button.run()}
              >
                {button.text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
