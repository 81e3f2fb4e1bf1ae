import { useId } from 'react';
import type { DelegationChoice, ProposalFilter } from './filters.ts';
import { STATUS_CHOICES } from './filters.ts';
import type { SectionInOutline } from './outline.ts';

interface Props {
  filter: ProposalFilter;
  delegations: readonly DelegationChoice[];
  sections: readonly SectionInOutline[];
  onChange: (filter: ProposalFilter) => void;
}

const ALL = '';

/** Which proposals the panel lists: by delegation, section and status. */
export function ProposalFilters({ filter, delegations, sections, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="zd-proposal-filters">
      <legend>Show</legend>
      <label htmlFor={`${id}-delegation`}>Delegation</label>
      <select
        id={`${id}-delegation`}
        value={filter.delegationId ?? ALL}
        onChange={(event) => onChange({ ...filter, delegationId: event.target.value || null })}
      >
        <option value={ALL}>All delegations</option>
        {delegations.map((delegation) => (
          <option key={delegation.id} value={delegation.id}>
            {delegation.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-section`}>Section</label>
      <select
        id={`${id}-section`}
        value={filter.sid ?? ALL}
        aria-describedby={filter.sid === null || filter.status === 'pending' ? undefined : `${id}-section-note`}
        onChange={(event) => onChange({ ...filter, sid: event.target.value || null })}
      >
        <option value={ALL}>All sections</option>
        {sections.map((section) => (
          <option key={section.sid} value={section.sid}>
            {section.heading}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-status`}>Status</label>
      <select
        id={`${id}-status`}
        value={filter.status}
        onChange={(event) => {
          const choice = STATUS_CHOICES.find((c) => c.value === event.target.value);
          if (choice) onChange({ ...filter, status: choice.value });
        }}
      >
        {STATUS_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {filter.sid !== null && filter.status !== 'pending' && (
        <p id={`${id}-section-note`} className="zd-hint">
          A decided proposal has left the text, so a section lists its pending proposals only.
        </p>
      )}
    </fieldset>
  );
}
