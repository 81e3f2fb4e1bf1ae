import { type Content, type Inline, isRun, marksKeyOf, pushRun } from './document-content.ts';

/**
 * DESIGN.md §3, the rule for a delegation: strip the sender's own suggestions from the document
 * before and after the update; the two results must be identical. This is the stripping, by
 * delegation (colleagues of one delegation may edit each other's proposals): the delegation's
 * inserted words and proposed paragraphs disappear, its deletion marks go (the words stay).
 * Inside an agreed paragraph or a closed section nothing is stripped: nothing there may change.
 */

/** The words of a block without the delegation's insertions, and without its deletion marks. */
function stripInline(inline: readonly Inline[], delegation: string): Inline[] {
  const stripped: Inline[] = [];
  for (const item of inline) {
    if (!isRun(item)) {
      stripped.push(item);
      continue;
    }
    const own = (on: 'insertion' | 'deletion') =>
      item.marks.some((mark) => mark.suggestion?.on === on && mark.suggestion.attrs.delegation === delegation);
    if (own('insertion')) continue;
    if (!own('deletion')) {
      pushRun(stripped, item.text, item.marks, item.marksKey);
      continue;
    }
    const marks = item.marks.filter(
      (mark) => !(mark.suggestion?.on === 'deletion' && mark.suggestion.attrs.delegation === delegation),
    );
    pushRun(stripped, item.text, marks, marksKeyOf(marks));
  }
  return stripped;
}

const inlineKey = (inline: readonly Inline[]): string =>
  JSON.stringify(inline.map((item) => (isRun(item) ? [item.marksKey, item.text] : [item.node, item.attrsKey])));

/**
 * The parts as a string, without the delegation's own suggestions: equal strings, equal text.
 * `closed`: the parts stand in a closed section.
 */
export function withoutOwnSuggestions(parts: readonly Content[], delegation: string, closed = false): string {
  const lines: string[] = [];
  const visit = (part: Content, closedHere: boolean) => {
    if (part.kind === 'container') {
      lines.push(JSON.stringify(['open', part.name, part.attrsKey]));
      for (const child of part.children) visit(child, closedHere || part.closed);
      lines.push('close');
      return;
    }
    const strip = !closedHere && !part.agreed;
    if (strip && part.insertion?.attrs.delegation === delegation) return;
    lines.push(
      JSON.stringify([part.name, part.attrsKey, inlineKey(strip ? stripInline(part.inline, delegation) : part.inline)]),
    );
  };
  for (const part of parts) visit(part, closed);
  return lines.join('\n');
}

/** Whether the part is a paragraph the delegation proposes whole. */
export const proposedBy = (part: Content, delegation: string): boolean =>
  part.kind === 'block' && part.insertion?.attrs.delegation === delegation;
