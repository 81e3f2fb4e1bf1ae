import type { RevisionState } from '../api/meetings.ts';
import { permission, type Standing } from '../roles/permissions.ts';

/**
 * The life of a revision (DESIGN.md §1): in preparation → circulated → superseded; circulated →
 * under silence → adopted, or back to circulated when the silence is broken or withdrawn.
 * Superseded and adopted are final. Only the server moves a revision, through these events.
 */
export type RevisionEvent =
  /** The Chair circulates a revision in preparation. */
  | 'circulate'
  /** The next revision of the document was circulated. */
  | 'supersede'
  /** The Chair or an appointed facilitator places the text under silence. */
  | 'startSilence'
  /** The silence was broken by an objection or withdrawn: the text is open again. */
  | 'endSilence'
  /** The deadline passed with no objection. */
  | 'adopt';

export const FINAL_REVISION_STATES: readonly RevisionState[] = ['superseded', 'adopted'];

const TRANSITIONS: Readonly<Record<RevisionEvent, { from: RevisionState; to: RevisionState }>> = {
  circulate: { from: 'in_preparation', to: 'circulated' },
  supersede: { from: 'circulated', to: 'superseded' },
  startSilence: { from: 'circulated', to: 'under_silence' },
  endSilence: { from: 'under_silence', to: 'circulated' },
  adopt: { from: 'under_silence', to: 'adopted' },
};

const IN_WORDS: Readonly<Record<RevisionState, string>> = {
  in_preparation: 'is in preparation',
  circulated: 'is circulated',
  superseded: 'has been superseded by a later one',
  under_silence: 'is under silence procedure',
  adopted: 'has been adopted',
};

const EVENT_IN_WORDS: Readonly<Record<RevisionEvent, string>> = {
  circulate: 'circulated',
  supersede: 'superseded',
  startSilence: 'placed under silence',
  endSilence: 'reopened after a silence procedure',
  adopt: 'adopted',
};

export type RevisionTransition = { ok: true; to: RevisionState } | { ok: false; reason: string };

/** The state `event` moves a revision in `from` to, or why it cannot happen to it now. */
export function revisionTransition(from: RevisionState, event: RevisionEvent): RevisionTransition {
  const transition = TRANSITIONS[event];
  if (transition.from === from) return { ok: true, to: transition.to };
  const now = `This revision ${IN_WORDS[from]}`;
  const final = FINAL_REVISION_STATES.includes(from) ? ' and can no longer change' : '';
  return { ok: false, reason: `${now}${final}: it cannot be ${EVENT_IN_WORDS[event]}.` };
}

/**
 * Whether this participant may cause `event` themselves: the Chair circulates; the Chair, or a
 * facilitator appointed for the document, places it under silence. The other events are the
 * server's own consequences (the next revision circulated, a silence ended or run out).
 */
export function mayCause(
  standing: Pick<Standing, 'role' | 'hasPen'>,
  event: RevisionEvent,
  appointed: boolean,
): boolean {
  if (event === 'circulate') return permission(standing, 'circulate') === 'yes';
  if (event === 'startSilence') return mayRunSilence(standing, appointed);
  return false;
}

/** The Chair, or a facilitator appointed for the document, starts and withdraws its silence procedures. */
export function mayRunSilence(standing: Pick<Standing, 'role' | 'hasPen'>, appointed: boolean): boolean {
  const granted = permission(standing, 'runSilence');
  return granted === 'yes' || (granted === 'appointed' && appointed);
}
