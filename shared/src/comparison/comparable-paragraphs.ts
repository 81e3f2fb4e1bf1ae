import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { SectionRef } from '../api/comparison.ts';
import { paragraphNumbers } from '../schema/numbering.ts';
import { isParagraphKind, type ParagraphKind } from '../schema/paragraph.ts';
import { suggestionOf } from '../schema/suggestions.ts';
import type { ComparableParagraph } from './compare-paragraphs.ts';

/**
 * A revision's agreed text, paragraph by paragraph, as two revisions are compared: the text
 * with no pending proposal applied (words proposed for insertion left out, words proposed for
 * deletion kept, a paragraph proposed whole not there at all), numbered as the editor numbers
 * that text. Proposals are what the older revision's outcomes account for; the redline shows
 * what the text itself became.
 */
export function comparableParagraphs(doc: ProseMirrorNode): ComparableParagraph[] {
  const sections = agreedSections(doc);
  const numbers = paragraphNumbers(numberedByPlace(doc, sections));
  const paragraphs: ComparableParagraph[] = [];
  const taken = new Set<string>();
  /** The operative paragraph that sub-paragraphs belong to, as numbering.ts counts: across sections. */
  let operative: string | null = null;
  let preambular = 0;
  for (const { node: section, paragraphs: kept } of sections) {
    const heading = section.firstChild?.type.name === 'sectionHeading' ? agreedWords(section.firstChild) : '';
    const ref: SectionRef = { sid: typeof section.attrs.sid === 'string' ? section.attrs.sid : null, heading };
    for (const paragraph of kept) {
      const kind: ParagraphKind = isParagraphKind(paragraph.attrs.kind) ? paragraph.attrs.kind : 'operative';
      const number = numbers.get(placeId(paragraphs.length)) ?? null;
      let label: string;
      if (kind === 'preambular') label = String(++preambular);
      else if (kind === 'operative') {
        operative = (number ?? '').replace(/\.$/, '');
        label = operative;
      } else label = operative ? `${operative} ${number}` : (number ?? '');
      paragraphs.push({
        pid: uniquePid(paragraph.attrs.pid, paragraphs.length, taken),
        place: { kind, number: kind === 'preambular' ? null : number, label },
        section: ref,
        text: agreedWords(paragraph),
      });
    }
  }
  return paragraphs;
}

const proposedWhole = (node: ProseMirrorNode) => node.attrs.insertion != null;

/** Each section with the paragraphs of the agreed text: those not proposed whole. */
function agreedSections(doc: ProseMirrorNode): { node: ProseMirrorNode; paragraphs: ProseMirrorNode[] }[] {
  const sections: { node: ProseMirrorNode; paragraphs: ProseMirrorNode[] }[] = [];
  doc.forEach((node) => {
    if (node.type.name !== 'section') return;
    const paragraphs: ProseMirrorNode[] = [];
    node.forEach((child) => {
      if (child.type.name === 'paragraph' && !proposedWhole(child)) paragraphs.push(child);
    });
    sections.push({ node, paragraphs });
  });
  return sections;
}

const placeId = (index: number) => `p${index}`;

/**
 * The agreed paragraphs alone, each under an id of its place, for `paragraphNumbers` to number
 * as the editor would number that text: pids may be missing or shared (see `uniquePid`).
 */
function numberedByPlace(
  doc: ProseMirrorNode,
  sections: readonly { node: ProseMirrorNode; paragraphs: readonly ProseMirrorNode[] }[],
): ProseMirrorNode {
  let index = 0;
  const renamed = sections.map(({ node, paragraphs }) =>
    node.copy(Fragment.from(paragraphs.map((p) => p.type.create({ ...p.attrs, pid: placeId(index++) }, p.content)))),
  );
  return doc.copy(Fragment.from(renamed));
}

/**
 * The paragraph's pid, unless it has none or an earlier paragraph has it (a merge of concurrent
 * edits can leave a duplicate until the next local edit repairs it): then a key of its place,
 * with a `~` that no pid has (paragraph-ids.ts), so it is never taken for another paragraph.
 */
function uniquePid(pid: unknown, index: number, taken: Set<string>): string {
  const own =
    typeof pid === 'string' && pid !== '' && !taken.has(pid)
      ? pid
      : `${typeof pid === 'string' ? pid : ''}~${index + 1}`;
  taken.add(own);
  return own;
}

/** A textblock's words with pending proposals not applied; a line break is a newline. */
function agreedWords(block: ProseMirrorNode): string {
  let words = '';
  block.forEach((child) => {
    if (child.marks.some((mark) => suggestionOf(mark)?.kind === 'insertion')) return;
    words += child.isText ? (child.text ?? '') : '\n';
  });
  return words;
}
