import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RevisionState } from '../api/meetings.ts';
import { ROLES, type Role, type Standing } from '../roles/permissions.ts';
import { revisionAccess } from '../roles/revision-access.ts';
import { FINAL_REVISION_STATES, mayCause, mayRunSilence, revisionTransition } from './revision-states.ts';
import {
  adoptSilence,
  breakSilence,
  mayBreakSilence,
  type SilenceProcedure,
  type SilenceStep,
  startSilence,
  withdrawSilence,
} from './silence.ts';

/**
 * Random sequences of acts by random roles at random times, run through both state machines as
 * the server runs them; after every act, the invariants of DESIGN.md §1 and §3 must hold.
 */

const HOUR = 60 * 60 * 1000;
const NOTICE_HOURS = 24;
const venue = { timeZone: 'America/New_York', place: 'New York' };

type Act =
  | { kind: 'wait'; ms: number }
  | { kind: 'edit'; role: Role; hasPen: boolean }
  | { kind: 'circulate'; role: Role; hasPen: boolean }
  | { kind: 'supersede' }
  | { kind: 'start'; role: Role; hasPen: boolean; appointed: boolean; inMs: number }
  | { kind: 'break'; role: Role; hasPen: boolean; objection: string }
  | { kind: 'withdraw'; role: Role; hasPen: boolean; appointed: boolean }
  | { kind: 'adopt' };

const who = { role: fc.constantFrom(...ROLES), hasPen: fc.boolean() };
const act: fc.Arbitrary<Act> = fc.oneof(
  // Waits sometimes land exactly on a deadline's millisecond, or one either side of it.
  fc.record({
    kind: fc.constant('wait' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 48 * HOUR }), fc.constantFrom(1, 1000)),
  }),
  fc.record({ kind: fc.constant('edit' as const), ...who }),
  fc.record({ kind: fc.constant('circulate' as const), ...who }),
  fc.record({ kind: fc.constant('supersede' as const) }),
  fc.record({
    kind: fc.constant('start' as const),
    ...who,
    appointed: fc.boolean(),
    inMs: fc.oneof(
      fc.integer({ min: -HOUR, max: 72 * HOUR }),
      fc.constantFrom(NOTICE_HOURS * HOUR, NOTICE_HOURS * HOUR - 1),
    ),
  }),
  fc.record({
    kind: fc.constant('break' as const),
    ...who,
    objection: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 1, maxLength: 40 })),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), ...who, appointed: fc.boolean() }),
  fc.record({ kind: fc.constant('adopt' as const) }),
);

interface World {
  now: number;
  state: RevisionState;
  /** The text, as a count of the changes made to it. */
  text: number;
  procedures: SilenceProcedure[];
}

const standing = (role: Role, hasPen: boolean): Standing => ({ role, hasPen, sections: [] });
const actor = (role: Role) => ({ userId: role, userName: role, delegationId: role, delegationName: role });

/** Applies one act as the server would: refused acts change nothing. */
function step(world: World, a: Act): { world: World; refused: boolean } {
  const now = new Date(world.now);
  const running = world.procedures.find((p) => p.status === 'running');
  const moveTo = (event: Parameters<typeof revisionTransition>[1], w: World): World | null => {
    const t = revisionTransition(w.state, event);
    return t.ok ? { ...w, state: t.to } : null;
  };
  const ended = (result: SilenceStep, event: 'endSilence' | 'adopt') => {
    if (!result.ok || !running) return null;
    const procedures = world.procedures.map((p) => (p.id === running.id ? result.procedure : p));
    return moveTo(event, { ...world, procedures });
  };
  let next: World | null = null;
  switch (a.kind) {
    case 'wait':
      return { world: { ...world, now: world.now + a.ms }, refused: false };
    case 'edit':
      next = revisionAccess(standing(a.role, a.hasPen), world.state).write ? { ...world, text: world.text + 1 } : null;
      break;
    case 'circulate':
      next = mayCause(standing(a.role, a.hasPen), 'circulate', false) ? moveTo('circulate', world) : null;
      break;
    case 'supersede':
      next = moveTo('supersede', world);
      break;
    case 'start': {
      if (!mayCause(standing(a.role, a.hasPen), 'startSilence', a.appointed)) break;
      const result = startSilence({
        id: `s${world.procedures.length}`,
        revisionId: 'r',
        revisionState: world.state,
        deadline: new Date(world.now + a.inMs).toISOString(),
        timeZone: venue.timeZone,
        by: actor(a.role),
        now,
        noticeHours: NOTICE_HOURS,
        venue,
      });
      if (result.ok) next = moveTo('startSilence', { ...world, procedures: [...world.procedures, result.procedure] });
      break;
    }
    case 'break':
      if (running && mayBreakSilence(standing(a.role, a.hasPen))) {
        next = ended(breakSilence(running, { by: actor(a.role), objection: a.objection, now, venue }), 'endSilence');
      }
      break;
    case 'withdraw':
      if (running && mayRunSilence(standing(a.role, a.hasPen), a.appointed)) {
        next = ended(withdrawSilence(running, { by: actor(a.role), now, venue }), 'endSilence');
      }
      break;
    case 'adopt':
      if (running) next = ended(adoptSilence(running, now), 'adopt');
      break;
  }
  return next ? { world: next, refused: false } : { world, refused: true };
}

