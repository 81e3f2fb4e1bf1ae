import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import { addressKey, SignInLimiter } from './rate-limit.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A limiter on a clock the test moves by hand. */
function limiterAt(start = 1_000_000) {
  let now = start;
  const limiter = new SignInLimiter({ now: () => now });
  return {
    limiter,
    advance(ms: number) {
      now += ms;
    },
  };
}

const wrong = async (): Promise<string | null> => null;
const right = async (): Promise<string | null> => 'signed in';

/** The attempt's outcome: what `check` returned, or the seconds a 429 asked to wait. */
async function outcome(
  limiter: SignInLimiter,
  email: string,
  address: string,
  check = wrong,
): Promise<{ result: string | null } | { retryAfter: number }> {
  try {
    return { result: await limiter.attempt(email, address, check) };
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 429) throw error;
    expect(error.message).toBe(`Too many sign-in attempts. Try again in ${error.headers['Retry-After']} s.`);
    return { retryAfter: Number(error.headers['Retry-After']) };
  }
}

async function fail(limiter: SignInLimiter, times: number, email = 'mexico@bms7.example', address = '192.0.2.1') {
  for (let i = 0; i < times; i++) expect(await outcome(limiter, email, address)).toEqual({ result: null });
}

describe('SignInLimiter', () => {
  it('refuses the sixth attempt on an account for a minute, even with the right password', async () => {
    const { limiter, advance } = limiterAt();
    await fail(limiter, 5);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ retryAfter: 60 });
    advance(59 * SECOND);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ retryAfter: 1 });
    advance(SECOND);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ result: 'signed in' });
  });

  it('counts an email however it is capitalised, and leaves other accounts alone', async () => {
    const { limiter } = limiterAt();
    await fail(limiter, 3, 'Mexico@BMS7.example');
    await fail(limiter, 2, ' mexico@bms7.example');
    expect(await outcome(limiter, 'MEXICO@bms7.example', '192.0.2.1')).toEqual({ retryAfter: 60 });
    expect(await outcome(limiter, 'kenya@bms7.example', '192.0.2.1', right)).toEqual({ result: 'signed in' });
  });

  it('doubles the lockout with each failure that follows one', async () => {
    const { limiter, advance } = limiterAt();
    await fail(limiter, 5);
    for (const lockout of [60, 120, 240]) {
      expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1')).toEqual({ retryAfter: lockout });
      advance(lockout * SECOND);
      await fail(limiter, 1);
    }
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1')).toEqual({ retryAfter: 480 });
  });

  it("does not let a stranger's wrong guesses from elsewhere lock the account's owner out", async () => {
    const { limiter } = limiterAt();
    await fail(limiter, 5, 'kenya@bms7.example', '198.51.100.7');
    expect(await outcome(limiter, 'kenya@bms7.example', '198.51.100.7', right)).toEqual({ retryAfter: 60 });
    expect(await outcome(limiter, 'kenya@bms7.example', '192.0.2.1', right)).toEqual({ result: 'signed in' });
  });

  it('stops guessing spread over many addresses after 50 failures on the account', async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 50; i++) await fail(limiter, 1, 'mexico@bms7.example', `192.0.2.${i}`);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.200', right)).toEqual({ retryAfter: 60 });
  });

  it('never locks an account out for more than an hour', async () => {
    const { limiter, advance } = limiterAt();
    let longest = 0;
    // A guesser who tries again the moment each lockout ends.
    for (let i = 0; i < 60; i++) {
      const o = await outcome(limiter, 'mexico@bms7.example', '192.0.2.1');
      if ('retryAfter' in o) {
        longest = Math.max(longest, o.retryAfter);
        advance(o.retryAfter * SECOND);
      }
    }
    expect(longest).toBe((60 * MINUTE) / SECOND);
  });

  it('forgets failures older than 15 minutes, and a lockout after a quiet window', async () => {
    const { limiter, advance } = limiterAt();
    await fail(limiter, 4);
    advance(15 * MINUTE);
    await fail(limiter, 4);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ result: 'signed in' });

    await fail(limiter, 5);
    advance(60 * SECOND + 15 * MINUTE);
    await fail(limiter, 5);
    // Back to the first lockout's length: the earlier one was forgotten.
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1')).toEqual({ retryAfter: 60 });
  });

  it("resets an account's count on success, but not its address's", async () => {
    const { limiter } = limiterAt();
    for (const email of ['a', 'b', 'c', 'd'].map((name) => `${name}@bms7.example`)) {
      await fail(limiter, 4, email);
      expect(await outcome(limiter, email, '192.0.2.1', right)).toEqual({ result: 'signed in' });
    }
    await fail(limiter, 4, 'e@bms7.example');
    // 20 failures from one address, none of its accounts locked: the address is, for everyone.
    expect(await outcome(limiter, 'f@bms7.example', '192.0.2.1', right)).toEqual({ retryAfter: 60 });
    expect(await outcome(limiter, 'f@bms7.example', '198.51.100.7', right)).toEqual({ result: 'signed in' });
  });

  it('lets no more than five checks of one account run at once', async () => {
    const { limiter } = limiterAt();
    const pending: (() => void)[] = [];
    const slowWrong = () => new Promise<null>((resolve) => pending.push(() => resolve(null)));
    const attempts = Array.from({ length: 8 }, () => outcome(limiter, 'mexico@bms7.example', '192.0.2.1', slowWrong));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toHaveLength(5);
    for (const release of pending) release();
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => 'retryAfter' in o)).toHaveLength(3);
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ retryAfter: 60 });
  });

  it('does not hold a check that failed on the server against the account', async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 10; i++) {
      await expect(
        limiter.attempt('mexico@bms7.example', '192.0.2.1', async () => {
          throw new Error('database is locked');
        }),
      ).rejects.toThrow('database is locked');
    }
    expect(await outcome(limiter, 'mexico@bms7.example', '192.0.2.1', right)).toEqual({ result: 'signed in' });
  });
});

describe('addressKey', () => {
  it('counts an IPv6 /64 as one address, and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
