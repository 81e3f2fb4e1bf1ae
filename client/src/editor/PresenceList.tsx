import type { Awareness } from 'y-protocols/awareness';
import { useOthersPresent } from './awareness.ts';

/** Who else has the revision open, each in their delegation's colour. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const others = useOthersPresent(awareness);
  return (
    <section className="zd-presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="zd-presence-title">
        Also here
      </h2>
      {others.length === 0 ? (
        <p className="zd-muted">No one else has this revision open.</p>
      ) : (
        <ul className="zd-chips">
          {others.map((person) => (
            <li
              key={`${person.delegation}/${person.name}`}
              className="zd-chip"
              style={{ backgroundColor: person.colour }}
            >
              {person.name} ({person.delegation})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
