import type { NotificationKind } from '@zerodraft/shared/api/notifications.ts';
import { deadlineInWords, type SilenceStatus, type VenueClock } from '@zerodraft/shared/lifecycle/silence.ts';
import type { Role } from '@zerodraft/shared/roles/permissions.ts';

/**
 * The sentences of the notifications, written once by the server so every reader, the list and
 * the toast say the same; times in venue time with the place (DESIGN.md §5).
 */

export interface Words {
  headline: string;
  message: string;
}

/** The revision and its document, as the words name them. */
export interface RevisionNamed {
  revisionName: string;
  documentTitle: string;
}

/** Who acted: their name, delegation and role in the meeting. */
export interface ActorNamed {
  name: string;
  delegation: string;
  role: Role;
}

/** Longest quotation of a cover note or an objection; the list links to the whole. */
const QUOTE_CHARS = 160;
/** Longest quotation of a proposal's words. */
const WORDS_CHARS = 60;
/** How many proposals one notification spells out before "and N more". */
const LISTED_PROPOSALS = 3;

/** The first words of `text`, whitespace folded, cut at a word with "…" when longer than `max`. */
export function opening(text: string, max: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** "Mexico's", "the Philippines'" */
export const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** "the Chair, Amina Wanjiru (Kenya)", or "Chidi Okafor (Nigeria)" for anyone else. */
function byline({ name, delegation, role }: ActorNamed): string {
  const person = `${name} (${delegation})`;
  if (role === 'chair') return `the Chair, ${person}`;
  if (role === 'facilitator') return `the facilitator, ${person}`;
  return person;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `byline` opening a sentence: "The Chair, Amina Wanjiru (Kenya), circulated …" */
function subject(by: ActorNamed): string {
  const line = capitalised(byline(by));
  return by.role === 'chair' || by.role === 'facilitator' ? `${line},` : line;
}

const ofDocument = (r: RevisionNamed) => `${r.revisionName} of “${r.documentTitle}”`;

/** "10 June 2021": a date printed on a revision, `YYYY-MM-DD` at the venue. */
export function dayInWords(day: string): string {
  const at = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    at,
  );
}

export function circulatedWords(
  r: RevisionNamed,
  by: ActorNamed,
  circulation: { dated: string; coverNote: string },
): Words {
  return {
    headline: `${r.revisionName} has been circulated by ${by.role === 'chair' ? 'the Chair' : `${by.name} (${by.delegation})`}`,
    message: `${subject(by)} circulated ${ofDocument(r)}, dated ${dayInWords(circulation.dated)}. Cover note: “${opening(circulation.coverNote, QUOTE_CHARS)}”`,
  };
}

/** A silence procedure that started or ended, as its status says. */
export interface SilenceNamed {
  status: SilenceStatus;
  deadline: string;
  objection: string | null;
}

/** The kind of notification a procedure in this status gives. */
export const silenceKind: Record<SilenceStatus, NotificationKind> = {
  running: 'silence_started',
  broken: 'silence_broken',
  withdrawn: 'silence_withdrawn',
  adopted: 'revision_adopted',
};

/** `by`: who started, broke or withdrew it; null for an adoption, which nobody makes. */
export function silenceWords(
  r: RevisionNamed,
  procedure: SilenceNamed,
  by: ActorNamed | null,
  venue: VenueClock,
): Words {
  const deadline = deadlineInWords(procedure.deadline, venue);
  const who = by ? subject(by) : 'A participant';
  switch (procedure.status) {
    case 'running':
      return {
        headline: `${r.revisionName} is under silence procedure until ${deadline}`,
        message: `${who} placed ${ofDocument(r)} under silence procedure until ${deadline}. The text is locked; a delegation that objects breaks silence in writing before the deadline.`,
      };
    case 'broken':
      return {
        headline: `${by?.delegation ?? 'A delegation'} has broken silence on ${r.revisionName}`,
        message: `${who} broke silence on ${ofDocument(r)}: “${opening(procedure.objection ?? '', QUOTE_CHARS)}” The text is open again.`,
      };
    case 'withdrawn':
      return {
        headline: `The silence procedure on ${r.revisionName} has been withdrawn`,
        message: `${who} withdrew the silence procedure on ${ofDocument(r)}, which was to end at ${deadline}. The text is open again.`,
      };
    case 'adopted':
      return {
        headline: `${r.revisionName} has been adopted`,
        message: `The silence procedure on ${ofDocument(r)} ended at ${deadline} with no objection: the text is adopted.`,
      };
  }
}

/** One proposal a decision closed, with the words it had then. */
export interface ClosedProposal {
  inserted: string | null;
  deleted: string | null;
  /** Closed because a decision on another proposal took its words away. */
  lapsed: boolean;
}

/** "insert “small arms”", "replace “grave” with “serious”" */
function whatItProposed({ inserted, deleted }: ClosedProposal): string {
  const quoted = (words: string) => `“${opening(words, WORDS_CHARS)}”`;
  if (inserted && deleted) return `replace ${quoted(deleted)} with ${quoted(inserted)}`;
  if (inserted) return `insert ${quoted(inserted)}`;
  if (deleted) return `delete ${quoted(deleted)}`;
  return 'a change with no words left';
}

/**
 * One notification for all of a delegation's proposals one act accepted, or rejected: "3 of
 * Mexico's proposals on Draft 1 were accepted", not three.
 */
export function proposalsWords(
  r: RevisionNamed,
  delegation: string,
  decision: 'accepted' | 'rejected',
  proposals: readonly ClosedProposal[],
  by: ActorNamed,
): Words {
  const theirs = possessive(delegation);
  const onlyLapsed = proposals.every((p) => p.lapsed);
  const one = proposals.length === 1;
  const done = onlyLapsed ? 'lapsed' : one ? `was ${decision}` : `were ${decision}`;
  const named = one ? `${theirs} proposal` : `${proposals.length} of ${theirs} proposals`;
  const listed = proposals
    .slice(0, LISTED_PROPOSALS)
    .map((p) => `${whatItProposed(p)}${p.lapsed && !onlyLapsed ? ' (lapsed)' : ''}`);
  const more = proposals.length - listed.length;
  const what = one ? ` to ${listed[0]}` : `: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  const lapse = proposals.some((p) => p.lapsed)
    ? ' A proposal lapses when a decision on another proposal takes away its words; it is recorded as rejected.'
    : '';
  const where = `in ${ofDocument(r)}`;
  return {
    headline: `${named} on ${r.revisionName} ${done}`,
    message: onlyLapsed
      ? one
        ? `${capitalised(named)}${what} ${where} lapsed with a decision of ${byline(by)}.${lapse}`
        : `${capitalised(named)} ${where} lapsed with a decision of ${byline(by)}${what}.${lapse}`
      : `${subject(by)} ${decision} ${named} ${where}${what}.${lapse}`,
  };
}
