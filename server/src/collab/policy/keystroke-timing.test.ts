import { describe, expect, it } from 'vitest';
import { timeKeystrokeChecks } from './keystroke-timing.ts';
import {
  attrsOf,
  chair,
  marked,
  mexico,
  negotiatedDraft,
  negotiatedRecords,
  revisionDoc,
  textAt,
} from './revision-fixture.ts';

describe('timing the policy over keystrokes, for the benchmark', () => {
  it('times each keystroke of a proposal and applies it to the room', () => {
    const room = revisionDoc(negotiatedDraft(), negotiatedRecords());
    const timings = timeKeystrokeChecks(room, mexico, 'p-1', 30, marked('insertion', attrsOf(mexico, 'prop-mexico-2')));
    expect(timings.check).toHaveLength(30);
    expect(timings.tryAndCheck.every((ms, i) => ms >= (timings.check[i] ?? 0))).toBe(true);
    expect(textAt(room, [1, 1]).toString()).toMatch(/Decides to convene a meeting of experts in 2027\.<insertion--/);
  });

  it('stops at a keystroke the policy refuses', () => {
    const room = revisionDoc(negotiatedDraft(), negotiatedRecords());
    expect(() => timeKeystrokeChecks(room, mexico, 'p-1', 3)).toThrow(
      "Keystroke 1 was refused: in paragraph 1, the text can only change as Mexico's tracked proposal",
    );
    expect(timeKeystrokeChecks(room, chair, 'p-1', 3).check).toHaveLength(3);
  });
});
