import type { RevisionState } from '../api/meetings.ts';
import { permission, type Standing } from '../roles/permissions.ts';

/** "Draft 1", "Rev.1", "Zero draft": long enough for any name a Chair gives a revision. */
export const MAX_REVISION_NAME_CHARS = 80;
export const MAX_DOCUMENT_TITLE_CHARS = 200;

/** A document's first revision, as the Chair's letters call it. */
export const ZERO_DRAFT_NAME = 'Zero draft';

/** A cover note is a letter (as in the seed letters): a few pages at most. */
export const MAX_COVER_NOTE_CHARS = 20_000;

/** Who starts the next revision and circulates it (DESIGN.md §3: the Chair alone). */
export function mayCirculate(standing: Pick<Standing, 'role' | 'hasPen'>): boolean {
  return permission(standing, 'circulate') === 'yes';
}

/**
 * Who confirms receipt of a circulated revision for their delegation: anyone taking part for a
 * delegation, except the Chair who sends it and the Secretariat who distributes it.
 */
export function mayAcknowledge(standing: Pick<Standing, 'role'>): boolean {
  return standing.role !== 'chair' && standing.role !== 'secretariat';
}

/** Who sees which delegations have and have not confirmed receipt: those who administer the meeting. */
export function maySeeAllAcknowledgements(standing: Pick<Standing, 'role' | 'hasPen'>): boolean {
  return permission(standing, 'readRoster') === 'yes';
}

/**
 * Receipt is confirmed for the text delegations hold now: a circulated revision, or one under
 * silence or adopted. A revision in preparation has not been sent; a superseded one has been
 * replaced by the next, whose receipt counts.
 */
export function acknowledgementRefusal(state: RevisionState): string | null {
  if (state === 'in_preparation') return 'This revision has not been circulated yet.';
  if (state === 'superseded') {
    return 'This revision has been superseded by a later one: confirm receipt of the current revision instead.';
  }
  return null;
}

/** The name a new revision takes unless the Chair gives one: the draft after the highest numbered so far. */
export function nextRevisionName(existing: readonly string[]): string {
  const numbers = existing.map((name) => /^Draft (\d+)$/i.exec(name.trim())?.[1]).map(Number);
  const highest = Math.max(0, ...numbers.filter(Number.isInteger));
  let next = highest + 1;
  const taken = new Set(existing.map((name) => name.trim().toLowerCase()));
  while (taken.has(`draft ${next}`)) next += 1;
  return `Draft ${next}`;
}

/** Whether `name` is already the name of another revision of the document, whatever its case. */
export function revisionNameTaken(name: string, others: readonly string[]): boolean {
  const wanted = name.trim().toLowerCase();
  return others.some((other) => other.trim().toLowerCase() === wanted);
}
