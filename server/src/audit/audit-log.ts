import type { AuditAction } from '@zerodraft/shared/api/audit.ts';
import type { MeetingStanding } from '../authz/standing.ts';
import type { AuditEntry, Store } from '../store/store.ts';

/** How the log names a person: "Lucía Hernández (Mexico)". */
export const personIn = (name: string, delegationName: string) => `${name} (${delegationName})`;

/**
 * Writes one act into the meeting's append-only audit log (issue 4, DESIGN.md §4): who, for
 * which delegation, now, what, on whom or what, and the change itself.
 */
export function recordAct(
  store: Store,
  by: MeetingStanding,
  act: { action: AuditAction; target: string; detail?: Record<string, unknown> },
): Promise<AuditEntry> {
  return store.appendAudit({
    meetingId: by.meeting.id,
    actorUserId: by.principal.user.id,
    actorName: by.principal.user.name,
    actorDelegation: by.delegation.name,
    action: act.action,
    target: act.target,
    detail: act.detail ?? {},
  });
}

/** The fields that differ between two versions of a record, as `{ field: { from, to } }`. */
export function changesBetween<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
