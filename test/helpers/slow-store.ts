import type { Store } from '@zerodraft/server/store/store.ts';

/**
 * The same store, with `latencyMs` added before every append, as a networked database (the
 * PostgreSQL store of DESIGN.md §2) would take. With node:sqlite an append completes within the
 * message that caused it, so only a store that takes its time can show whether the server waits
 * for durability where it must.
 */
export function withAppendLatency<S extends Store>(store: S, latencyMs: number): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Bound to the real store: its private fields are not reachable through a proxy.
      const method = value.bind(target) as (...args: unknown[]) => unknown;
      if (property !== 'appendUpdate') return method;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
        return method(...args);
      };
    },
  });
}
