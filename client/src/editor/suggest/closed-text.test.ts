import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { json } from '@zerodraft/shared/schema/test-editor.ts';
import { describe, expect, it } from 'vitest';
import { closedTextReason } from './closed-text.ts';

const agreed = (pid: string, kind: 'preambular' | 'operative' | 'subparagraph', text: string) => ({
  ...json.paragraph(pid, kind, text),
  attrs: { pid, kind, status: 'agreed' },
});

const doc = documentSchema.nodeFromJSON(
  json.doc(
    json.section(
      's-a',
      'A. Implementation',
      agreed(
        'p-pre',
        'preambular',
        'Reaffirming the importance of international cooperation and assistance in all aspects',
      ),
      json.paragraph('p-1', 'operative', 'Decide to meet'),
      agreed('p-1-a', 'subparagraph', 'in New York'),
      { ...json.paragraph('p-2', 'operative', 'Agreed ad ref words'), attrs: { pid: 'p-2', status: 'agreed_ad_ref' } },
    ),
    {
      type: 'section',
      attrs: { sid: 's-b', closed: true },
      content: [{ type: 'sectionHeading' }, json.paragraph('p-3', 'operative', 'Closed words')],
    },
  ),
);

const inside = (text: string) => {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.isTextblock && node.textContent === text) found = pos + 1;
    return found < 0;
  });
  return found;
};

describe('closedTextReason', () => {
  it('names an agreed preambular paragraph by its first words, a sub-paragraph by its letter', () => {
    expect(
      closedTextReason(
        doc,
        inside('Reaffirming the importance of international cooperation and assistance in all aspects'),
      ),
    ).toBe(
      'The paragraph beginning “Reaffirming the importance of international cooperation…” is agreed and takes no new proposals.',
    );
    expect(closedTextReason(doc, inside('in New York'))).toBe(
      'Sub-paragraph (a) is agreed and takes no new proposals.',
    );
  });

  it('lets proposals into open and agreed ad ref paragraphs', () => {
    expect(closedTextReason(doc, inside('Decide to meet'))).toBeNull();
    expect(closedTextReason(doc, inside('Agreed ad ref words'))).toBeNull();
  });

  it('says a closed section without a heading is closed', () => {
    expect(closedTextReason(doc, inside('Closed words'))).toBe('This section is closed and takes no new proposals.');
  });
});
