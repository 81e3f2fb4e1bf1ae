import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('bms7-kenya');
    expect(stored).not.toContain('bms7-kenya');
    expect(await verifyPassword('bms7-kenya', stored)).toBe(true);
    expect(await verifyPassword('bms7-mexico', stored)).toBe(false);
  });

  it('salts each hash, so equal passwords are stored differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('never matches a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2$3$$')).toBe(false);
  });
});
