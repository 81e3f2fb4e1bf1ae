import type { Participation } from '@zerodraft/shared/api/session.ts';
import { useMatches } from 'react-router';

function hasParticipation(data: unknown): data is { participation: Participation } {
  return typeof data === 'object' && data !== null && 'participation' in data;
}

/** The caller's place in the meeting the current page belongs to, if it belongs to one. */
export function useCurrentParticipation(): Participation | null {
  const match = useMatches().findLast((m) => hasParticipation(m.loaderData));
  return hasParticipation(match?.loaderData) ? match.loaderData.participation : null;
}
