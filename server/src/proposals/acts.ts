import type { AuditAction } from '@zerodraft/shared/api/audit.ts';
import type { DecisionRequest, DecisionScope, ProposalActResult } from '@zerodraft/shared/api/proposals.ts';
import type { ProposalRecord, ProposalStatus, Stance } from '@zerodraft/shared/proposals/record.ts';
import { type Action, mayEver } from '@zerodraft/shared/roles/permissions.ts';
import { PARAGRAPH_STATUS_NAMES, type ParagraphStatus } from '@zerodraft/shared/schema/paragraph.ts';
import type * as Y from 'yjs';
import { authorize, type RevisionStanding } from '../authz/standing.ts';
import type { ServerChange } from '../collab/room.ts';
import type { Rooms } from '../collab/rooms.ts';
import { HttpError } from '../http/errors.ts';
import { type ClosedByAct, proposalNotices } from '../notifications/notices.ts';
import type { ParticipantRecord, Store } from '../store/store.ts';
import { applyDecision } from './decide.ts';
import { type ProposalInDoc, proposalsInDoc } from './in-doc.ts';
import { paragraphLabels, whereInText } from './labels.ts';
import { proposalIdsInText } from './marks.ts';
import { NameBook, UnknownNames } from './names.ts';
import {
  type Actor,
  closedRecord,
  ensureRecords,
  findRecord,
  saveRecord,
  withRationale,
  withStance,
} from './records.ts';
import {
  findParagraph,
  findSection,
  sectionHeading,
  setSectionClosed,
  setParagraphStatus as setStatusAttribute,
} from './structure.ts';

/**
 * What the acts need of the server: the store for names and for the participants to tell, the
 * rooms holding the revisions' text.
 */
export interface ActParts {
  store: Store;
  rooms: Pick<Rooms, 'open' | 'released'>;
  now?: () => Date;
}

type Change<T> = ServerChange<T>;
type AuditRow = Change<unknown>['audit'][number];

/** Names of proposers met in the text may be missing once per round of look-ups; more means ids keep arriving. */
const MAX_NAME_LOOKUPS = 3;

const actorOf = (s: RevisionStanding): Actor => ({
  userName: s.principal.user.name,
  delegationId: s.delegation.id,
  delegationName: s.delegation.name,
});

function auditRow(
  s: RevisionStanding,
  at: string,
  action: AuditAction,
  target: string,
  detail: Record<string, unknown>,
): AuditRow {
  return {
    meetingId: s.meeting.id,
    actorUserId: s.principal.user.id,
    actorName: s.principal.user.name,
    actorDelegation: s.delegation.name,
    action,
    target,
    detail,
    at,
  };
}

/** Refuses at once those whose role never allows the action, before the text is looked at. */
function mayEverOr403(s: RevisionStanding, action: Action, refusal: string): void {
  if (!mayEver(s.standing, action)) throw new HttpError(403, 'forbidden', refusal);
}

/** `authorize`, with a refusal that says who may instead. */
function allow(s: RevisionStanding, action: Action, refusal: string, scope?: Parameters<typeof authorize>[2]): void {
  try {
    authorize(s, action, scope);
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) throw new HttpError(403, 'forbidden', refusal);
    throw error;
  }
}

/** Acts on proposals, paragraphs and sections are for a circulated revision; anything else says why not. */
function requireCirculated(s: RevisionStanding): void {
  if (s.revision.state === 'circulated') return;
  const reason =
    s.revision.state === 'in_preparation'
      ? 'This revision is in preparation: the pen-holders edit its text directly. Proposals, decisions and paragraph status come once it is circulated.'
      : s.access.write
        ? 'This revision is not open for proposals.'
        : s.access.reason;
  throw new HttpError(409, 'revision_not_open', reason);
}

/**
 * Runs one act as one change of the revision's room: checked, applied, stored with its audit
 * entries and sent to every client together, or refused with nothing changed. The room is
 * opened for the act and released after it, so a revision nobody has open unloads again.
 */
