import type { Notification } from '@zerodraft/shared/api/notifications.ts';

/** The list with `more` added, each once, newest first. */
export function merged(list: readonly Notification[], more: readonly Notification[]): Notification[] {
  const byId = new Map(list.map((n) => [n.id, n] as const));
  for (const n of more) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** The list with those `which` names shown read at `at`; the ones already read keep their time. */
export function markedRead(
  list: readonly Notification[],
  which: { ids: readonly number[] } | { upTo: number },
  at: string,
): Notification[] {
  const hit = 'upTo' in which ? (n: Notification) => n.id <= which.upTo : (n: Notification) => which.ids.includes(n.id);
  return list.map((n) => (n.readAt === null && hit(n) ? { ...n, readAt: at } : n));
}
