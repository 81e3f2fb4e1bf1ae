import { randomUUID } from 'node:crypto';
import type { AuditAction } from '@zerodraft/shared/api/audit.ts';
import type { SilenceList, SilenceProcedureView, StartSilenceRequest } from '@zerodraft/shared/api/silence.ts';
import { mayRunSilence } from '@zerodraft/shared/lifecycle/revision-states.ts';
import {
  adoptSilence,
  breakSilence,
  deadlineClock,
  deadlineInWords,
  mayBreakSilence,
  type SilenceActor,
  type SilenceStep,
  startSilence,
  withdrawSilence,
} from '@zerodraft/shared/lifecycle/silence.ts';
import { instantAt } from '@zerodraft/shared/time/venue-time.ts';
import type { RevisionStanding } from '../authz/standing.ts';
import type { Clock } from '../clock.ts';
import type { Rooms } from '../collab/rooms.ts';
import { HttpError } from '../http/errors.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { AuditEntry, MeetingRecord, NewNotification, SilenceRecord, Store } from '../store/store.ts';
import { appointedToRunSilence } from './appointments.ts';

export interface SilenceParts {
  store: Store;
  rooms: Pick<Rooms, 'revisionStateChanging'>;
  clock: Clock;
  /** Makes the notifications each start and end stores with itself, and publishes them once committed. */
  notifier?: Notifier;
}

const actorOf = (s: RevisionStanding): SilenceActor => ({
  userId: s.principal.user.id,
  userName: s.principal.user.name,
  delegationId: s.delegation.id,
  delegationName: s.delegation.name,
});

/** A refusal of the procedure's own rules (time, state): 409 with the reason in words. */
function orConflict(step: SilenceStep): Extract<SilenceStep, { ok: true }> {
  if (!step.ok) throw new HttpError(409, 'silence_refused', step.reason);
  return step;
}

/**
 * The silence procedures of DESIGN.md §1, as the server runs them: started by the Chair or an
 * appointed facilitator, broken by a delegation's objection, withdrawn, or adopted at the
 * deadline. Each step stores the procedure, moves the revision and writes its audit entry and
 * its notifications in one transaction, in the room's queue, and the revision's editors learn
 * of it at once.
 */
export class SilenceProcedures {
  readonly #parts: SilenceParts;

  constructor(parts: SilenceParts) {
    this.#parts = parts;
  }

  async start(s: RevisionStanding, request: StartSilenceRequest): Promise<SilenceProcedureView> {
    if (!mayRunSilence(s.standing, await this.#appointed(s))) {
      throw new HttpError(
        403,
        'forbidden',
        'Only the Chair, or a facilitator appointed for this document, places it under silence.',
      );
    }
    const timeZone = request.timeZone ?? s.meeting.timeZone;
    const deadline = instantAt(request.date, request.time, timeZone);
    if (!deadline) {
      throw new HttpError(
        400,
        'invalid_deadline',
        `${request.date} at ${request.time} does not exist in ${timeZone}: the clocks skip it. Choose another time.`,
      );
    }
    const now = this.#parts.clock.now();
    const { procedure } = orConflict(
      startSilence({
        id: randomUUID(),
        revisionId: s.revision.id,
        revisionState: s.revision.state,
        deadline,
        timeZone,
        by: actorOf(s),
        now,
        noticeHours: s.meeting.silenceNoticeHours,
        venue: deadlineClock(timeZone, s.meeting),
      }),
    );
    const record: SilenceRecord = { ...procedure, meetingId: s.meeting.id };
    const notifications = await this.#notifications(record, s, now);
    const told = await this.#parts.rooms.revisionStateChanging(s.revision.id, () =>
      this.#parts.store.startSilence(record, this.#audit(s, now, 'silence.start', record), notifications),
    );
    if (!told) throw new HttpError(409, 'silence_refused', 'This revision is no longer circulated; reload it.');
    await this.#parts.notifier?.published(told);
    return view(record, s.meeting);
  }

  async breakSilence(s: RevisionStanding, objection: string): Promise<SilenceProcedureView> {
    if (!mayBreakSilence(s.standing)) {
      throw new HttpError(403, 'forbidden', 'Only delegations break silence, with a written objection.');
    }
    const running = await this.#running(s);
    const now = this.#parts.clock.now();
    const venue = deadlineClock(running.timeZone, s.meeting);
    const { procedure } = orConflict(breakSilence(running, { by: actorOf(s), objection, now, venue }));
    return this.#end(s, { ...procedure, meetingId: running.meetingId }, now, 'silence.break');
  }

