import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import * as Y from 'yjs';
import { hashPassword } from '../auth/passwords.ts';
import type { DelegationKind, ParticipantRole, Store } from '../store/store.ts';
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
    await store.addParticipant({
      meetingId: meeting.id,
      userId: user.id,
      delegationId: delegation.id,
      role: d.role,
      hasPen: false,
      sections: [],
    });
  }
  const document = await store.createDocument({ id: randomUUID(), meetingId: meeting.id, title: 'Outcome document' });
  const revision = await store.createRevision({
    id: randomUUID(),
    documentId: document.id,
    name: 'Zero draft',
    state: 'circulated',
  });
  const ydoc = prosemirrorJSONToYDoc(documentSchema, zeroDraft(), DOCUMENT_FIELD);
  await store.appendUpdate(revision.id, Y.encodeStateAsUpdate(ydoc));
  ydoc.destroy();
  return true;
}
