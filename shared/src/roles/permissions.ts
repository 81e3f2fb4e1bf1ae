/**
 * Who may do what in a meeting: the matrix of DESIGN.md §3, as data. The server decides every
 * request and every websocket message from this table; the client reads it only to show the
 * right controls.
 */

export const ROLES = ['chair', 'bureau', 'facilitator', 'secretariat', 'delegation', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The matrix's columns. A Bureau member holds the pen only when the Chair gives it to them. */
export const MATRIX_COLUMNS = [
  'chair',
  'bureauWithPen',
  'facilitator',
  'secretariat',
  'delegation',
  'observer',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

/**
 * - `yes` / `no`
 * - `own`: only on one's own delegation's proposals
 * - `ownSection`: only on the sections the facilitator is assigned to
 * - `appointed`: only on a document the facilitator is appointed for
 */
export type Permission = 'yes' | 'no' | 'own' | 'ownSection' | 'appointed';

export const ACTIONS = [
  'readCirculated',
  'readInPreparation',
  'editDirectly',
  'propose',
  'supportOrOppose',
  'acceptOrReject',
  'withdrawProposal',
  'circulate',
  'manageSections',
  'runSilence',
  'breakSilence',
  'manageParticipants',
  'editMeeting',
  'readRoster',
  'readAuditLog',
  'appointFacilitators',
  'setSilenceNotice',
] as const;
export type Action = (typeof ACTIONS)[number];

const row = (
  chair: Permission,
  bureauWithPen: Permission,
  facilitator: Permission,
  secretariat: Permission,
  delegation: Permission,
  observer: Permission,
): Record<MatrixColumn, Permission> => ({ chair, bureauWithPen, facilitator, secretariat, delegation, observer });

/** DESIGN.md §3, row by row, in the column order chair, bureau with pen, facilitator, secretariat, delegation, observer. */
export const PERMISSIONS: Readonly<Record<Action, Readonly<Record<MatrixColumn, Permission>>>> = {
  readCirculated: row('yes', 'yes', 'yes', 'yes', 'yes', 'yes'),
  readInPreparation: row('yes', 'yes', 'no', 'yes', 'no', 'no'),
  editDirectly: row('yes', 'yes', 'no', 'no', 'no', 'no'),
  propose: row('yes', 'yes', 'yes', 'no', 'yes', 'no'),
  supportOrOppose: row('no', 'no', 'no', 'no', 'yes', 'no'),
  acceptOrReject: row('yes', 'yes', 'no', 'no', 'no', 'no'),
  withdrawProposal: row('own', 'own', 'own', 'no', 'own', 'no'),
  circulate: row('yes', 'no', 'no', 'no', 'no', 'no'),
  manageSections: row('yes', 'yes', 'ownSection', 'no', 'no', 'no'),
  runSilence: row('yes', 'no', 'appointed', 'no', 'no', 'no'),
  breakSilence: row('no', 'no', 'no', 'no', 'yes', 'no'),
  manageParticipants: row('yes', 'no', 'no', 'yes', 'no', 'no'),
  // Not in DESIGN.md §3's table; they follow "manage participants": those who administer the meeting.
  editMeeting: row('yes', 'no', 'no', 'yes', 'no', 'no'),
  readRoster: row('yes', 'no', 'no', 'yes', 'no', 'no'),
  readAuditLog: row('yes', 'no', 'no', 'yes', 'no', 'no'),
  // DESIGN.md §1: a facilitator is appointed by the Chair; §3's "if appointed" is this act.
  appointFacilitators: row('yes', 'no', 'no', 'no', 'no', 'no'),
  // Issue 6: the Chair configures the minimum notice, which decides how soon a text can be adopted.
  setSilenceNotice: row('yes', 'no', 'no', 'no', 'no', 'no'),
};

/** A person's place in one meeting, as far as permissions go. */
export interface Standing {
  role: Role;
  /** Bureau only: the Chair has given them the pen. */
  hasPen: boolean;
  /** Facilitator only: the section ids (`sid`) assigned to them. */
  sections: readonly string[];
}

/**
 * The matrix column a participant falls in. A Bureau member without the pen takes part as a
 * member of their delegation: they propose, support and oppose like one.
 */
export function columnOf({ role, hasPen }: Pick<Standing, 'role' | 'hasPen'>): MatrixColumn {
  if (role === 'bureau') return hasPen ? 'bureauWithPen' : 'delegation';
  return role;
}

export function permission(standing: Pick<Standing, 'role' | 'hasPen'>, action: Action): Permission {
  return PERMISSIONS[action][columnOf(standing)];
}

/** Whether the participant may take the action at all (`own`, `ownSection`, `appointed` count as may, with a check to follow). */
export function mayEver(standing: Pick<Standing, 'role' | 'hasPen'>, action: Action): boolean {
  return permission(standing, action) !== 'no';
}

/**
 * Setting up a new meeting is the Secretariat's work (DESIGN.md §1): whoever serves as the
 * Secretariat of a meeting may found another, and becomes its Secretariat. Delegates cannot,
 * so nobody can invite arbitrary addresses into a meeting of their own making.
 */
export function maySetUpMeetings(rolesHeld: readonly Role[]): boolean {
  return rolesHeld.includes('secretariat');
}

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  chair: 'Chair',
  bureau: 'Bureau',
  facilitator: 'Facilitator',
  secretariat: 'Secretariat',
  delegation: 'Delegation member',
  observer: 'Observer',
};
