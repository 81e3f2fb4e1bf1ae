import { marked } from '@zerodraft/server/collab/policy/revision-fixture.ts';
import { Me } from '@zerodraft/shared/api/session.ts';
import { newId } from '@zerodraft/shared/schema/paragraph-ids.ts';
import type { SuggestionAttrs } from '@zerodraft/shared/schema/suggestions.ts';
import type * as Y from 'yjs';
import { appendParagraph } from './document-text.ts';
import { getJson } from './session.ts';

/**
 * What a signed-in delegate's suggestion marks carry: their delegation and their own user id
 * (the server refuses a mark in anyone else's name), under a proposal id of their own.
 */
export async function proposalAttrs(url: string, cookie: string, id = `prop-${newId()}`): Promise<SuggestionAttrs> {
  const me = Me.parse(await getJson(url, '/api/me', cookie));
  const delegation = me.participations[0]?.delegation.id;
  if (!delegation) throw new Error(`${me.user.email} takes part in no meeting`);
  return { id, delegation, user: me.user.id, time: new Date().toISOString() };
}

/**
 * Proposes a paragraph holding `words` after the last paragraph of the document, as
 * `appendParagraph` places one, the way suggest mode writes it: the paragraph carries the
 * proposal as its `insertion` attribute and its words carry the proposal's insertion mark.
 * One transaction, one update on the wire. Returns its XmlText.
 */
export function appendProposedParagraph(doc: Y.Doc, words: string, by: SuggestionAttrs): Y.XmlText {
  let text!: Y.XmlText;
  doc.transact(() => {
    text = appendParagraph(doc, '');
    const paragraph = text.parent as Y.XmlElement;
    paragraph.setAttribute('pid', `p-${newId()}`);
    paragraph.setAttribute('insertion', by as never);
    text.insert(0, words, marked('insertion', by));
  });
  return text;
}