function checkInvariants(before: World, a: Act, after: World, refused: boolean): void {
  // A final revision never moves again, and its text and procedures are frozen.
  if (FINAL_REVISION_STATES.includes(before.state)) {
    expect(after.state).toBe(before.state);
    expect(after.text).toBe(before.text);
    expect(after.procedures).toEqual(before.procedures);
  }
  // Nothing changes the text under silence.
  if (before.state === 'under_silence') expect(after.text).toBe(before.text);
  // No objection counts at or after the deadline.
  const running = before.procedures.find((p) => p.status === 'running');
  if (a.kind === 'break' && running && before.now >= Date.parse(running.deadline)) expect(refused).toBe(true);
  if (a.kind === 'adopt' && running && before.now < Date.parse(running.deadline)) expect(refused).toBe(true);
  // Under silence exactly when one procedure runs; each ends once, in one way, at a lawful time.
  const runningNow = after.procedures.filter((p) => p.status === 'running');
  expect(runningNow.length).toBe(after.state === 'under_silence' ? 1 : 0);
  for (const [i, p] of after.procedures.entries()) {
    const was = before.procedures[i];
    if (was && was.status !== 'running') expect(p).toEqual(was);
    if (p.status === 'adopted') expect(p.endedAt).toBe(p.deadline);
    if (p.status === 'broken') {
      expect(Date.parse(p.endedAt ?? '')).toBeLessThan(Date.parse(p.deadline));
      expect(p.objection?.trim()).toBeTruthy();
    }
    if (p.status === 'withdrawn') expect(Date.parse(p.endedAt ?? '')).toBeLessThan(Date.parse(p.deadline));
    expect(Date.parse(p.deadline) - Date.parse(p.startedAt)).toBeGreaterThanOrEqual(NOTICE_HOURS * HOUR);
  }
  // An adopted revision was adopted by its last procedure, and by no other.
  const adopted = after.procedures.filter((p) => p.status === 'adopted');
  expect(adopted.length).toBe(after.state === 'adopted' ? 1 : 0);
  if (adopted.length === 1) expect(after.procedures.at(-1)?.status).toBe('adopted');
}

describe('the revision and silence state machines', () => {
  it('keep every invariant through random acts by random roles at random times', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RevisionState>('in_preparation', 'circulated'),
        fc.array(act, { maxLength: 60 }),
        (start, acts) => {
          let world: World = { now: Date.parse('2021-07-26T13:00:00.000Z'), state: start, text: 0, procedures: [] };
          for (const a of acts) {
            const { world: after, refused } = step(world, a);
            checkInvariants(world, a, after, refused);
            world = after;
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reaches adoption, and breaking silence, in runs that try to', () => {
    // Guards against a model so strict that nothing ever happens in it.
    const circulated: World = { now: 0, state: 'circulated', text: 0, procedures: [] };
    const started = step(circulated, {
      kind: 'start',
      role: 'chair',
      hasPen: false,
      appointed: false,
      inMs: 25 * HOUR,
    });
    expect(started.world.state).toBe('under_silence');
    const broken = step(started.world, { kind: 'break', role: 'delegation', hasPen: false, objection: 'Para 12.' });
    expect(broken.world.state).toBe('circulated');
    const late = step(
      { ...started.world, now: 25 * HOUR },
      { kind: 'break', role: 'delegation', hasPen: false, objection: 'Late.' },
    );
    expect(late.refused).toBe(true);
    const adopted = step({ ...started.world, now: 25 * HOUR }, { kind: 'adopt' });
    expect(adopted.world.state).toBe('adopted');
  });
});
