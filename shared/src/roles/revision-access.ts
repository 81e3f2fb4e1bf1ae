import type { RevisionState } from '../api/meetings.ts';
import { underSilenceReason, type VenueClock } from '../lifecycle/silence.ts';
import { permission, ROLE_NAMES, type Standing } from './permissions.ts';

/** What one participant may do with one revision's text, and why not when they may not. */
export type RevisionAccess =
  | { read: false; write: false; reason: string }
  | { read: true; write: false; reason: string }
  | { read: true; write: true; mode: 'pen' | 'propose' };

const frozen: Partial<Record<RevisionState, string>> = {
  superseded: 'This revision has been superseded by a later one and can no longer change.',
  adopted: 'This revision has been adopted. It is final and can no longer change.',
  under_silence: 'The text is under silence procedure and cannot change.',
};

/** The silence procedure a revision under silence is in, so the reason can name its deadline. */
export interface SilenceContext {
  deadline: string;
  venue: VenueClock;
}

/**
 * Reading and writing a revision's text, from the matrix and the revision's state. "pen" edits
 * the text directly; "propose" may only add and change the participant's own delegation's
 * tracked suggestions, which the server checks on every update (DESIGN.md §3).
 */
export function revisionAccess(standing: Standing, state: RevisionState, silence?: SilenceContext): RevisionAccess {
  const readAction = state === 'in_preparation' ? 'readInPreparation' : 'readCirculated';
  if (permission(standing, readAction) === 'no') {
    return { read: false, write: false, reason: 'This revision does not exist.' };
  }
  const frozenReason =
    state === 'under_silence' && silence ? underSilenceReason(silence.deadline, silence.venue) : frozen[state];
  if (frozenReason) return { read: true, write: false, reason: frozenReason };
  if (permission(standing, 'editDirectly') === 'yes') return { read: true, write: true, mode: 'pen' };
  if (state === 'circulated' && permission(standing, 'propose') !== 'no') {
    return { read: true, write: true, mode: 'propose' };
  }
  const role = ROLE_NAMES[standing.role];
  const reason =
    standing.role === 'observer'
      ? 'Observers follow the text but do not change it.'
      : standing.role === 'secretariat'
        ? 'The Secretariat administers the meeting and does not change the text.'
        : state === 'in_preparation'
          ? 'This revision is in preparation; only the pen-holders edit it.'
          : `A ${role} cannot change this text.`;
  return { read: true, write: false, reason };
}
