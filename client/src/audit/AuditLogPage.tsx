import { AUDIT_ACTIONS, type AuditQuery } from '@zerodraft/shared/api/audit.ts';
import { useId } from 'react';
import { Form, Link, type LoaderFunctionArgs, useLoaderData, useNavigation } from 'react-router';
import { auditCsvUrl, fetchAudit } from '../api/audit.ts';
import { ApiRequestError } from '../api/http.ts';
import { fetchMeeting } from '../api/meetings.ts';
import { fetchRoster } from '../api/participants.ts';
import { meetingPath, useMeeting } from '../meeting/meeting-data.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';
import { DateTime } from '../time/DateTime.tsx';
import { venueClock } from '../time/format.ts';
import { nextDay, startOfDay } from '../time/venue-day.ts';
import { actionLabel, describeDetail } from './describe.ts';

/** The filters as the page's URL holds them: days at the venue, not instants. */
interface Filters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

function filtersOf(url: URL): Filters {
  const get = (name: string) => url.searchParams.get(name)?.trim() ?? '';
  return { action: get('action'), actor: get('actor'), from: get('from'), to: get('to') };
}

/** The API's query: "from" is the start of that day at the venue, "to" includes the whole of its day. */
function queryOf(filters: Filters, timeZone: string): AuditQuery {
  return {
    action: filters.action || undefined,
    actor: filters.actor || undefined,
    since: (filters.from && startOfDay(filters.from, timeZone)) || undefined,
    until: (filters.to && startOfDay(nextDay(filters.to), timeZone)) || undefined,
  };
}

export function auditLoader({ request, params }: LoaderFunctionArgs) {
  const meetingId = params.meetingId ?? '';
  return loadSignedIn(request, async () => {
    const filters = filtersOf(new URL(request.url));
    // The venue's time zone turns the days into instants; the meeting route loads it too, in parallel.
    const { meeting } = await fetchMeeting(meetingId, request.signal);
    const query = queryOf(filters, meeting.timeZone);
    const [{ entries }, people] = await Promise.all([
      fetchAudit(meetingId, query, request.signal),
      fetchRoster(meetingId, request.signal).catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 403) return null;
        throw error;
      }),
    ]);
    const actors = new Map<string, string>();
    for (const group of people?.delegations ?? []) {
      for (const p of group.participants) actors.set(p.userId, `${p.name} (${group.delegation.name})`);
    }
    for (const e of entries) {
      if (e.actorUserId && !actors.has(e.actorUserId)) actors.set(e.actorUserId, e.actorName);
    }
    return {
      filters,
      entries,
      actors: [...actors].sort((a, b) => a[1].localeCompare(b[1], 'en')),
      csvUrl: auditCsvUrl(meetingId, query),
    };
  });
}

/** `/meetings/:meetingId/audit`: every act that changed the meeting, its people or their roles. */
export function AuditLogPage() {
  const { filters, entries, actors, csvUrl } = useLoaderData<typeof auditLoader>();
  const { meeting } = useMeeting();
  const clock = venueClock(meeting);
  const id = useId();
  const loading = useNavigation().state === 'loading';
  const filtered = Object.values(filters).some(Boolean);

  return (
    <article className="zd-audit">
      <title>{`Audit log — ${meeting.title} — Zerodraft`}</title>
      <header className="zd-page-header">
        <p className="zd-symbol">
          <Link to={meetingPath(meeting.id)}>{meeting.symbol}</Link> · {meeting.title}
        </p>
        <h1>Audit log</h1>
        <p className="zd-muted">
          Every change to the meeting, its delegations, its people and their roles: who, for which delegation, when.
          Times are {meeting.venue} time; the entries cannot be changed or deleted.
        </p>
      </header>

      {/* A GET form: the filters live in the address, so a filtered log can be bookmarked and shared. */}
      <Form method="get" className="zd-filters" aria-label="Filter the audit log" key={JSON.stringify(filters)}>
        <div className="zd-field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} name="action" defaultValue={filters.action}>
            <option value="">All actions</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-actor`}>Person</label>
          <select id={`${id}-actor`} name="actor" defaultValue={filters.actor}>
            <option value="">Everyone</option>
            {actors.map(([userId, name]) => (
              <option key={userId} value={userId}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="zd-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="zd-filter-actions">
          <button type="submit" className="zd-button zd-button-primary">
            Filter
          </button>
          {filtered && (
            <Link to="." className="zd-button">
              Show all
            </Link>
          )}
        </div>
      </Form>

      <p className="zd-audit-summary">
        <span aria-live="polite">
          {loading
            ? 'Loading…'
            : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${filtered ? ' match the filters' : ''}.`}
        </span>{' '}
        <a href={csvUrl} download className="zd-button">
          Download CSV
        </a>
      </p>

      {entries.length === 0 ? (
        <p className="zd-muted">Nothing recorded{filtered ? ' matches these filters' : ' yet'}.</p>
      ) : (
        <table className="zd-table zd-audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Delegation</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const detail = describeDetail(entry.detail, clock);
              return (
                <tr key={entry.id}>
                  <td>
                    <DateTime iso={entry.at} clock={clock} />
                  </td>
                  <td>{entry.actorName}</td>
                  <td>{entry.actorDelegation ?? '—'}</td>
                  <td>
                    {actionLabel(entry.action)}
                    {detail && <span className="zd-cell-note">{detail}</span>}
                  </td>
                  <td>{entry.target}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
