import type { PresenceUser } from '@zerodraft/shared/presence.ts';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** For a presence whose colour is missing or malformed: visible, and tied to no delegation. */
const NEUTRAL_COLOUR = '#595959';

/** The `user` of an awareness state, if it has the shape `shared/presence.ts` defines. */
export function presenceOf(user: unknown): PresenceUser | null {
  if (typeof user !== 'object' || user === null) return null;
  const { name, delegation, colour } = user as Record<string, unknown>;
  if (typeof name !== 'string' || typeof delegation !== 'string') return null;
  return { name, delegation, colour: typeof colour === 'string' && HEX_COLOUR.test(colour) ? colour : NEUTRAL_COLOUR };
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The other people who have this revision open, once each however many tabs they use. */
export function useOthersPresent(awareness: Awareness): PresenceUser[] {
  const [others, setOthers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    let shown = '';
    const update = () => {
      const people = new Map<string, PresenceUser>();
      for (const [clientId, state] of awareness.getStates()) {
        const person = clientId === awareness.clientID ? null : presenceOf(state.user);
        if (person) people.set(`${person.name}\u0000${person.delegation}`, person);
      }
      const sorted = [...people.values()].sort(
        (a, b) => a.delegation.localeCompare(b.delegation) || a.name.localeCompare(b.name),
      );
      // Cursors move on every keystroke; only a change of who is here re-renders.
      const key = JSON.stringify(sorted);
      if (key === shown) return;
      shown = key;
      setOthers(sorted);
    };
    // Our own state changes (the caret extension sets it while the editor is being created)
    // say nothing about who else is here.
    const onChange = ({ added, updated, removed }: AwarenessChange) => {
      if ([...added, ...updated, ...removed].some((clientId) => clientId !== awareness.clientID)) update();
    };
    update();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return others;
}
