import type { DelegationPresent, Roster } from '@zerodraft/shared/api/participants.ts';
import type { LoaderFunctionArgs } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { fetchDelegations } from '../api/meetings.ts';
import { fetchRoster } from '../api/participants.ts';
import { loadSignedIn } from '../session/sign-in-redirect.ts';

/** The Chair and the Secretariat see everyone; everyone else, the delegations present. */
export type RosterView = { kind: 'roster'; roster: Roster } | { kind: 'delegations'; delegations: DelegationPresent[] };

export function rosterLoader({ request, params }: LoaderFunctionArgs): Promise<RosterView> {
  const meetingId = params.meetingId ?? '';
  return loadSignedIn(request, async () => {
    try {
      return { kind: 'roster', roster: await fetchRoster(meetingId, request.signal) };
    } catch (error) {
      // The server decides who reads the roster; a refusal still leaves the delegations to show.
      if (!(error instanceof ApiRequestError && error.status === 403)) throw error;
      return { kind: 'delegations', delegations: (await fetchDelegations(meetingId, request.signal)).delegations };
    }
  });
}

/** Section ids typed as "s-a, s-b": trimmed, without blanks or repeats. */
export function sectionIdsFrom(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}
