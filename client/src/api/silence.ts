import {
  type BreakSilenceRequest,
  SilenceList,
  SilenceSaved,
  type StartSilenceRequest,
} from '@zerodraft/shared/api/silence.ts';
import { requestJson } from './http.ts';

/*
 * The silence procedure of a revision (DESIGN.md §1). Each act also changes the revision's
 * state, which every open editor hears at once through its `Access` message.
 */

const silencePath = (revisionId: string) => `/api/revisions/${encodeURIComponent(revisionId)}/silence`;

/** The running procedure, if any, and the ended ones, newest first, objections included. */
export function fetchSilence(revisionId: string, signal?: AbortSignal): Promise<SilenceList> {
  return requestJson(silencePath(revisionId), SilenceList, signal ? { signal } : {});
}

/** The Chair, or an appointed facilitator, places a circulated revision under silence until a deadline. */
export function startSilence(revisionId: string, request: StartSilenceRequest): Promise<SilenceSaved> {
  return requestJson(silencePath(revisionId), SilenceSaved, { method: 'POST', body: request });
}

/** A delegation breaks silence, before the deadline, with a written objection visible to all. */
export function breakSilence(revisionId: string, objection: string): Promise<SilenceSaved> {
  return requestJson(`${silencePath(revisionId)}/break`, SilenceSaved, {
    method: 'POST',
    body: { objection } satisfies BreakSilenceRequest,
  });
}

/** The Chair, or the facilitator running it, ends the procedure before the deadline. */
export function withdrawSilence(revisionId: string): Promise<SilenceSaved> {
  return requestJson(`${silencePath(revisionId)}/withdraw`, SilenceSaved, { method: 'POST' });
}
