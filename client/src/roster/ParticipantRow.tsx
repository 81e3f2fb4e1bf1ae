import type { RosterEntry } from '@zerodraft/shared/api/participants.ts';
import { ROLES, type Role } from '@zerodraft/shared/roles/permissions.ts';
import { useEffect, useId, useState } from 'react';
import { useFetcher } from 'react-router';
import { roleLabel } from '../meeting/labels.ts';
import type { rosterAction } from './roster-action.ts';
import { sectionIdsFrom } from './roster-data.ts';

/** One person on the roster: their role, the pen or sections that go with it, and removal. */
export function ParticipantRow({ participant, isSelf }: { participant: RosterEntry; isSelf: boolean }) {
  const id = useId();
  const fetcher = useFetcher<typeof rosterAction>();
  const [role, setRole] = useState<Role>(participant.role);
  const [hasPen, setHasPen] = useState(participant.hasPen);
  const [sections, setSections] = useState(participant.sections.join(', '));
  const [confirming, setConfirming] = useState(false);
  const busy = fetcher.state !== 'idle';
  const result = fetcher.data;

  // After a save, the roster reloads; the row shows what the server now holds.
  useEffect(() => {
    setRole(participant.role);
    setHasPen(participant.hasPen);
    setSections(participant.sections.join(', '));
  }, [participant.role, participant.hasPen, participant.sections]);

  const changed =
    role !== participant.role ||
    (role === 'bureau' && hasPen !== participant.hasPen) ||
    (role === 'facilitator' && sectionIdsFrom(sections).join() !== participant.sections.join());
  const who = `${participant.name}${isSelf ? ' (you)' : ''}`;

  return (
    <tr>
      <th scope="row">
        {who}
        <span className="zd-cell-note">{participant.email}</span>
      </th>
      <td>
        <fetcher.Form method="post" className="zd-role-form">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="userId" value={participant.userId} />
          <input type="hidden" name="name" value={participant.name} />
          <label htmlFor={`${id}-role`} className="zd-visually-hidden">
            Role of {participant.name}
          </label>
          <select id={`${id}-role`} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {roleLabel[value]}
              </option>
            ))}
          </select>
          {role === 'bureau' && (
            <label className="zd-inline-check">
              <input
                type="checkbox"
                name="hasPen"
                checked={hasPen}
                onChange={(event) => setHasPen(event.target.checked)}
              />{' '}
              Holds the pen
            </label>
          )}
          {role === 'facilitator' && (
            <span className="zd-inline-field">
              <label htmlFor={`${id}-sections`}>Sections</label>
              <input
                id={`${id}-sections`}
                name="sections"
                value={sections}
                onChange={(event) => setSections(event.target.value)}
                placeholder="s-a, s-b"
                size={12}
              />
            </span>
          )}
          <button
            type="submit"
            className="zd-button zd-button-primary"
            disabled={busy || !changed}
            aria-label={`Save ${participant.name}’s role`}
          >
            Save
          </button>
        </fetcher.Form>
        {result && 'userId' in result && result.intent === 'update' && !busy && (
          <p className={result.ok ? 'zd-row-ok' : 'zd-field-error'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
      </td>
      <td>
        {confirming ? (
          <fetcher.Form method="post" className="zd-confirm">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="userId" value={participant.userId} />
            <input type="hidden" name="name" value={participant.name} />
            <p id={`${id}-confirm`}>Remove {participant.name} from the meeting? Their open documents close at once.</p>
            <button
              type="submit"
              className="zd-button zd-button-danger"
              disabled={busy}
              aria-describedby={`${id}-confirm`}
            >
              Remove
            </button>{' '}
            <button type="button" className="zd-button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </fetcher.Form>
        ) : (
          <button
            type="button"
            className="zd-button"
            onClick={() => setConfirming(true)}
            aria-label={`Remove ${participant.name} from the meeting…`}
          >
            Remove…
          </button>
        )}
        {result && result.intent === 'remove' && !result.ok && !busy && (
          <p className="zd-field-error" role="alert">
            {result.message}
          </p>
        )}
      </td>
    </tr>
  );
}