async function actOn<T>(
  parts: ActParts,
  s: RevisionStanding,
  work: (doc: Y.Doc, names: NameBook, at: string) => Change<T>,
): Promise<T> {
  requireCirculated(s);
  const now = parts.now ?? (() => new Date());
  const names = new NameBook()
    .knowDelegation(s.delegation.id, s.delegation)
    .knowUser(s.principal.user.id, s.principal.user.name);
  const room = await parts.rooms.open(s.revision.id);
  try {
    for (let lookups = 0; ; lookups++) {
      try {
        return await room.change((doc) => work(doc, names, now().toISOString()));
      } catch (error) {
        if (!(error instanceof UnknownNames) || lookups >= MAX_NAME_LOOKUPS) throw error;
        await names.learn(parts.store, s.meeting.id, error);
      }
    }
  } finally {
    parts.rooms.released(room);
  }
}

/**
 * Gives each of `ids` in the text a record if it has none: normally made when its first words
 * were stored, but missing if the server stopped in between, or if this act came first.
 */
function requireRecords(
  doc: Y.Doc,
  ids: Iterable<string>,
  names: NameBook,
  at: string,
  inDoc: Map<string, ProposalInDoc>,
): void {
  const { unknown } = ensureRecords(doc, ids, names, at, inDoc);
  if (unknown.length > 0) {
    throw new UnknownNames(
      unknown.map((p) => p.attrs.delegation),
      unknown.map((p) => p.attrs.user),
    );
  }
}

/** The record of a pending proposal, made from its marks if need be; 404 or 409 otherwise. */
function pendingProposal(
  doc: Y.Doc,
  id: string,
  names: NameBook,
  at: string,
  inDoc: Map<string, ProposalInDoc>,
): ProposalRecord {
  requireRecords(doc, [id], names, at, inDoc);
  const record = findRecord(doc, id);
  if (!record) throw new HttpError(404, 'not_found', 'This proposal was not found in this revision.');
  if (record.status !== 'pending') {
    throw new HttpError(409, 'proposal_closed', `This proposal was already ${record.status}.`);
  }
  return record;
}

/** "Proposal by Mexico in paragraph 3", as the audit log names a proposal. */
const proposalTarget = (record: ProposalRecord, inDoc: Map<string, ProposalInDoc>, labels: Map<string, string>) =>
  `Proposal by ${record.delegationName} ${whereInText(inDoc.get(record.id)?.paragraphs ?? [], labels)}`;

const stanceAction = { support: 'proposal.support', oppose: 'proposal.oppose' } as const;

/** A delegation supports or opposes another's proposal, changes its stance, or (null) withdraws it. */
export function setStance(
  parts: ActParts,
  s: RevisionStanding,
  proposalId: string,
  stance: Stance | null,
): Promise<ProposalRecord> {
  mayEverOr403(s, 'supportOrOppose', 'Only delegations support or oppose proposals.');
  return actOn(parts, s, (doc, names, at) => {
    const inDoc = proposalsInDoc(doc);
    const record = pendingProposal(doc, proposalId, names, at, inDoc);
    if (record.delegationId === s.delegation.id) {
      throw new HttpError(
        403,
        'forbidden',
        `${record.delegationName} made this proposal; a delegation does not support or oppose its own proposal.`,
      );
    }
    const before = record.stances[s.delegation.id]?.stance ?? null;
    const changed = withStance(record, actorOf(s), stance, at);
    if (!changed) return { value: record, audit: [] };
    saveRecord(doc, changed);
    const target = proposalTarget(record, inDoc, paragraphLabels(doc));
    const action = stance ? stanceAction[stance] : 'proposal.stance_withdrawn';
    return { value: changed, audit: [auditRow(s, at, action, target, { proposalId, from: before, to: stance })] };
  });
}

/** The proposing delegation gives, changes or (empty) removes the rationale of its proposal. */
export function setRationale(
  parts: ActParts,
  s: RevisionStanding,
  proposalId: string,
  rationale: string,
): Promise<ProposalRecord> {
  mayEverOr403(s, 'propose', 'Only the delegation that made a proposal gives its rationale.');
  return actOn(parts, s, (doc, names, at) => {
    const inDoc = proposalsInDoc(doc);
    const record = pendingProposal(doc, proposalId, names, at, inDoc);
    if (record.delegationId !== s.delegation.id) {
      throw new HttpError(
        403,
        'forbidden',
        `Only ${record.delegationName}, which made this proposal, gives its rationale.`,
      );
    }
    const changed = withRationale(record, actorOf(s), rationale || null, at);
    if (!changed) return { value: record, audit: [] };
    saveRecord(doc, changed);
    const target = proposalTarget(record, inDoc, paragraphLabels(doc));
    return { value: changed, audit: [auditRow(s, at, 'proposal.rationale', target, { proposalId, rationale })] };
  });
}

