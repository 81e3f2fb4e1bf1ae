import { Role } from '@zerodraft/shared/api/session.ts';
import type { ActionFunctionArgs } from 'react-router';
import { ApiRequestError } from '../api/http.ts';
import { addDelegation } from '../api/meetings.ts';
import { removeParticipant, updateParticipant } from '../api/participants.ts';
import { delegationChoiceFrom } from '../delegations/delegation-choice.ts';
import { sectionIdsFrom } from './roster-data.ts';

export type RosterResult =
  | { intent: 'update' | 'remove'; userId: string; ok: true; message: string }
  | { intent: 'update' | 'remove'; userId: string; ok: false; message: string }
  | { intent: 'addDelegation'; ok: boolean; message: string };

/** The roster's three acts: change a participant's place, remove them, add a delegation. */
export async function rosterAction({ request, params }: ActionFunctionArgs): Promise<RosterResult> {
  const meetingId = params.meetingId ?? '';
  const form = await request.formData();
  const intent = String(form.get('intent'));
  try {
    if (intent === 'addDelegation') {
      const choice = delegationChoiceFrom(form);
      if ('error' in choice) return { intent, ok: false, message: choice.error };
      const { delegation } = await addDelegation(meetingId, choice.choice);
      return { intent, ok: true, message: `${delegation.name} is now in the meeting.` };
    }
    const userId = String(form.get('userId') ?? '');
    const name = String(form.get('name') ?? 'The participant');
    if (intent === 'remove') {
      await removeParticipant(meetingId, userId);
      return { intent, userId, ok: true, message: `${name} is no longer in the meeting.` };
    }
    const role = Role.safeParse(form.get('role'));
    if (!role.success) return { intent: 'update', userId, ok: false, message: 'Choose a role from the list.' };
    const { participant } = await updateParticipant(meetingId, userId, {
      role: role.data,
      hasPen: role.data === 'bureau' ? form.get('hasPen') === 'on' : false,
      sections: role.data === 'facilitator' ? sectionIdsFrom(String(form.get('sections') ?? '')) : [],
    });
    return { intent: 'update', userId, ok: true, message: `Saved. ${participant.name}’s new role applies at once.` };
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    const userId = String(form.get('userId') ?? '');
    return intent === 'addDelegation'
      ? { intent, ok: false, message: error.message }
      : { intent: intent === 'remove' ? 'remove' : 'update', userId, ok: false, message: error.message };
  }
}
