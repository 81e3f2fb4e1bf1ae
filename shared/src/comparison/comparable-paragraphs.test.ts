import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../schema/document.ts';
import type { SuggestionAttrs } from '../schema/suggestions.ts';
import { json } from '../schema/test-editor.ts';
import { comparableParagraphs } from './comparable-paragraphs.ts';

const { doc, section, paragraph } = json;
const mexico: SuggestionAttrs = {
  id: 'prop-mexico-1',
  delegation: 'd-mex',
  user: 'u-lucia',
  time: '2021-07-27T14:00:00.000Z',
};

const read = (content: JSONContent) => comparableParagraphs(documentSchema.nodeFromJSON(content));

const text = (words: string, ...marks: JSONContent['marks'] & object): JSONContent =>
  marks.length ? { type: 'text', text: words, marks } : { type: 'text', text: words };

describe('the agreed text of a revision, as compared', () => {
  it('names each paragraph as the editor numbers it, sub-paragraphs under their operative paragraph', () => {
    const paragraphs = read(
      doc(
        section(
          's-a',
          'A. Implementation',
          paragraph('p-recalling', 'preambular', 'Recalling the Programme of Action,'),
          paragraph('p-mindful', 'preambular', 'Mindful of the pandemic,'),
          paragraph('p-a-1', 'operative', 'States renew their commitment;'),
        ),
        section(
          's-b',
          'B. Cooperation',
          paragraph('p-b-1', 'operative', 'States encourage:'),
          paragraph('p-b-1-a', 'subparagraph', 'stockpile management;'),
          paragraph('p-b-1-b', 'subparagraph', 'marking;'),
        ),
      ),
    );
    expect(paragraphs.map((p) => [p.pid, p.place.kind, p.place.number, p.place.label, p.section.heading])).toEqual([
      ['p-recalling', 'preambular', null, '1', 'A. Implementation'],
      ['p-mindful', 'preambular', null, '2', 'A. Implementation'],
      ['p-a-1', 'operative', '1.', '1', 'A. Implementation'],
      ['p-b-1', 'operative', '2.', '2', 'B. Cooperation'],
      ['p-b-1-a', 'subparagraph', '(a)', '2 (a)', 'B. Cooperation'],
      ['p-b-1-b', 'subparagraph', '(b)', '2 (b)', 'B. Cooperation'],
    ]);
    expect(paragraphs[3]).toMatchObject({ text: 'States encourage:', section: { sid: 's-b' } });
  });

  it('leaves pending proposals unapplied: insertions out, deletions kept, a paragraph proposed whole not counted', () => {
    const insertion = { type: 'insertion', attrs: mexico };
    const deletion = { type: 'deletion', attrs: { ...mexico, id: 'prop-japan-1', delegation: 'd-jpn' } };
    const paragraphs = read(
      doc(
        section(
          's-a',
          'A. Implementation',
          {
            type: 'paragraph',
            attrs: { pid: 'p-a-1', kind: 'operative' },
            content: [
              text('States'),
              text(' firmly', insertion),
              text(' renew their '),
              text('grave', deletion),
              text(' commitment;'),
            ],
          },
          {
            type: 'paragraph',
            attrs: { pid: 'p-proposed', kind: 'operative', insertion: mexico },
            content: [text('States welcome civil society.', insertion)],
          },
          paragraph('p-a-2', 'operative', 'States decide to meet again.'),
        ),
      ),
    );
    expect(paragraphs.map((p) => [p.pid, p.place.number, p.text])).toEqual([
      ['p-a-1', '1.', 'States renew their grave commitment;'],
      ['p-a-2', '2.', 'States decide to meet again.'],
    ]);
  });

  it('keys a paragraph without a pid, or sharing one, by its place so it is never taken for another', () => {
    const paragraphs = read(
      doc(
        section(
          's-a',
          'A.',
          paragraph('p-1', 'operative', 'One.'),
          paragraph('p-1', 'operative', 'A copy of one.'),
          paragraph(null, 'operative', 'Nameless.'),
        ),
      ),
    );
    expect(paragraphs.map((p) => [p.pid, p.place.number])).toEqual([
      ['p-1', '1.'],
      ['p-1~2', '2.'],
      ['~3', '3.'],
    ]);
  });
});
