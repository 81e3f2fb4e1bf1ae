import { type AuditList, AuditQuery } from '@zerodraft/shared/api/audit.ts';
import { type Context, Hono } from 'hono';
import { auditCsv } from '../audit/csv.ts';
import { authorize } from '../authz/standing.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { requireStanding } from './standing.ts';

/**
 * The meeting's audit log for the Chair and the Secretariat, newest first, filtered by action,
 * actor and time: as JSON for the page and as CSV to download.
 */
export function auditRoutes({ store }: { store: Store }) {
  async function entriesFor(c: Context<AppEnv>) {
    const standing = await requireStanding(c, store, c.req.param('meetingId') ?? '');
    authorize(standing, 'readAuditLog');
    const query = AuditQuery.parse(c.req.query());
    // Entries are stored with UTC times; bounds given with another offset compare as the same instant.
    const utc = (time: string | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
    const entries = await store.listAudit({
      meetingId: standing.meeting.id,
      action: query.action,
      actorUserId: query.actor,
      since: utc(query.since),
      until: utc(query.until),
    });
    return { meeting: standing.meeting, entries };
  }

  return new Hono<AppEnv>()
    .get('/meetings/:meetingId/audit', async (c) => {
      const { entries } = await entriesFor(c);
      return c.json({ entries } satisfies AuditList);
    })
    .get('/meetings/:meetingId/audit.csv', async (c) => {
      const { meeting, entries } = await entriesFor(c);
      const filename = `audit-${meeting.symbol.replace(/[^A-Za-z0-9.-]+/g, '_')}.csv`;
      // The byte order mark makes spreadsheets read the names' accents as UTF-8.
      return c.body(`\uFEFF${auditCsv(entries)}`, 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    });
}
