import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Action, columnOf, MATRIX_COLUMNS, PERMISSIONS, type Permission, permission } from './permissions.ts';

/** The team's design document, beside the repository: the matrix must say what it says. */
const designPath = resolve(import.meta.dirname, '../../../../shared/DESIGN.md');

const rowActions: Record<string, Action> = {
  'read circulated revisions': 'readCirculated',
  'read a revision in preparation': 'readInPreparation',
  'edit text directly (pen)': 'editDirectly',
  'propose (own tracked suggestions)': 'propose',
  'support / oppose a proposal': 'supportOrOppose',
  'accept / reject proposals': 'acceptOrReject',
  'withdraw a proposal': 'withdrawProposal',
  'circulate a revision, start the next': 'circulate',
  'open / close a section, set paragraph status': 'manageSections',
  'start / withdraw a silence procedure': 'runSilence',
  'break silence (with objection)': 'breakSilence',
  'manage participants and roles': 'manageParticipants',
};

const cellPermissions: Record<string, Permission> = {
  '✓': 'yes',
  '—': 'no',
  own: 'own',
  'own section': 'ownSection',
  "own section's document, if appointed": 'appointed',
};

function designMatrix(): Map<Action, Permission[]> {
  const section = readFileSync(designPath, 'utf8').split('## 3.')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| action'));
  const matrix = new Map<Action, Permission[]>();
  for (const line of rows) {
    const [label, ...cells] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const action = rowActions[label ?? ''];
    if (!action) throw new Error(`DESIGN.md §3 has a row this matrix does not know: "${label}"`);
    matrix.set(
      action,
      cells.map((cell) => {
        const value = cellPermissions[cell];
        if (!value) throw new Error(`DESIGN.md §3, "${label}": unknown cell "${cell}"`);
        return value;
      }),
    );
  }
  return matrix;
}

describe('the permission matrix', () => {
  it('says exactly what DESIGN.md §3 says, row by row and column by column', () => {
    const design = designMatrix();
    expect([...design.keys()].sort()).toEqual(Object.values(rowActions).sort());
    for (const [action, cells] of design) {
      expect(
        MATRIX_COLUMNS.map((column) => PERMISSIONS[action][column]),
        action,
      ).toEqual(cells);
    }
  });

  it('gives the pen to a Bureau member only when the Chair has given it', () => {
    expect(columnOf({ role: 'bureau', hasPen: true })).toBe('bureauWithPen');
    expect(permission({ role: 'bureau', hasPen: true }, 'editDirectly')).toBe('yes');
    expect(permission({ role: 'bureau', hasPen: false }, 'editDirectly')).toBe('no');
    expect(permission({ role: 'bureau', hasPen: false }, 'propose')).toBe('yes');
  });

  it('keeps the administration of a meeting with the Chair and the Secretariat', () => {
    for (const action of ['manageParticipants', 'editMeeting', 'readRoster', 'readAuditLog'] as const) {
      expect(MATRIX_COLUMNS.filter((column) => PERMISSIONS[action][column] === 'yes')).toEqual([
        'chair',
        'secretariat',
      ]);
    }
  });
});
