import type { Standing } from '@zerodraft/shared/roles/permissions.ts';
import { HttpError } from '../http/errors.ts';
import type { MeetingStanding } from './standing.ts';

type Place = Pick<Standing, 'role' | 'hasPen'>;

/** The Chair's role and a Bureau member's pen: the right to change the text directly. */
const holdsPen = ({ role, hasPen }: Place) => role === 'chair' || (role === 'bureau' && hasPen);

/**
 * Who may put whom where, beyond "manage participants" of DESIGN.md §3: administering a meeting
 * must not become a way to the text. Nobody changes their own place (a Secretariat could make
 * itself Chair), and only the Chair gives or takes away the pen. `before` is null for someone
 * not yet in the meeting (an invitation), `after` null for a removal.
 */
export function authorizePlacement(
  actor: MeetingStanding,
  target: { userId: string | null; before: Place | null; after: Place | null },
): void {
  if (target.userId !== null && target.userId === actor.participant.userId) {
    throw new HttpError(403, 'own_place', 'Nobody changes their own role. Ask another administrator of the meeting.');
  }
  const penBefore = target.before !== null && holdsPen(target.before);
  const penAfter = target.after !== null && holdsPen(target.after);
  const penMoves = penBefore !== penAfter || (penBefore && target.before?.role !== target.after?.role);
  if (penMoves && actor.participant.role !== 'chair') {
    throw new HttpError(
      403,
      'pen_is_the_chairs',
      'Only the Chair gives or takes away the pen: the role of Chair, and a Bureau member holding the pen.',
    );
  }
}
