import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { ZERO_DRAFT_NAME } from '@zerodraft/shared/lifecycle/circulation.ts';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import * as Y from 'yjs';
import { hashPassword } from '../auth/passwords.ts';
import { mergeUpdates } from '../collab/room.ts';
import type { DelegationKind, DelegationRecord, ParticipantRole, Store, UserRecord } from '../store/store.ts';
import { zeroDraft } from './zero-draft.ts';

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  delegation: string;
  role: ParticipantRole;
}

interface DemoDelegation {
  name: string;
  code: string;
  kind: DelegationKind;
  person: string;
  role: ParticipantRole;
}

/** The people of the demo meeting; fictional names, real delegations. Listed in the README. */
const delegations: DemoDelegation[] = [
  { name: 'Kenya', code: 'KEN', kind: 'state', person: 'Amina Wanjiru', role: 'chair' },
  { name: 'Mexico', code: 'MEX', kind: 'state', person: 'Lucía Hernández', role: 'delegation' },
  { name: 'Switzerland', code: 'CHE', kind: 'state', person: 'Lukas Meier', role: 'delegation' },
  { name: 'Japan', code: 'JPN', kind: 'state', person: 'Haruto Sato', role: 'delegation' },
  { name: 'Nigeria', code: 'NGA', kind: 'state', person: 'Chidi Okafor', role: 'delegation' },
  { name: 'Brazil', code: 'BRA', kind: 'state', person: 'Ana Carvalho', role: 'delegation' },
  {
    name: 'United Nations Office for Disarmament Affairs',
    code: 'UNODA',
    kind: 'igo',
    person: 'BMS7 Secretariat',
    role: 'secretariat',
  },
];

/** In the words of the Chair's letters of the time (`../shared/seeds/`). */
const ZERO_DRAFT_COVER_NOTE = [
  'Excellency,',
  'Further to my letter of 20 April 2021, I have the pleasure to circulate the "zero draft" of the Outcome Document of the Seventh Biennial Meeting of States (BMS7), to be convened from 26 to 30 July 2021 in New York.',
  'It is a very initial and informal paper, reflecting the proposals and inputs that delegations put forward in our informal consultations. I look forward to enriching it with you in the coming weeks, and invite delegations to make their proposals directly in the text.',
  'Please accept, Excellency, the renewed assurances of my highest consideration.',
].join('\n\n');

const login = (d: DemoDelegation) => (d.role === 'secretariat' ? 'secretariat' : d.name.toLowerCase());

export const demoAccounts: DemoAccount[] = delegations.map((d) => ({
  email: `${login(d)}@bms7.example`,
  password: `bms7-${login(d)}`,
  name: d.person,
  delegation: d.name,
  role: d.role,
}));

/**
 * Creates the BMS7 demo meeting, its people and its circulated zero draft, if the store has
 * no users yet. Returns whether it did.
 */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  const meeting = await store.createMeeting({
    id: randomUUID(),
    title: 'Seventh Biennial Meeting of States on Small Arms and Light Weapons (BMS7)',
    symbol: 'A/CONF.192/BMS/2021',
    venue: 'New York',
    timeZone: 'America/New_York',
    startsOn: '2021-07-26',
    endsOn: '2021-07-30',
  });
  const chairOf: { user: UserRecord; delegation: DelegationRecord }[] = [];
  for (const [i, d] of delegations.entries()) {
    const delegation = await store.createDelegation({
      id: randomUUID(),
      meetingId: meeting.id,
      name: d.name,
      code: d.code,
      kind: d.kind,
    });
    const account = demoAccounts[i] as DemoAccount;
    const user = await store.createUser({
      id: randomUUID(),
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
    });
    if (d.role === 'chair') chairOf.push({ user, delegation });
    await store.addParticipant({
      meetingId: meeting.id,
      userId: user.id,
      delegationId: delegation.id,
      role: d.role,
      hasPen: false,
      sections: [],
    });
  }
  const chair = chairOf.at(0);
  if (!chair) throw new Error('The demo has no Chair');
  const actor = {
    meetingId: meeting.id,
    actorUserId: chair.user.id,
    actorName: chair.user.name,
    actorDelegation: chair.delegation.name,
  };
  const title = 'Outcome document';
  const ydoc = prosemirrorJSONToYDoc(documentSchema, zeroDraft(), DOCUMENT_FIELD);
  const started = await store.createDocumentWithDraft(
    { id: randomUUID(), meetingId: meeting.id, title },
    { id: randomUUID(), name: ZERO_DRAFT_NAME },
    Y.encodeStateAsUpdate(ydoc),
    { ...actor, action: 'document.create', target: title, detail: { revision: ZERO_DRAFT_NAME } },
  );
  ydoc.destroy();
  if (!started) throw new Error('The demo meeting already has its outcome document');
  const { revision } = started;
  const circulated = await store.circulateRevision(
    revision.id,
    ZERO_DRAFT_NAME,
    {
      dated: '2021-04-30',
      circulatedAt: new Date().toISOString(),
      circulatedBy: {
        userId: chair.user.id,
        userName: chair.user.name,
        delegationId: chair.delegation.id,
        delegationName: chair.delegation.name,
      },
      coverNote: ZERO_DRAFT_COVER_NOTE,
    },
    mergeUpdates,
    () => ({
      ...actor,
      action: 'revision.circulate',
      target: ZERO_DRAFT_NAME,
      detail: { dated: '2021-04-30', superseded: [] },
    }),
  );
  if (!circulated.ok) throw new Error(`The demo's zero draft could not be circulated: ${circulated.refusal}`);
  return true;
}
