import { AuditList, type AuditQuery } from '@zerodraft/shared/api/audit.ts';
import { requestJson } from './http.ts';

function auditPath(meetingId: string, format: '' | '.csv', query: AuditQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) search.set(name, value);
  const suffix = search.size > 0 ? `?${search}` : '';
  return `/api/meetings/${encodeURIComponent(meetingId)}/audit${format}${suffix}`;
}

/** The meeting's audit log, newest first, for the Chair and the Secretariat. */
export function fetchAudit(meetingId: string, query: AuditQuery, signal: AbortSignal): Promise<AuditList> {
  return requestJson(auditPath(meetingId, '', query), AuditList, { signal });
}

/** The same entries as a CSV file, for a link to download. */
export function auditCsvUrl(meetingId: string, query: AuditQuery): string {
  return auditPath(meetingId, '.csv', query);
}
