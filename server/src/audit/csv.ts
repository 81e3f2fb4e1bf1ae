import type { AuditEntry } from '../store/store.ts';

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV Injection");
 * tab and carriage return as well, which some spreadsheets strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: a leading formula character defused with `'`, quoted when it must be. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: a header row, then one row per record, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The audit log as the CSV export lays it out, one act per row, in the order given. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    ['When (UTC)', 'Who', 'Delegation', 'Action', 'Target', 'Detail'],
    entries.map((e) => [e.at, e.actorName, e.actorDelegation ?? '', e.action, e.target, JSON.stringify(e.detail)]),
  );
}
