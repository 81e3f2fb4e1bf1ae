import * as Y from 'yjs';
import type { PersistedTracker } from './persisted.ts';

/**
 * The words typed here since the server last confirmed every change stored, so that a change
 * the server refuses is shown to its author to copy instead of vanishing (DESIGN.md §3).
 *
 * Every character a Y.Doc inserts carries the id of the doc and a clock that counts up, so
 * "typed here since the last confirmation" is exactly "our client id, a clock at or past the
 * one we had then". The characters still in the text are read straight from the Y types, in
 * document order: no diff, and a word typed then deleted again is not shown.
 */
export class UnconfirmedWords {
  readonly #fragment: Y.XmlFragment;
  readonly #unsubscribe: () => void;
  #confirmedClock: number;

  constructor(fragment: Y.XmlFragment, persisted: PersistedTracker) {
    this.#fragment = fragment;
    this.#confirmedClock = this.#clock();
    this.#unsubscribe = persisted.subscribe(() => {
      if (persisted.state === 'saved') this.#confirmedClock = this.#clock();
    });
  }

  /** Each run of words typed since the last confirmed save, in document order; a paragraph break ends a run. */
  passages(): string[] {
    const doc = this.#fragment.doc;
    if (!doc) return [];
    const passages: string[] = [];
    collect(this.#fragment, doc.clientID, this.#confirmedClock, passages);
    return passages.map((passage) => passage.trim()).filter((passage) => passage !== '');
  }

  destroy(): void {
    this.#unsubscribe();
  }

  #clock(): number {
    const doc = this.#fragment.doc;
    return doc ? Y.getState(doc.store, doc.clientID) : 0;
  }
}

/**
 * Walks a Y type's items (`_start` is the head of every Y type's item list; y-prosemirror
 * reads it the same way). Text runs inside one Y.XmlText, i.e. one paragraph's text.
 */
// biome-ignore lint/suspicious/noExplicitAny: Y types differ only in their event type, which this walk never reads
function collect(type: Y.AbstractType<any>, client: number, sinceClock: number, passages: string[]): void {
  let run = '';
  const endRun = () => {
    if (run) passages.push(run);
    run = '';
  };
  for (let item: Y.Item | null = type._start; item; item = item.right) {
    if (item.deleted) continue;
    const { content } = item;
    if (content instanceof Y.ContentString) {
      const ours = item.id.client === client && item.id.clock + content.str.length > sinceClock;
      if (!ours) {
        endRun();
        continue;
      }
      // Yjs merges consecutive characters of one client into one item, so an item may begin
      // before the last confirmation and end after it.
      run += content.str.slice(Math.max(0, sinceClock - item.id.clock));
    } else if (content instanceof Y.ContentType) {
      endRun();
      collect(content.type, client, sinceClock, passages);
    }
  }
  endRun();
}
