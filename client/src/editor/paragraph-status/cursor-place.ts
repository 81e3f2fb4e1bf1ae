import type { EditorState } from '@tiptap/pm/state';
import {
  cursorPosition,
  isParagraphKind,
  isParagraphStatus,
  type ParagraphKind,
  type ParagraphStatus,
} from '@zerodraft/shared/schema/paragraph.ts';
import { UNTITLED_SECTION } from '../../proposals/outline.ts';

/** The paragraph and section holding the cursor, for the controls that act on them. */
export interface CursorPlace {
  /** Null in a section heading. */
  paragraph: { pid: string; kind: ParagraphKind; status: ParagraphStatus } | null;
  section: { sid: string; heading: string; closed: boolean };
}

/** Where the cursor is; null in the title or in text the server has not yet given ids. */
export function cursorPlace(state: EditorState): CursorPlace | null {
  const $pos = cursorPosition(state.selection);
  let paragraph: CursorPlace['paragraph'] = null;
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'paragraph') {
      const { pid, kind, status } = node.attrs;
      if (typeof pid !== 'string' || !isParagraphKind(kind) || !isParagraphStatus(status)) return null;
      paragraph = { pid, kind, status };
    } else if (node.type.name === 'section') {
      if (typeof node.attrs.sid !== 'string') return null;
      const heading = node.firstChild?.textContent.trim() || UNTITLED_SECTION;
      return { paragraph, section: { sid: node.attrs.sid, heading, closed: node.attrs.closed === true } };
    }
  }
  return null;
}

/** Whether two places say the same, so a keystroke that moves the cursor within a paragraph redraws nothing. */
export function samePlace(a: CursorPlace | null, b: CursorPlace | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.section.sid === b.section.sid &&
    a.section.heading === b.section.heading &&
    a.section.closed === b.section.closed &&
    a.paragraph?.pid === b.paragraph?.pid &&
    a.paragraph?.kind === b.paragraph?.kind &&
    a.paragraph?.status === b.paragraph?.status
  );
}
