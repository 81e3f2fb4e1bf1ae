import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PersistedTracker } from './persisted.ts';
import { FakeCollabServer } from './testing/fake-collab-server.ts';
import { UnconfirmedWords } from './unconfirmed-words.ts';

/** The shape y-prosemirror gives a paragraph: an element holding one Y.XmlText. */
function paragraphOf(fragment: Y.XmlFragment, index: number): Y.XmlText {
  const paragraph = fragment.get(index);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`No paragraph at ${index}`);
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`Paragraph ${index} has no text`);
  return text;
}

function addParagraph(fragment: Y.XmlFragment, words: string, index = fragment.length): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  fragment.insert(index, [paragraph]);
}

describe('UnconfirmedWords', () => {
  let server: FakeCollabServer;
  let doc: Y.Doc;
  let fragment: Y.XmlFragment;
  let provider: WebsocketProvider;
  let persisted: PersistedTracker;
  let unconfirmed: UnconfirmedWords;

  beforeEach(async () => {
    server = new FakeCollabServer();
    // The circulated text, written by the Chair before anyone opened it here.
    const onServer = server.doc.getXmlFragment('document');
    addParagraph(onServer, 'Reaffirms the Programme of Action.');
    addParagraph(onServer, 'Encourages States to report.');

    doc = new Y.Doc();
    fragment = doc.getXmlFragment('document');
    provider = server.provider(doc);
    persisted = new PersistedTracker(provider, { coalesceMs: 10 });
    unconfirmed = new UnconfirmedWords(fragment, persisted);
    provider.connect();
    await vi.waitFor(() => expect(fragment.length).toBe(2));
  });

  afterEach(() => {
    unconfirmed.destroy();
    persisted.destroy();
    provider.destroy();
  });

  /** Types at `offset` in paragraph `index`, one keystroke per character, as the editor does. */
  const type = (index: number, offset: number, words: string) => {
    for (const [i, letter] of [...words].entries()) paragraphOf(fragment, index).insert(offset + i, letter);
  };

  const saved = async () => {
    await vi.waitFor(() => expect(server.persistedRequests.length).toBeGreaterThan(0));
    server.commit();
    await vi.waitFor(() => expect(persisted.state).toBe('saved'));
  };

  it('has nothing to show when nothing was typed', () => {
    expect(unconfirmed.passages()).toEqual([]);
  });

  it('shows the words typed since the last confirmed save, not those already saved', async () => {
    type(0, 8, 'once more ');
    await saved();
    expect(unconfirmed.passages()).toEqual([]);

    type(1, 11, 'and organizations ');
    expect(unconfirmed.passages()).toEqual(['and organizations']);
  });

  it('continues a word typed across a confirmation without repeating its saved part', async () => {
    type(1, 27, ' annually');
    await saved();
    type(1, 36, ' on progress');
    expect(paragraphOf(fragment, 1).toString()).toBe('Encourages States to report annually on progress.');
    expect(unconfirmed.passages()).toEqual(['on progress']);
  });

  it('leaves out another delegation’s words arriving in the middle of its own', async () => {
    type(0, 34, ' Welcomes the report.');
    await vi.waitFor(() => expect(server.doc.getXmlFragment('document').toString()).toContain('Welcomes'));
    // Mexico's words arrive through the server, inside the ones typed here.
    const serverText = (server.doc.getXmlFragment('document').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    serverText.insert(48, 'annual ');
    await vi.waitFor(() => expect(paragraphOf(fragment, 0).toString()).toContain('the annual report'));

    expect(unconfirmed.passages()).toEqual(['Welcomes the', 'report.']);
  });

  it('does not show words typed and deleted again', async () => {
    type(0, 8, 'firmly ');
    paragraphOf(fragment, 0).delete(8, 7);
    type(1, 0, 'Strongly ');
    expect(unconfirmed.passages()).toEqual(['Strongly']);
  });

  it('shows each new paragraph as a passage of its own, in document order', () => {
    addParagraph(fragment, 'Decides to convene an open-ended working group.', 1);
    addParagraph(fragment, 'Requests the Secretariat to support it.');
    type(0, 0, 'Also ');
    expect(unconfirmed.passages()).toEqual([
      'Also',
      'Decides to convene an open-ended working group.',
      'Requests the Secretariat to support it.',
    ]);
  });

  it('keeps the words of a change the server refused after the connection closed', async () => {
    type(0, 0, 'Firmly ');
    await saved();
    type(1, 0, 'Calls upon all States to ');
    server.close(
      CloseCode.UpdateRefused.code,
      'Your change was refused: Observers follow the text but do not change it.',
    );
    await vi.waitFor(() => expect(provider.shouldConnect).toBe(false));
    expect(persisted.state).toBe('not-saved');
    expect(unconfirmed.passages()).toEqual(['Calls upon all States to']);
  });
});
