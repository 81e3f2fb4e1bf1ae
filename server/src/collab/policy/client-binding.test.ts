import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessClientIds, unannouncedWriters } from './client-binding.ts';
import { handBuiltUpdate } from './hand-built-update.ts';

function room(): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('document').insert(0, [new Y.XmlText('Agreed words.')]);
  return doc;
}

/** A client's copy of the room, and the update of one edit it makes. */
function edit(source: Y.Doc, clientID: number, change: (text: Y.XmlText) => void): Uint8Array {
  const client = new Y.Doc();
  client.clientID = clientID;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(source));
  const before = Y.encodeStateVector(client);
  change(client.getXmlFragment('document').get(0) as Y.XmlText);
  return Y.encodeStateAsUpdate(client, before);
}

describe('update-to-client binding', () => {
  it('lets a connection write under the client ids it announced, and names any other', () => {
    const doc = room();
    const typed = edit(doc, 41, (text) => text.insert(0, 'New '));
    expect(unannouncedWriters(typed, doc, new Set([41]))).toEqual([]);
    expect(unannouncedWriters(typed, doc, new Set([7]))).toEqual([41]);
  });

  it('does not count what the document already has, nor deletions, which no client id signs', () => {
    const doc = room();
    const typed = edit(doc, 41, (text) => text.insert(0, 'New '));
    Y.applyUpdate(doc, typed);
    // A reconnecting client's sync step 2 carries what the server already has.
    expect(unannouncedWriters(typed, doc, new Set())).toEqual([]);
    const deleted = edit(doc, 99, (text) => text.delete(0, 4));
    expect(unannouncedWriters(deleted, doc, new Set())).toEqual([]);
  });

  it("counts a struct of no length at another client's next clock as writing under its id", () => {
    // It adds nothing, but Yjs, seeing its own id in someone else's update, makes that client
    // take a new id, one its connection never announced: all it writes from then on is refused.
    const doc = room();
    const words = doc.getXmlFragment('document').get(0) as Y.XmlText;
    const empty = (client: number, clock: number) =>
      handBuiltUpdate([{ client, clock, origin: words._start?.id ?? null, content: new Y.ContentString('') }]);
    expect(unannouncedWriters(empty(41, 0), doc, new Set([7]))).toEqual([41]);
    expect(unannouncedWriters(empty(41, 0), doc, new Set([41]))).toEqual([]);
    const victim = new Y.Doc();
    victim.clientID = 41;
    Y.applyUpdate(victim, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(victim, empty(41, 0));
    expect(victim.clientID).not.toBe(41);
  });

  it('reads the client ids an awareness update speaks for', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: null });
    expect(awarenessClientIds(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))).toEqual([
      awareness.clientID,
    ]);
  });
});
