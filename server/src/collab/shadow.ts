import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import * as Y from 'yjs';
import type { TriedUpdate } from './policy/suggestion-policy.ts';

export type Trial = 'changes' | 'no-op' | 'invalid' | 'incomplete';

// biome-ignore lint/suspicious/noExplicitAny: as Yjs types `transaction.changed`
type TouchedType = Y.AbstractType<any>;

/**
 * A copy of a room's document on which every incoming update is tried before it is accepted
 * (DESIGN.md §3, step 1). It tells apart an update that changes nothing (a reader's sync step 2
 * on reconnect carries the whole delete set), one that cannot be applied, and one that depends
 * on changes the server does not have, so none of them is stored or relayed.
 */
export class ShadowDoc {
  #doc: Y.Doc;
  #lastChange: TriedUpdate | null = null;

  constructor(source: Y.Doc) {
    this.#doc = ShadowDoc.#copy(source);
  }

  /**
   * Applies the update to the copy. Anything but `changes` leaves the copy as it was, or is
   * rebuilt from `source`; after `changes` the copy holds the update, as the room's document
   * will once it is stored.
   */
  try(update: Uint8Array, source: Y.Doc): Trial {
    this.#lastChange = null;
    let changed = false;
    const mark = () => {
      changed = true;
    };
    const touched = new Map<TouchedType, Set<string | null>>();
    let beforeState: Map<number, number> | null = null;
    const observe = (transaction: Y.Transaction) => {
      beforeState ??= new Map(transaction.beforeState);
      for (const [type, keys] of transaction.changed) {
        const known = touched.get(type);
        if (known) for (const key of keys) known.add(key);
        else touched.set(type, new Set(keys));
      }
    };
    this.#doc.on('update', mark);
    this.#doc.on('afterTransaction', observe);
    try {
      Y.applyUpdate(this.#doc, update);
    } catch {
      this.rebuild(source);
      return 'invalid';
    } finally {
      this.#doc.off('update', mark);
      this.#doc.off('afterTransaction', observe);
    }
    if (this.#doc.store.pendingStructs !== null || this.#doc.store.pendingDs !== null) {
      this.rebuild(source);
      return 'incomplete';
    }
    if (!changed) return 'no-op';
    this.#lastChange = { after: this.#doc, changed: touched, beforeState: beforeState ?? new Map() };
    return 'changes';
  }

  /**
   * What the last `try` that returned `changes` did to the copy: the types it touched, for the
   * policy to look at those only (DESIGN.md §3, "Facts measured"). Null after anything else.
   */
  get lastChange(): TriedUpdate | null {
    return this.#lastChange;
  }

  /**
   * Runs a change of the server's own (an act such as accepting a proposal) on the copy, and
   * returns it as an update for the room to store and then apply, with what `work` returned;
   * the update is null when nothing changed. If `work` throws, the copy is rebuilt from `source`.
   */
  change<T>(work: (doc: Y.Doc) => T, source: Y.Doc): { update: Uint8Array | null; result: T } {
    this.#lastChange = null;
    const before = Y.encodeStateVector(this.#doc);
    let changed = false;
    const mark = () => {
      changed = true;
    };
    this.#doc.on('update', mark);
    try {
      let result!: T;
      Y.transact(this.#doc, () => {
        result = work(this.#doc);
      });
      return { update: changed ? Y.encodeStateAsUpdate(this.#doc, before) : null, result };
    } catch (error) {
      this.rebuild(source);
      throw error;
    } finally {
      this.#doc.off('update', mark);
    }
  }

  /** Makes the copy equal to the room's document again, after an update tried on it was refused. */
  rebuild(source: Y.Doc): void {
    this.#lastChange = null;
    this.#doc.destroy();
    this.#doc = ShadowDoc.#copy(source);
  }

  destroy(): void {
    this.#doc.destroy();
  }

  static #copy(source: Y.Doc): Y.Doc {
    const copy = new Y.Doc();
    // Typed before anything is applied, so the root an update changes is the fragment the policy reads.
    copy.getXmlFragment(DOCUMENT_FIELD);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    return copy;
  }
}
