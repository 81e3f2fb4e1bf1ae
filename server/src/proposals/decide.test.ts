import { describe, expect, it } from 'vitest';
import { applyDecision } from './decide.ts';
import {
  asProseMirror,
  chile,
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
} from './test-text.ts';

const only = (...ids: string[]) => new Set(ids);

/** "Expresses grave concern": Mexico deletes "grave" while Japan replaces it with "serious" (issue 5). */
const graveConcern = () =>
  revisionText(
    paragraph(
      'p-1',
      words('Expresses '),
      words('grave', deleted(mexico), deleted(japan)),
      words('serious', inserted(japan)),
      words(' concern'),
    ),
  );

describe('accepting and rejecting proposals in the text', () => {
  it('keeps accepted words and drops their mark', () => {
    const doc = revisionText(paragraph('p-1', words('Expresses '), words('deep ', inserted(mexico)), words('concern')));
    applyDecision(doc, only(mexico.id), 'accept');
    expect(paragraphWords(doc)).toEqual(['Expresses deep concern']);
    expect(proposalsShown(doc)).toEqual([]);
  });

  it('takes rejected words out', () => {
    const doc = revisionText(paragraph('p-1', words('Expresses '), words('deep ', inserted(mexico)), words('concern')));
    applyDecision(doc, only(mexico.id), 'reject');
    expect(paragraphWords(doc)).toEqual(['Expresses concern']);
    expect(proposalsShown(doc)).toEqual([]);
  });

  it('deletes words whose deletion is accepted, and keeps them unmarked when it is rejected', () => {
    const text = () =>
      revisionText(paragraph('p-1', words('Expresses '), words('grave ', deleted(mexico)), words('concern')));
    const accepted = text();
    applyDecision(accepted, only(mexico.id), 'accept');
    expect(paragraphWords(accepted)).toEqual(['Expresses concern']);
    const rejected = text();
    applyDecision(rejected, only(mexico.id), 'reject');
    expect(paragraphWords(rejected)).toEqual(['Expresses grave concern']);
    expect(proposalsShown(rejected)).toEqual([]);
  });

  it('keeps formatting of the words it leaves', () => {
    const doc = revisionText(
      paragraph(
        'p-1',
        { type: 'text', text: 'Recalling', marks: [{ type: 'italic' }, inserted(mexico)] },
        words(' it'),
      ),
    );
    applyDecision(doc, only(mexico.id), 'accept');
    const recalling = asProseMirror(doc).child(1).child(1).child(0);
    expect(paragraphWords(doc)).toEqual(['Recalling it']);
    expect(recalling.text).toBe('Recalling');
    expect(recalling.marks.map((m) => m.type.name)).toEqual(['italic']);
  });

  it("settles a replacement whole: Japan's word in, or the old word back", () => {
    const text = () =>
      revisionText(
        paragraph(
          'p-1',
          words('Expresses '),
          words('grave', deleted(japan)),
          words('serious', inserted(japan)),
          words(' concern'),
        ),
      );
    const accepted = text();
    applyDecision(accepted, only(japan.id), 'accept');
    expect(paragraphWords(accepted)).toEqual(['Expresses serious concern']);
    const rejected = text();
    applyDecision(rejected, only(japan.id), 'reject');
    expect(paragraphWords(rejected)).toEqual(['Expresses grave concern']);
    expect(proposalsShown(rejected)).toEqual([]);
  });

  it('makes an accepted new paragraph an ordinary one, and removes a rejected one', () => {
    const text = () =>
      revisionText(paragraph('p-1', words('Agreed words')), proposedParagraph('p-2', mexico, 'Calls upon States'));
    const accepted = text();
    applyDecision(accepted, only(mexico.id), 'accept');
    expect(paragraphWords(accepted)).toEqual(['Agreed words', 'Calls upon States']);
    expect(asProseMirror(accepted).child(1).child(2).attrs.insertion).toBeNull();
    expect(proposalsShown(accepted)).toEqual([]);
    const rejected = text();
    applyDecision(rejected, only(mexico.id), 'reject');
    expect(paragraphWords(rejected)).toEqual(['Agreed words']);
  });

  it('returns agreed words split off into a rejected new paragraph to the paragraph they came from', () => {
    const doc = revisionText(paragraph('p-1', words('States decide ')), {
      type: 'paragraph',
      attrs: { pid: 'p-2', kind: 'operative', insertion: mexico },
      content: [words('to meet', { type: 'bold' }), words(' again', inserted(mexico))],
    });
    applyDecision(doc, only(mexico.id), 'reject');
    expect(paragraphWords(doc)).toEqual(['States decide to meet']);
    const bold = asProseMirror(doc).child(1).child(1).child(1);
    expect(bold.text).toBe('to meet');
    expect(bold.marks.map((m) => m.type.name)).toEqual(['bold']);
  });

  it('removes a paragraph whose every word an accepted deletion took', () => {
    const doc = revisionText(
      paragraph('p-1', words('First')),
      paragraph('p-2', words('Delete me', deleted(mexico))),
      paragraph('p-3', words('Third')),
    );
    applyDecision(doc, only(mexico.id), 'accept');
    expect(paragraphWords(doc)).toEqual(['First', 'Third']);
  });

  it('leaves a paragraph left empty by a rejected insertion, which was empty before it', () => {
    const doc = revisionText(paragraph('p-1', words('First')), paragraph('p-2', words('Typed', inserted(mexico))));
    applyDecision(doc, only(mexico.id), 'reject');
    expect(paragraphWords(doc)).toEqual(['First', '']);
  });

  it("removes Mexico's deletion of a word with the word, when Japan's replacement of it is accepted", () => {
    const doc = graveConcern();
    applyDecision(doc, only(japan.id), 'accept');
    expect(paragraphWords(doc)).toEqual(['Expresses serious concern']);
    expect(proposalsShown(doc)).toEqual([]);
  });

  it("keeps Mexico's deletion of the word when Japan's replacement is rejected", () => {
    const doc = graveConcern();
    applyDecision(doc, only(japan.id), 'reject');
    expect(paragraphWords(doc)).toEqual(['Expresses grave concern']);
    expect(proposalsShown(doc)).toEqual([{ id: mexico.id, inserted: '', deleted: 'grave' }]);
  });

  it('accepts several proposals at once whatever their order, and leaves the others alone', () => {
    const text = () =>
      revisionText(
        paragraph(
          'p-1',
          words('Expresses '),
          words('grave', deleted(mexico), deleted(japan)),
          words('serious', inserted(japan)),
          words(' concern'),
          words(' today', inserted(chile)),
        ),
      );
    const both = text();
    applyDecision(both, only(mexico.id, japan.id), 'accept');
    const reversed = text();
    applyDecision(reversed, only(japan.id, mexico.id), 'accept');
    expect(paragraphWords(both)).toEqual(['Expresses serious concern today']);
    expect(paragraphWords(reversed)).toEqual(paragraphWords(both));
    expect(proposalsShown(both)).toEqual([{ id: chile.id, inserted: ' today', deleted: '' }]);
  });

  it('rejects a proposal spread over two paragraphs in both', () => {
    const doc = revisionText(
      paragraph('p-1', words('One'), words(' more', inserted(mexico))),
      paragraph('p-2', words('Two'), words(' more', inserted(mexico))),
    );
    applyDecision(doc, only(mexico.id), 'reject');
    expect(paragraphWords(doc)).toEqual(['One', 'Two']);
  });
});