const closingAction = {
  accepted: 'proposal.accept',
  rejected: 'proposal.reject',
  withdrawn: 'proposal.withdraw',
} as const;

/**
 * Closes the proposals `ids` in one change: the text changes (decide.ts), each gets its
 * record closed with the words it had, and an audit entry; the delegations whose proposals it
 * accepted or rejected are told, from those records, with the change (notifications/notices.ts).
 *
 * A decision can take away every mark of a proposal it was not about: accepting Japan's
 * replacement of "grave" deletes the word, and Mexico's proposal to delete "grave" goes with
 * it. Such a proposal cannot stay pending, since nothing of it is left to decide. It is
 * recorded as rejected: the text was settled otherwise than it proposed (here "serious concern",
 * not "concern"), and "withdrawn" would say its proposer took it back, which they did not. Its
 * record and audit entry keep its words and name the proposals it fell with. A proposal that
 * keeps some marks elsewhere stays pending.
 */
function closeProposals(
  doc: Y.Doc,
  s: RevisionStanding,
  names: NameBook,
  at: string,
  ids: string[],
  status: Exclude<ProposalStatus, 'pending'>,
  inDoc: Map<string, ProposalInDoc>,
  participants: readonly ParticipantRecord[],
): Change<ProposalActResult> {
  if (ids.length === 0) return { value: { proposalIds: [], lapsed: [] }, audit: [] };
  requireRecords(doc, ids, names, at, inDoc);
  // Named as the delegates saw the text when the act was taken.
  const labels = paragraphLabels(doc);
  applyDecision(doc, new Set(ids), status === 'accepted' ? 'accept' : 'reject');
  const remaining = proposalIdsInText(doc);
  const lapsed = [...inDoc.keys()].filter(
    (id) => !ids.includes(id) && !remaining.has(id) && (findRecord(doc, id)?.status ?? 'pending') === 'pending',
  );
  requireRecords(doc, lapsed, names, at, inDoc);

  const actor = actorOf(s);
  const audit: AuditRow[] = [];
  const closedByAct: ClosedByAct[] = [];
  const close = (id: string, closing: typeof status, detail: Record<string, unknown>, lapsed = false) => {
    const record = findRecord(doc, id);
    if (!record) return;
    const closed = closedRecord(record, closing, inDoc.get(id), actor, at, lapsed ? 'lapsed' : undefined);
    saveRecord(doc, closed);
    closedByAct.push({ record: closed, lapsed });
    audit.push(
      auditRow(s, at, closingAction[closing], proposalTarget(record, inDoc, labels), {
        proposalId: id,
        inserted: closed.inserted,
        deleted: closed.deleted,
        ...detail,
      }),
    );
  };
  for (const id of ids) close(id, status, {});
  for (const id of lapsed) close(id, 'rejected', { fellWith: ids }, true);
  return {
    value: { proposalIds: ids, lapsed },
    audit,
    notifications: proposalNotices(s, closedByAct, participants, at),
  };
}

/** The pending proposals one decision covers, in document order; 404 when the scope names nothing. */
function proposalsInScope(
  doc: Y.Doc,
  scope: DecisionScope,
  names: NameBook,
  at: string,
  inDoc: Map<string, ProposalInDoc>,
): string[] {
  const pending = (p: ProposalInDoc) => (findRecord(doc, p.id)?.status ?? 'pending') === 'pending';
  const all = [...inDoc.values()].filter(pending);
  switch (scope.kind) {
    case 'proposal':
      return [pendingProposal(doc, scope.proposalId, names, at, inDoc).id];
    case 'paragraph':
      if (!findParagraph(doc, scope.pid)) {
        throw new HttpError(404, 'not_found', 'This paragraph was not found in this revision.');
      }
      // A proposal is decided whole, even where it reaches into other paragraphs.
      return all.filter((p) => p.paragraphs.includes(scope.pid)).map((p) => p.id);
    case 'delegation':
      return all.filter((p) => p.attrs.delegation === scope.delegationId).map((p) => p.id);
    case 'all':
      return all.map((p) => p.id);
  }
}

