import { describe, expect, it } from 'vitest';
import { outlineOf, paragraphLabel, shortParagraphLabel } from './outline.ts';
import { bms7 } from './testing/bms7.ts';

describe('the outline of the text', () => {
  it('names each section by its heading and numbers the operative paragraphs', () => {
    const outline = outlineOf(bms7());

    expect(outline.sections).toEqual([
      { sid: 's-a', heading: 'A. Implementation of the Programme of Action', closed: false },
      { sid: 's-b', heading: 'B. International cooperation and assistance', closed: false },
    ]);
    expect(outline.numbers.get('p-b-2')).toBe('3.');
    expect(outline.numbers.has('p-recalling')).toBe(false);
  });

  it('names paragraphs as the reader finds them in the text', () => {
    expect(paragraphLabel('operative', '12.')).toBe('Paragraph 12');
    expect(paragraphLabel('subparagraph', '(b)')).toBe('Sub-paragraph (b)');
    expect(paragraphLabel('preambular', undefined)).toBe('Preambular paragraph');
    expect(shortParagraphLabel('12.')).toBe('para. 12');
    expect(shortParagraphLabel(undefined)).toBeNull();
  });
});
