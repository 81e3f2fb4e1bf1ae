import { AUDIT_ACTIONS } from '@zerodraft/shared/api/audit.ts';
import { ROLE_NAMES, ROLES, type Role } from '@zerodraft/shared/roles/permissions.ts';
import { type Clock, formatDateTime } from '../time/format.ts';

/** An action as the log page names it; an action this client does not know yet, as the server wrote it. */
export function actionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : action;
}

const fieldNames: Record<string, string> = {
  role: 'role',
  hasPen: 'pen',
  sections: 'sections',
  delegation: 'delegation',
  title: 'title',
  symbol: 'symbol',
  venue: 'venue',
  timeZone: 'time zone',
  startsOn: 'first day',
  endsOn: 'last day',
  silenceNoticeHours: 'minimum notice for silence (hours)',
  code: 'code',
  kind: 'kind',
  email: 'email',
  expiresAt: 'expires',
};

/** An ISO 8601 time, as the server writes `expiresAt` and the like. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isRole = (value: unknown): value is Role => typeof value === 'string' && ROLES.includes(value as Role);

function valueText(field: string, value: unknown, clock: Clock): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value, clock);
  if (field === 'role' && isRole(value)) return ROLE_NAMES[value];
  if (field === 'hasPen' && typeof value === 'boolean') return value ? 'holds the pen' : 'no pen';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(none)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/**
 * The detail of an entry in words: "role: Delegation member → Observer; pen: no pen → holds
 * the pen". Internal ids (`invitationId`) say nothing to a reader and are left to the CSV.
 */
export function describeDetail(detail: Record<string, unknown>, clock: Clock): string {
  return Object.entries(detail)
    .filter(([field]) => !/Id$/.test(field))
    .map(([field, value]) => {
      const name = fieldNames[field] ?? field;
      if (isChange(value)) {
        return `${name}: ${valueText(field, value.from, clock)} → ${valueText(field, value.to, clock)}`;
      }
      return `${name}: ${valueText(field, value, clock)}`;
    })
    .join('; ');
}
