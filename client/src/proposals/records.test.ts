import { PROPOSALS_FIELD } from '@zerodraft/shared/proposals/record.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProposalRecords } from './records.ts';
import { recordOf } from './testing/bms7.ts';

/** As the server writes records: into the revision's Y.Doc, then sent to this client as an update. */
function serverWrites(client: Y.Doc, write: (records: Y.Map<unknown>) => void): void {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const before = Y.encodeStateVector(client);
  server.transact(() => write(server.getMap(PROPOSALS_FIELD)));
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, before));
}

describe('the proposals’ records in the Y.Doc', () => {
  it('reads every record and follows the server’s changes', () => {
    const ydoc = new Y.Doc();
    serverWrites(ydoc, (map) => map.set('mexico-grave', recordOf('mexico-grave', 'mexico')));
    const records = new ProposalRecords(ydoc);
    let told = 0;
    const stop = records.subscribe(() => told++);

    serverWrites(ydoc, (map) =>
      map.set('mexico-grave', recordOf('mexico-grave', 'mexico', { stances: { japan: 'support' } })),
    );

    expect(told).toBe(1);
    expect(records.snapshot.get('mexico-grave')?.stances['d-jpn']?.stance).toBe('support');
    stop();
  });

  it('leaves out what is not a record, or is filed under another id', () => {
    const ydoc = new Y.Doc();
    serverWrites(ydoc, (map) => {
      map.set('japan-all-01', recordOf('japan-all-01', 'japan'));
      map.set('broken-0001', { id: 'broken-0001', status: 'pending' });
      map.set('elsewhere01', recordOf('mexico-grave', 'mexico'));
    });

    expect([...new ProposalRecords(ydoc).snapshot.keys()]).toEqual(['japan-all-01']);
  });

  it('keeps the records that did not change as they were', () => {
    const ydoc = new Y.Doc();
    serverWrites(ydoc, (map) => {
      map.set('mexico-grave', recordOf('mexico-grave', 'mexico'));
      map.set('japan-all-01', recordOf('japan-all-01', 'japan'));
    });
    const records = new ProposalRecords(ydoc);
    const stop = records.subscribe(() => {});
    const before = records.snapshot;

    serverWrites(ydoc, (map) => map.set('japan-all-01', recordOf('japan-all-01', 'japan', { rationale: 'Brevity.' })));

    expect(records.snapshot).not.toBe(before);
    expect(records.snapshot.get('mexico-grave')).toBe(before.get('mexico-grave'));
    expect(records.snapshot.get('japan-all-01')?.rationale).toBe('Brevity.');
    stop();
  });

  it('catches up on changes made while nobody watched', () => {
    const ydoc = new Y.Doc();
    const records = new ProposalRecords(ydoc);
    records.subscribe(() => {})();

    serverWrites(ydoc, (map) => map.set('mexico-grave', recordOf('mexico-grave', 'mexico')));
    const stop = records.subscribe(() => {});

    expect([...records.snapshot.keys()]).toEqual(['mexico-grave']);
    stop();
  });
});
