import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import { documentSchema } from '@zerodraft/shared/schema/document.ts';
import { paragraphNumbers } from '@zerodraft/shared/schema/numbering.ts';
import { describe, expect, it } from 'vitest';
import { zeroDraft } from './zero-draft.ts';

const draft = documentSchema.nodeFromJSON(zeroDraft());

const sections = (doc: ProseMirrorNode): ProseMirrorNode[] => doc.content.content.slice(1);
const paragraphsOf = (section: ProseMirrorNode): ProseMirrorNode[] => section.content.content.slice(1);

describe('the demo zero draft', () => {
  it('is a valid document of the schema', () => {
    expect(() => draft.check()).not.toThrow();
    expect(draft.child(0).textContent).toMatch(/^Draft outcome document of the Seventh Biennial Meeting of States/);
  });

  it('has sections A to E, each with two to four operative paragraphs', () => {
    expect(sections(draft).map((section) => section.child(0).textContent.slice(0, 2))).toEqual([
      'A.',
      'B.',
      'C.',
      'D.',
      'E.',
    ]);
    for (const section of sections(draft)) {
      const operative = paragraphsOf(section).filter((paragraph) => paragraph.attrs.kind === 'operative');
      expect(operative.length).toBeGreaterThanOrEqual(2);
      expect(operative.length).toBeLessThanOrEqual(4);
    }
  });

  it('opens with preambular paragraphs and letters sub-paragraphs (a) to (c)', () => {
    const sectionA = sections(draft)[0];
    if (!sectionA) throw new Error('No section A');
    expect(
      paragraphsOf(sectionA)
        .slice(0, 4)
        .map((paragraph) => paragraph.attrs.kind),
    ).toEqual(['preambular', 'preambular', 'preambular', 'preambular']);
    const numbers = paragraphNumbers(draft);
    expect([numbers.get('p-a-07'), numbers.get('p-a-08'), numbers.get('p-a-09'), numbers.get('p-a-10')]).toEqual([
      '3.',
      '(a)',
      '(b)',
      '(c)',
    ]);
    expect(numbers.get('p-e-03')).toBe('15.');
  });

  it('gives every section and paragraph its own readable id', () => {
    const ids: string[] = [];
    for (const section of sections(draft)) {
      ids.push(section.attrs.sid);
      for (const paragraph of paragraphsOf(section)) ids.push(paragraph.attrs.pid);
    }
    for (const id of ids) expect(id).toMatch(/^[ps]-[a-e](-\d\d)?$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length - 5).toBeGreaterThanOrEqual(20);
  });

  it('comes back unchanged, marks included, from a round trip through Yjs', () => {
    const ydoc = prosemirrorJSONToYDoc(documentSchema, zeroDraft(), DOCUMENT_FIELD);
    const back = documentSchema.nodeFromJSON(yDocToProsemirrorJSON(ydoc, DOCUMENT_FIELD));

    expect(back.toJSON()).toEqual(draft.toJSON());
    expect(back.eq(draft)).toBe(true);
    const marks = new Set<string>();
    back.descendants((node) => {
      for (const mark of node.marks) marks.add(mark.type.name);
    });
    expect([...marks].sort()).toEqual(['bold', 'italic', 'link']);
  });
});
