import { PROPOSALS_FIELD, ProposalRecord } from '@zerodraft/shared/proposals/record.ts';
import type * as Y from 'yjs';

/**
 * The proposals' records in a revision's Y.Doc (shared/src/proposals/record.ts), live, for
 * `useSyncExternalStore`: it watches the Y.Map only while someone subscribes. The server
 * replaces a record whole, so each one is checked once and remembered by identity: an act on
 * one proposal of 500 costs one check.
 */
export class ProposalRecords {
  readonly #map: Y.Map<unknown>;
  readonly #checked = new WeakMap<object, ProposalRecord | null>();
  readonly #listeners = new Set<() => void>();
  #snapshot: ReadonlyMap<string, ProposalRecord>;

  constructor(ydoc: Y.Doc) {
    this.#map = ydoc.getMap(PROPOSALS_FIELD);
    this.#snapshot = this.#read();
  }

  get snapshot(): ReadonlyMap<string, ProposalRecord> {
    return this.#snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    if (this.#listeners.size === 0) {
      this.#map.observe(this.#changed);
      // Whatever changed while nobody watched.
      this.#snapshot = this.#read();
    }
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#map.unobserve(this.#changed);
    };
  };

  #changed = () => {
    this.#snapshot = this.#read();
    for (const listener of this.#listeners) listener();
  };

  #read(): Map<string, ProposalRecord> {
    const records = new Map<string, ProposalRecord>();
    for (const [id, value] of this.#map.entries()) {
      const record = this.#check(value);
      // A record this client cannot read is left out rather than shown wrong.
      if (record && record.id === id) records.set(id, record);
    }
    return records;
  }

  #check(value: unknown): ProposalRecord | null {
    if (typeof value !== 'object' || value === null) return null;
    const known = this.#checked.get(value);
    if (known !== undefined) return known;
    const parsed = ProposalRecord.safeParse(value);
    const record = parsed.success ? parsed.data : null;
    this.#checked.set(value, record);
    return record;
  }
}
