import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { type CursorPlace, cursorPlace, samePlace } from './cursor-place.ts';

/** The paragraph and section holding the editor's cursor, updated as it moves or they change. */
export function useCursorPlace(editor: Editor): CursorPlace | null {
  const [place, setPlace] = useState(() => cursorPlace(editor.state));
  useEffect(() => {
    const update = () =>
      setPlace((current) => {
        const next = cursorPlace(editor.state);
        return samePlace(current, next) ? current : next;
      });
    update();
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [editor]);
  return place;
}
