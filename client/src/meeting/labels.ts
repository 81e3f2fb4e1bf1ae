import type { RevisionState } from '@zerodraft/shared/api/meetings.ts';
import type { DelegationKind } from '@zerodraft/shared/api/participants.ts';
import type { Role } from '@zerodraft/shared/api/session.ts';
import { ROLE_NAMES } from '@zerodraft/shared/roles/permissions.ts';

/** The words of DESIGN.md §1, as people at the meeting say them. */
export const roleLabel: Readonly<Record<Role, string>> = ROLE_NAMES;

/** A participant's role as the roster says it, the pen included: "Bureau (holds the pen)". */
export function standingLabel({ role, hasPen }: { role: Role; hasPen: boolean }): string {
  return role === 'bureau' && hasPen ? `${roleLabel.bureau} (holds the pen)` : roleLabel[role];
}

export const delegationKindLabel: Record<DelegationKind, string> = {
  state: 'Member State',
  observer_state: 'Observer State',
  igo: 'Intergovernmental organisation',
  ngo: 'Non-governmental organisation',
};

export const revisionStateLabel: Record<RevisionState, string> = {
  in_preparation: 'In preparation',
  circulated: 'Circulated',
  superseded: 'Superseded',
  under_silence: 'Under silence procedure',
  adopted: 'Adopted',
};

/** What a reader may do with the text in each state, said where the editor would be. */
export const revisionStateNote: Record<RevisionState, string | null> = {
  in_preparation: 'In preparation: visible to the Chair, the Bureau and the Secretariat only.',
  circulated: null,
  superseded: 'This revision has been superseded by a later one. Its text is frozen.',
  under_silence: 'This revision is under silence procedure. The text is locked for everyone.',
  adopted: 'This revision has been adopted. Its text is final.',
};

/** States in which the text may still change. */
export function isOpenForChanges(state: RevisionState): boolean {
  return state === 'in_preparation' || state === 'circulated';
}
