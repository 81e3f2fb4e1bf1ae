import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ShadowDoc } from './shadow.ts';

/** An agreed paragraph, written by client 1000. */
function agreedText(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1000;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('hello world agreed text')]);
  doc.getXmlFragment('document').insert(0, [paragraph]);
  return doc;
}

const text = (doc: Y.Doc) => doc.getXmlFragment('document').toString();

/**
 * Found by fuzzing: it decodes as a Yjs update but throws half-way through being applied,
 * after changing part of the text.
 */
const halfApplying = Buffer.from(
  '0103d00f00c6e80704e8070504626f6c640474727565c4d00f00e807050358595ac6d00f35e8070504626f6c64046e756c6c01e807010202',
  'hex',
);

describe('the shadow copy an update is tried on', () => {
  it('tells an update that changes the text from one that changes nothing', () => {
    const room = agreedText();
    const shadow = new ShadowDoc(room);
    const delegate = new Y.Doc();
    Y.applyUpdate(delegate, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(delegate);
    ((delegate.getXmlFragment('document').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 6);
    const deletion = Y.encodeStateAsUpdate(delegate, before);

    expect(shadow.try(deletion, room)).toBe('changes');
    Y.applyUpdate(room, deletion);
    // What a reader's provider sends on every reconnect: all it knows, deletions included.
    expect(shadow.try(Y.encodeStateAsUpdate(delegate), room)).toBe('no-op');
  });

  it('refuses an update that throws while applied, and is left equal to the room', () => {
    const room = agreedText();
    const shadow = new ShadowDoc(room);
    expect(shadow.try(halfApplying, room)).toBe('invalid');
    expect(text(room)).toBe('<paragraph>hello world agreed text</paragraph>');
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(room));
    const sv = Y.encodeStateVector(honest);
    ((honest.getXmlFragment('document').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Yes, ');
    expect(shadow.try(Y.encodeStateAsUpdate(honest, sv), room)).toBe('changes');
  });

  it('reports the types an update touched, not those it created, and forgets them once rebuilt', () => {
    const room = agreedText();
    const shadow = new ShadowDoc(room);
    const delegate = new Y.Doc();
    Y.applyUpdate(delegate, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(delegate);
    const paragraph = delegate.getXmlFragment('document').get(0) as Y.XmlElement;
    delegate.transact(() => {
      (paragraph.get(0) as Y.XmlText).insert(0, 'Yes, ');
      delegate.getXmlFragment('document').insert(1, [new Y.XmlElement('paragraph')]);
    });

    expect(shadow.try(Y.encodeStateAsUpdate(delegate, before), room)).toBe('changes');
    const touched = shadow.lastChange;
    expect([...(touched?.changed.keys() ?? [])].map((type) => type.toJSON())).toEqual([
      'Yes, hello world agreed text',
      '<paragraph>Yes, hello world agreed text</paragraph><paragraph></paragraph>',
    ]);
    expect(touched?.beforeState).toEqual(new Map([[1000, Y.getState(room.store, 1000)]]));
    shadow.rebuild(room);
    expect(shadow.lastChange).toBeNull();
  });

  it('refuses an update whose predecessors the server never received', () => {
    const room = agreedText();
    const shadow = new ShadowDoc(room);
    const delegate = new Y.Doc();
    Y.applyUpdate(delegate, Y.encodeStateAsUpdate(room));
    const t = (delegate.getXmlFragment('document').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const first = Y.encodeStateVector(delegate);
    t.insert(0, 'A');
    const second = Y.encodeStateVector(delegate);
    t.insert(1, 'B');
    expect(shadow.try(Y.encodeStateAsUpdate(delegate, second), room)).toBe('incomplete');
    expect(shadow.try(Y.encodeStateAsUpdate(delegate, first), room)).toBe('changes');
  });
});
