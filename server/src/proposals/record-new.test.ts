import { describe, expect, it } from 'vitest';
import { recordNewProposals } from './record-new.ts';
import { meetingWith } from './test-meeting.ts';
import { inserted, paragraph, words } from './test-text.ts';

describe('records of new proposals', () => {
  it("records a proposal in the sender's own name at server time, and leaves one in another's name to the acts", async () => {
    const m = await meetingWith((who) => [
      paragraph('p-1', words('Expresses '), words('deep ', inserted(who('Mexico', 'mexico-deep'))), words('concern')),
      paragraph('p-2', words('Notes'), words(' today', inserted(who('Japan', 'japan-today')))),
    ]);
    const room = await m.parts.rooms.open('rev-acts');
    const created = await recordNewProposals(
      room,
      { standing: await m.as('Mexico') },
      ['mexico-deep', 'japan-today'],
      () => new Date('2021-07-27T14:00:05.000Z'),
    );
    expect(created).toEqual(['mexico-deep']);
    expect(await m.record('mexico-deep')).toMatchObject({
      delegationName: 'Mexico',
      userName: 'Lucía Hernández',
      createdAt: '2021-07-27T14:00:05.000Z',
      status: 'pending',
    });
    expect(await m.record('japan-today')).toBeUndefined();
  });
});
