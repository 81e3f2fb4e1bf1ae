import { useId, useMemo, useState } from 'react';
import { utcOffset } from './format.ts';

interface Zone {
  id: string;
  /** "America/New York (GMT-4)": as read, and what the search matches. */
  label: string;
}

function allZones(): Zone[] {
  const ids = Intl.supportedValuesOf('timeZone');
  if (!ids.includes('UTC')) ids.push('UTC');
  return ids.map((id) => ({ id, label: `${id.replaceAll('_', ' ')} (${utcOffset(id)})` }));
}

/**
 * The venue's IANA time zone: a list of every zone the browser knows, narrowed by a search
 * ("geneva", "new york", "GMT+2"). The list keeps the zone chosen even when the search hides it.
 */
export function TimeZoneSelect({ name, label, defaultValue }: { name: string; label: string; defaultValue: string }) {
  const id = useId();
  const zones = useMemo(allZones, []);
  const [query, setQuery] = useState('');
  const [value, setValue] = useState(defaultValue);
  const wanted = query.trim().toLocaleLowerCase('en').replaceAll('_', ' ');
  const shown = zones.filter((zone) => zone.id === value || zone.label.toLocaleLowerCase('en').includes(wanted));
  if (value && !zones.some((zone) => zone.id === value)) shown.unshift({ id: value, label: value });

  return (
    <div className="zd-field zd-time-zone">
      <label htmlFor={`${id}-select`}>{label}</label>
      <input
        id={`${id}-search`}
        type="search"
        className="zd-time-zone-search"
        placeholder="Search, e.g. Geneva or New York"
        aria-label={`Search the list of time zones for the ${label.toLocaleLowerCase('en')}`}
        aria-controls={`${id}-select`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          const first = zones.find((zone) =>
            zone.label.toLocaleLowerCase('en').includes(event.target.value.trim().toLocaleLowerCase('en')),
          );
          // Picks the first match, so typing a city is enough.
          if (first && event.target.value.trim()) setValue(first.id);
        }}
      />
      <select
        id={`${id}-select`}
        name={name}
        size={6}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        required
      >
        {shown.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.label}
          </option>
        ))}
      </select>
      <p className="zd-hint" aria-live="polite">
        {value ? `Chosen: ${value.replaceAll('_', ' ')}, ${utcOffset(value)} today.` : 'No time zone chosen yet.'}
      </p>
    </div>
  );
}
