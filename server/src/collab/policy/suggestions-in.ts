import { type Content, isRun, type Run } from './document-content.ts';
import type { Suggestion } from './schema-check.ts';

/**
 * What the policy needs to know of the suggestions in a part of the document: which are there
 * (the update adds those the after state has and the before state has not), and how those it
 * must keep intact read (nobody, not even the pen, changes another delegation's pending
 * proposal; DESIGN.md §3).
 */

/** Every suggestion in the parts, by identity. */
export function suggestionsIn(parts: readonly Content[]): Map<string, Suggestion> {
  const found = new Map<string, Suggestion>();
  const visit = (part: Content) => {
    if (part.kind === 'container') {
      for (const child of part.children) visit(child);
      return;
    }
    if (part.insertion) found.set(part.insertion.identity, part.insertion);
    for (const item of part.inline) {
      if (!isRun(item)) continue;
      for (const mark of item.marks) if (mark.suggestion) found.set(mark.identity, mark.suggestion);
    }
  };
  for (const part of parts) visit(part);
  return found;
}

/** One thing that must stay as it is: a proposed paragraph, or the words one mark covers. */
export interface Kept {
  key: string;
  suggestion: Suggestion;
}

/**
 * The kept suggestions of the parts, in document order: for each block that has any, a
 * marker, its attributes if it is a paragraph proposed whole, and each stretch of words a kept
 * mark covers with the words. Two versions of the parts must give the same list: then every kept
 * mark covers the same words, unbroken, in the same blocks, and no kept paragraph was touched.
 * Words the sender proposes to insert are looked through (`ownInsertion`): a delegation may
 * propose words in the middle of another's proposal, as long as they carry no kept mark.
 */
export function keptSuggestions(
  parts: readonly Content[],
  keep: (suggestion: Suggestion) => boolean,
  ownInsertion: (run: Run) => boolean,
): Kept[] {
  const kept: Kept[] = [];
  const visit = (part: Content) => {
    if (part.kind === 'container') {
      for (const child of part.children) visit(child);
      return;
    }
    const inBlock: Kept[] = [];
    if (part.insertion && keep(part.insertion)) {
      inBlock.push({ key: JSON.stringify(['paragraph', part.attrsKey]), suggestion: part.insertion });
    }
    const open = new Map<string, { start: number; words: string; suggestion: Suggestion }>();
    const spans: { start: number; key: string; suggestion: Suggestion }[] = [];
    const close = (identity: string) => {
      const span = open.get(identity);
      if (!span) return;
      spans.push({ start: span.start, key: JSON.stringify([identity, span.words]), suggestion: span.suggestion });
      open.delete(identity);
    };
    let offset = 0;
    for (const item of part.inline) {
      const here = isRun(item) ? item.marks.filter((mark) => mark.suggestion && keep(mark.suggestion)) : [];
      if (here.length === 0 && isRun(item) && ownInsertion(item)) continue;
      for (const identity of [...open.keys()]) {
        if (!here.some((mark) => mark.identity === identity)) close(identity);
      }
      const words = isRun(item) ? item.text : '\n';
      for (const mark of here) {
        const span = open.get(mark.identity);
        if (span) span.words += words;
        else if (mark.suggestion) open.set(mark.identity, { start: offset, words, suggestion: mark.suggestion });
      }
      offset += words.length;
    }
    for (const identity of [...open.keys()]) close(identity);
    spans.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    inBlock.push(...spans);
    const first = inBlock[0];
    if (first) kept.push({ key: 'block', suggestion: first.suggestion }, ...inBlock);
  };
  for (const part of parts) visit(part);
  return kept;
}

/** The first kept suggestion that differs between the two lists, or null when they are the same. */
export function firstDifference(before: readonly Kept[], after: readonly Kept[]): Suggestion | null {
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i];
    const a = after[i];
    if (b?.key !== a?.key) return (b ?? a)?.suggestion ?? null;
  }
  return null;
}
