import type { ComparisonRow, ParagraphPlace, ProposalOutcome } from '@zerodraft/shared/api/comparison.ts';

/** "Paragraph 12", "Paragraph 12 (a)", "Preambular paragraph 3". */
function named(place: ParagraphPlace): string {
  return place.kind === 'preambular' ? `Preambular paragraph ${place.label}` : `Paragraph ${place.label}`;
}

/** Where it was, after its name in the newer revision: "10" when of the same kind, else its full name. */
function was(old: ParagraphPlace, now: ParagraphPlace, olderName: string): string {
  const sameKind = (old.kind === 'preambular') === (now.kind === 'preambular');
  return `was ${sameKind ? old.label : named(old).toLowerCase()} in ${olderName}`;
}

/**
 * The heading of a row of the redline (DESIGN.md §1, "para 12 (was 10 in Draft 1)"):
 * "Paragraph 12 (was 10 in Draft 1)", "New paragraph 4", "Paragraph 7 of Draft 1, deleted",
 * "Paragraph 9, moved (was 5 in Draft 1)".
 */
export function rowHeading(row: ComparisonRow, olderName: string): string {
  if (!row.new) return row.old ? `${named(row.old)} of ${olderName}, deleted` : `A paragraph of ${olderName}, deleted`;
  if (!row.old) return `New ${named(row.new).replace(/^P/, 'p')}`;
  const renumbered = row.old.label !== row.new.label || row.old.kind !== row.new.kind;
  const where = renumbered ? ` (${was(row.old, row.new, olderName)})` : '';
  if (row.change === 'moved') return `${named(row.new)}, moved${where}`;
  return `${named(row.new)}${where}`;
}

/** The short tag beside the heading; null for a paragraph whose words did not change. */
export function rowTag(row: ComparisonRow): string | null {
  switch (row.change) {
    case 'changed':
      return 'Changed';
    case 'inserted':
      return 'New';
    case 'deleted':
      return 'Deleted';
    case 'moved':
      return row.wordsChanged ? 'Moved and changed' : 'Moved';
    default:
      return null;
  }
}

/**
 * What became of a proposal, in words: "Accepted", "Lapsed: its words went with another
 * decision", "Carried forward into Draft 2, still pending", "Left behind: still pending in Draft 1".
 */
export function outcomeInWords(proposal: ProposalOutcome, older: string, newer: string): string {
  const inRevision = proposal.settledIn ? ` in ${proposal.settledIn.name}` : '';
  switch (proposal.outcome) {
    case 'accepted':
      return `Accepted${inRevision}`;
    case 'rejected':
      return `Rejected${inRevision}`;
    case 'lapsed':
      return `Lapsed${inRevision}: its words went with a decision on another proposal`;
    case 'withdrawn':
      return `Withdrawn${inRevision}`;
    case 'carried_forward':
      return `Carried forward into ${newer}, still pending`;
    default:
      return `Left behind: still pending in ${proposal.settledIn?.name ?? older}`;
  }
}
