import type { JSONContent } from '@tiptap/core';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NameBook } from '../proposals/names.ts';
import { closedRecord, ensureRecords, findRecord, proposalRecords, withStance } from '../proposals/records.ts';
import {
  deleted,
  inserted,
  japan,
  mexico,
  paragraph,
  paragraphWords,
  proposalsShown,
  proposedParagraph,
  revisionText,
  words,
} from '../proposals/test-text.ts';
import { leaveProposalsBehind, nextRevisionContent } from './next-content.ts';

const at = '2026-11-25T10:05:00.000Z';
const names = () =>
  new NameBook()
    .knowDelegation('d-mex', { name: 'Mexico', code: 'MEX' })
    .knowDelegation('d-jpn', { name: 'Japan', code: 'JPN' })
    .knowUser('u-lucia', 'Lucía Hernández')
    .knowUser('u-haruto', 'Haruto Sato');
const chile = { userName: 'Pablo Soto', delegationId: 'd-chl', delegationName: 'Chile' };

/**
 * Draft 1 as the Chair starts Draft 2 from it: Mexico proposes "deep" (supported by Chile) and
 * deleting "grave"; Japan proposes a whole new paragraph; an earlier proposal was rejected.
 */
function draftOne(): Y.Doc {
  const doc = revisionText(
    paragraph('p-10', words('Expresses '), words('deep ', inserted(mexico)), words('concern')),
    paragraph('p-11', words('Notes the '), words('grave ', deleted(mexico)), words('situation')),
    proposedParagraph('p-12', japan, 'Welcomes the report.'),
  );
  ensureRecords(doc, [mexico.id, japan.id], names(), at);
  const supported = withStance(findRecord(doc, mexico.id) ?? fail(), chile, 'support', at);
  if (supported) proposalRecords(doc).set(mexico.id, supported);
  const rejected = closedRecord(
    { ...(findRecord(doc, japan.id) ?? fail()), id: 'prop-old-1' },
    'rejected',
    { inserted: 'old words', deleted: '' },
    chile,
    at,
  );
  proposalRecords(doc).set('prop-old-1', rejected);
  return doc;
}

function fail(): never {
  throw new Error('The test text has no such record');
}

const asJSON = (doc: Y.Doc): JSONContent => yDocToProsemirrorJSON(doc, DOCUMENT_FIELD);

const pids = (doc: Y.Doc): string[] =>
  (asJSON(doc).content ?? [])
    .flatMap((section) => section.content ?? [])
    .filter((node) => node.type === 'paragraph')
    .map((node) => String(node.attrs?.pid));

describe('the content of the next revision', () => {
  it('carries pending proposals forward with their marks and records, still attributed', () => {
    const source = draftOne();
    const before = Y.encodeStateAsUpdate(source);
    const { doc, carried, leftBehind } = nextRevisionContent(source, true);

    expect(yDocToProsemirrorJSON(doc, DOCUMENT_FIELD)).toEqual(yDocToProsemirrorJSON(source, DOCUMENT_FIELD));
    expect(proposalsShown(doc)).toEqual(proposalsShown(source));
    expect(new Set(carried)).toEqual(new Set([mexico.id, japan.id]));
    expect(leftBehind).toEqual([]);
    expect(findRecord(doc, mexico.id)).toEqual(findRecord(source, mexico.id));
    expect(findRecord(doc, mexico.id)?.stances['d-chl']?.stance).toBe('support');
    // The decided proposal's record stays with the revision it was decided in.
    expect(findRecord(doc, 'prop-old-1')).toBeUndefined();
    // The source is read, never changed.
    expect(Y.encodeStateAsUpdate(source)).toEqual(before);
  });

  it('leaves pending proposals behind: no proposed words, no marks, no proposed paragraph, no records', () => {
    const source = draftOne();
    const { doc, carried, leftBehind } = nextRevisionContent(source, false);

    expect(paragraphWords(doc)).toEqual(['Expresses concern', 'Notes the grave situation']);
    expect(proposalsShown(doc)).toEqual([]);
    expect(carried).toEqual([]);
    expect(new Set(leftBehind)).toEqual(new Set([mexico.id, japan.id]));
    expect([...proposalRecords(doc).keys()]).toEqual([]);
    // Draft 1 still shows them: the Chair's choice is about the next revision only.
    expect(proposalsShown(source).map((p) => p.id)).toEqual([mexico.id, japan.id]);
  });

  it('keeps the ids of paragraphs and sections, so a paragraph can be followed across revisions', () => {
    const source = draftOne();
    expect(pids(nextRevisionContent(source, true).doc)).toEqual(['p-10', 'p-11', 'p-12']);
    expect(pids(nextRevisionContent(source, false).doc)).toEqual(['p-10', 'p-11']);
    const sids = (doc: Y.Doc) => (asJSON(doc).content ?? []).map((node) => node.attrs?.sid);
    expect(sids(nextRevisionContent(source, false).doc)).toEqual(sids(source));
  });

  it('starts a fresh history: the new text carries none of the source’s deleted words', () => {
    const source = draftOne();
    const first = source.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
    first.insert(first.length, [new Y.XmlElement('paragraph')]);
    first.delete(first.length - 1, 1);
    const { doc } = nextRevisionContent(source, true);
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(Y.encodeStateAsUpdate(source).length);
  });
});

describe('leaving proposals behind in a text', () => {
  it('takes every pending proposal out as a rejection would, and keeps records of decided ones', () => {
    const doc = draftOne();
    const taken = leaveProposalsBehind(doc);
    expect(new Set(taken)).toEqual(new Set([mexico.id, japan.id]));
    expect(paragraphWords(doc)).toEqual(['Expresses concern', 'Notes the grave situation']);
    expect([...proposalRecords(doc).keys()]).toEqual(['prop-old-1']);
  });

  it('returns words nobody proposed from a proposed paragraph to the paragraph before', () => {
    const doc = revisionText(paragraph('p-1', words('Calls upon States')), {
      type: 'paragraph',
      attrs: { pid: 'p-2', kind: 'operative', insertion: mexico },
      content: [words('to act', inserted(mexico)), words(' now')],
    });
    leaveProposalsBehind(doc);
    expect(paragraphWords(doc)).toEqual(['Calls upon States now']);
  });
});
