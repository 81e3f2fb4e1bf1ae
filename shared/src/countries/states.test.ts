import { describe, expect, it } from 'vitest';
import { findState, UN_STATES } from './states.ts';

describe('UN_STATES', () => {
  it('lists the 193 Member States and the two Observer States', () => {
    expect(UN_STATES.filter((s) => s.kind === 'state')).toHaveLength(193);
    expect(UN_STATES.filter((s) => s.kind === 'observer_state').map((s) => s.name)).toEqual([
      'Holy See',
      'State of Palestine',
    ]);
  });

  it('gives every State its own ISO 3166-1 alpha-3 code and its own name', () => {
    for (const { code } of UN_STATES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(new Set(UN_STATES.map((s) => s.code)).size).toBe(UN_STATES.length);
    expect(new Set(UN_STATES.map((s) => s.name)).size).toBe(UN_STATES.length);
  });

  it('is in alphabetical order, as a list to pick from reads', () => {
    const names = UN_STATES.map((s) => s.name);
    expect(names).toEqual(names.toSorted((a, b) => a.localeCompare(b, 'en')));
  });

  it('finds a State by its code', () => {
    expect(findState('MEX')).toEqual({ name: 'Mexico', code: 'MEX', kind: 'state' });
    expect(findState('VAT')?.name).toBe('Holy See');
    expect(findState('XKX')).toBeUndefined();
  });
});
