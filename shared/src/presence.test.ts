import { describe, expect, it } from 'vitest';
import { DELEGATION_PALETTE, delegationColour } from './presence.ts';

function relativeLuminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const delegations = ['KEN', 'MEX', 'JPN', 'CHL', 'PER', 'FRA', 'DEU', 'BRA', 'ZAF', 'IND', 'USA', 'EU', 'ICRC', 'NOR'];

describe('delegationColour', () => {
  it('gives a delegation the same colour every time, whatever the case of its code', () => {
    for (const code of delegations) {
      expect(delegationColour(code)).toBe(delegationColour(code));
      expect(delegationColour(code.toLowerCase())).toBe(delegationColour(code));
    }
  });

  it('spreads delegation codes evenly over the whole palette', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const codes = [...letters].flatMap((first) => [...letters].map((second) => `${first}${second}X`));
    const counts = new Map<string, number>();
    for (const code of codes) counts.set(delegationColour(code), (counts.get(delegationColour(code)) ?? 0) + 1);
    const fairShare = codes.length / DELEGATION_PALETTE.length;
    expect(counts.size).toBe(DELEGATION_PALETTE.length);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(fairShare * 0.7);
      expect(count).toBeLessThan(fairShare * 1.3);
    }
  });

  it('only picks six-digit colours that white caret labels are legible on (WCAG AA)', () => {
    for (const code of [...delegations, '', 'X', 'ÉTAT']) {
      expect(DELEGATION_PALETTE).toContain(delegationColour(code));
    }
    for (const colour of DELEGATION_PALETTE) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(1.05 / (relativeLuminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
