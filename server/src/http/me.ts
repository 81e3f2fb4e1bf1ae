import type { Me, Participation } from '@zerodraft/shared/api/session.ts';
import type { Store, UserRecord } from '../store/store.ts';

/** The signed-in user and their place in every meeting, as `GET /api/me` returns it. */
export async function describeMe(store: Store, user: UserRecord): Promise<Me> {
  const participations: Participation[] = [];
  for (const p of await store.listParticipations(user.id)) {
    const [meeting, delegation] = await Promise.all([
      store.findMeeting(p.meetingId),
      store.findDelegation(p.delegationId),
    ]);
    if (!meeting || !delegation) continue;
    participations.push({
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
      role: p.role,
      hasPen: p.hasPen,
      sections: p.sections,
    });
  }
  return { user: { id: user.id, email: user.email, name: user.name }, participations };
}