/**
 * The Chair (or a Bureau member holding the pen) accepts or rejects one proposal, all of a
 * paragraph, all of a delegation, or all: one act, one stored change, an audit entry each.
 */
export async function decide(
  parts: ActParts,
  s: RevisionStanding,
  request: DecisionRequest,
): Promise<ProposalActResult> {
  mayEverOr403(
    s,
    'acceptOrReject',
    'Only the Chair, or a Bureau member holding the pen, accepts or rejects proposals.',
  );
  const participants = await parts.store.listParticipants(s.meeting.id);
  return actOn(parts, s, (doc, names, at) => {
    const inDoc = proposalsInDoc(doc);
    const ids = proposalsInScope(doc, request.scope, names, at, inDoc);
    const status = request.decision === 'accept' ? 'accepted' : 'rejected';
    return closeProposals(doc, s, names, at, ids, status, inDoc, participants);
  });
}

/**
 * The proposing delegation takes its proposal back: the text returns to what it was without it.
 * Nobody is told of the withdrawal itself, but a proposal that lapses with it is told as rejected.
 */
export async function withdraw(parts: ActParts, s: RevisionStanding, proposalId: string): Promise<ProposalActResult> {
  mayEverOr403(s, 'withdrawProposal', 'Only the delegation that made a proposal withdraws it.');
  const participants = await parts.store.listParticipants(s.meeting.id);
  return actOn(parts, s, (doc, names, at) => {
    const inDoc = proposalsInDoc(doc);
    const record = pendingProposal(doc, proposalId, names, at, inDoc);
    allow(s, 'withdrawProposal', `Only ${record.delegationName}, which made this proposal, withdraws it.`, {
      own: record.delegationId === s.delegation.id,
    });
    return closeProposals(doc, s, names, at, [proposalId], 'withdrawn', inDoc, participants);
  });
}

const sectionRefusal =
  'Only the Chair, a Bureau member holding the pen, or the facilitator of this section opens or closes it and sets the status of its paragraphs.';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Marks a paragraph open, agreed ad ref or agreed. */
export function setParagraphStatus(
  parts: ActParts,
  s: RevisionStanding,
  pid: string,
  status: ParagraphStatus,
): Promise<{ pid: string; status: ParagraphStatus }> {
  mayEverOr403(s, 'manageSections', sectionRefusal);
  return actOn(parts, s, (doc, _names, at) => {
    const found = findParagraph(doc, pid);
    if (!found) throw new HttpError(404, 'not_found', 'This paragraph was not found in this revision.');
    allow(s, 'manageSections', sectionRefusal, { sectionId: found.sid ?? undefined });
    const label = paragraphLabels(doc).get(pid) ?? `paragraph ${pid}`;
    const before = setStatusAttribute(found.paragraph, status);
    const audit =
      before === status
        ? []
        : [
            auditRow(s, at, 'paragraph.status', capitalised(label), {
              pid,
              from: PARAGRAPH_STATUS_NAMES[before],
              to: PARAGRAPH_STATUS_NAMES[status],
            }),
          ];
    return { value: { pid, status }, audit };
  });
}

/** Opens or closes a section for proposals; the proposals already in it stay. */
export function setSectionState(
  parts: ActParts,
  s: RevisionStanding,
  sid: string,
  closed: boolean,
): Promise<{ sid: string; closed: boolean }> {
  mayEverOr403(s, 'manageSections', sectionRefusal);
  return actOn(parts, s, (doc, _names, at) => {
    const section = findSection(doc, sid);
    if (!section) throw new HttpError(404, 'not_found', 'This section was not found in this revision.');
    allow(s, 'manageSections', sectionRefusal, { sectionId: sid });
    const before = setSectionClosed(section, closed);
    const audit =
      before === closed
        ? []
        : [auditRow(s, at, closed ? 'section.close' : 'section.open', `Section ${sectionHeading(section)}`, { sid })];
    return { value: { sid, closed }, audit };
  });
}