  async withdraw(s: RevisionStanding): Promise<SilenceProcedureView> {
    if (!mayRunSilence(s.standing, await this.#appointed(s))) {
      throw new HttpError(
        403,
        'forbidden',
        'Only the Chair, or a facilitator appointed for this document, withdraws its silence procedure.',
      );
    }
    const running = await this.#running(s);
    const now = this.#parts.clock.now();
    const venue = deadlineClock(running.timeZone, s.meeting);
    const { procedure } = orConflict(withdrawSilence(running, { by: actorOf(s), now, venue }));
    return this.#end(s, { ...procedure, meetingId: running.meetingId }, now, 'silence.withdraw');
  }

  async list(s: RevisionStanding): Promise<SilenceList> {
    await this.adoptDue();
    const procedures = await this.#parts.store.listSilences(s.revision.id);
    const views = procedures.map((p) => view(p, s.meeting));
    return {
      current: views.find((p) => p.status === 'running') ?? null,
      previous: views.filter((p) => p.status !== 'running'),
    };
  }

  /**
   * Adopts every running procedure whose deadline has passed: at the deadline, and on start-up
   * for those that passed while the server was down. An objection that arrived in time is
   * already stored and has ended its procedure, so it is not among them. Returns how many this
   * call adopted; another instance may have adopted some first, and then this one does not.
   */
  async adoptDue(): Promise<number> {
    const { store, clock } = this.#parts;
    const now = clock.now();
    let adopted = 0;
    for (const due of await store.listDueSilences(now.toISOString())) {
      const step = adoptSilence(due, now);
      if (!step.ok) continue;
      const [revision, meeting] = await Promise.all([
        store.findRevision(due.revisionId),
        store.findMeeting(due.meetingId),
      ]);
      const entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string } = {
        meetingId: due.meetingId,
        actorUserId: null,
        actorName: 'Zerodraft, at the deadline',
        actorDelegation: null,
        action: 'silence.adopt' satisfies AuditAction,
        target: revision?.name ?? due.revisionId,
        detail: {
          procedure: due.id,
          deadline: due.deadline,
          ...(meeting && { deadlineAtVenue: deadlineInWords(due.deadline, deadlineClock(due.timeZone, meeting)) }),
        },
        at: now.toISOString(),
      };
      const adoption: SilenceRecord = { ...step.procedure, meetingId: due.meetingId };
      const notifications = await this.#notifications(adoption, null, now);
      const told = await this.#parts.rooms.revisionStateChanging(due.revisionId, () =>
        store.endSilence(adoption, now.toISOString(), entry, notifications),
      );
      if (!told) continue;
      adopted += 1;
      await this.#parts.notifier?.published(told);
    }
    return adopted;
  }

  async #running(s: RevisionStanding): Promise<SilenceRecord> {
    await this.adoptDue();
    const running = await this.#parts.store.findRunningSilence(s.revision.id);
    if (running) return running;
    const [last] = await this.#parts.store.listSilences(s.revision.id);
    throw new HttpError(
      409,
      'silence_refused',
      last?.status === 'adopted'
        ? `The silence procedure ended at ${deadlineInWords(last.deadline, deadlineClock(last.timeZone, s.meeting))}, with no objection before it: the text is adopted.`
        : 'This revision is not under silence procedure.',
    );
  }

  async #end(
    s: RevisionStanding,
    ended: SilenceRecord,
    now: Date,
    action: 'silence.break' | 'silence.withdraw',
  ): Promise<SilenceProcedureView> {
    const notifications = await this.#notifications(ended, s, now);
    const told = await this.#parts.rooms.revisionStateChanging(s.revision.id, () =>
      this.#parts.store.endSilence(ended, now.toISOString(), this.#audit(s, now, action, ended), notifications),
    );
    if (!told) {
      // Another act or the deadline came first: say which, from what is stored now.
      await this.#running(s);
      throw new HttpError(409, 'silence_refused', 'This silence procedure has already ended; reload it.');
    }
    await this.#parts.notifier?.published(told);
    return view(ended, s.meeting);
  }

  /** The notifications of `procedure` as it is about to be stored, to store with it. */
  async #notifications(procedure: SilenceRecord, s: RevisionStanding | null, now: Date): Promise<NewNotification[]> {
    return (await this.#parts.notifier?.ofSilence(procedure, s, now.toISOString())) ?? [];
  }

  /** Whether the Chair appointed this facilitator to run the silence procedure on the revision's document. */
  #appointed(s: RevisionStanding): Promise<boolean> {
    return appointedToRunSilence(this.#parts.store, s, s.document.id);
  }

  #audit(
    s: RevisionStanding,
    now: Date,
    action: AuditAction,
    procedure: SilenceRecord,
  ): Omit<AuditEntry, 'id' | 'at'> & { at?: string } {
    const venue = deadlineClock(procedure.timeZone, s.meeting);
    return {
      meetingId: s.meeting.id,
      actorUserId: s.principal.user.id,
      actorName: s.principal.user.name,
      actorDelegation: s.delegation.name,
      action,
      target: s.revision.name,
      detail: {
        procedure: procedure.id,
        deadline: procedure.deadline,
        deadlineAtVenue: deadlineInWords(procedure.deadline, venue),
        ...(procedure.objection !== null && { objection: procedure.objection }),
      },
      at: now.toISOString(),
    };
  }
}

/** A procedure as everyone sees it. */
function view(p: SilenceRecord, meeting: MeetingRecord): SilenceProcedureView {
  const person = (a: SilenceActor) => ({ name: a.userName, delegation: a.delegationName });
  return {
    id: p.id,
    revisionId: p.revisionId,
    status: p.status,
    deadline: p.deadline,
    timeZone: p.timeZone,
    deadlineAtVenue: deadlineInWords(p.deadline, deadlineClock(p.timeZone, meeting)),
    startedAt: p.startedAt,
    startedBy: person(p.startedBy),
    endedAt: p.endedAt,
    endedBy: p.endedBy && person(p.endedBy),
    objection: p.objection,
  };
}
