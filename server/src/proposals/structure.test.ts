import { describe, expect, it } from 'vitest';
import { findParagraph, findSection, sectionHeading, setParagraphStatus, setSectionClosed } from './structure.ts';
import { asProseMirror, paragraph, revisionText, words } from './test-text.ts';

describe('paragraph status and open or closed sections', () => {
  it('marks a paragraph agreed, as the editor reads it, and says what it was', () => {
    const doc = revisionText(paragraph('p-1', words('First')), paragraph('p-2', words('Second')));
    const found = findParagraph(doc, 'p-2');
    expect(found?.sid).toBe('s-a');
    expect(found && setParagraphStatus(found.paragraph, 'agreed')).toBe('open');
    const section = asProseMirror(doc).child(1);
    expect([section.child(1).attrs.status, section.child(2).attrs.status]).toEqual(['open', 'agreed']);
    expect(found && setParagraphStatus(found.paragraph, 'agreed_ad_ref')).toBe('agreed');
    expect(asProseMirror(doc).child(1).child(2).attrs.status).toBe('agreed_ad_ref');
  });

  it('closes and reopens a section, as the editor reads it', () => {
    const doc = revisionText(paragraph('p-1', words('First')));
    const section = findSection(doc, 's-a');
    if (!section) throw new Error('No section s-a');
    expect(sectionHeading(section)).toBe('A. General');
    expect(setSectionClosed(section, true)).toBe(false);
    expect(asProseMirror(doc).child(1).attrs.closed).toBe(true);
    expect(setSectionClosed(section, false)).toBe(true);
    expect(asProseMirror(doc).child(1).attrs.closed).toBe(false);
  });

  it('finds no paragraph or section that is not there', () => {
    const doc = revisionText(paragraph('p-1', words('First')));
    expect(findParagraph(doc, 'p-9')).toBeUndefined();
    expect(findSection(doc, 's-z')).toBeUndefined();
  });
});
