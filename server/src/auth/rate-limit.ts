import { isIPv6 } from 'node:net';
import { HttpError } from '../http/errors.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** How many failed password checks a key may have within a window, and how long it is then locked out. */
export interface LimitPolicy {
  maxFailures: number;
  windowMs: number;
  /** Each further lockout lasts twice as long as the one before, up to `maxLockoutMs`. */
  firstLockoutMs: number;
  maxLockoutMs: number;
}

/**
 * Per account from one address: enough for a person who mistypes, too few for guessing. Kept
 * per address so that a stranger's wrong guesses cannot lock the Chair out on the day.
 */
export const accountPolicy: LimitPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  firstLockoutMs: MINUTE,
  maxLockoutMs: 60 * MINUTE,
};

/** Per client address: higher, since a delegation's whole office may sign in from one address. */
export const addressPolicy: LimitPolicy = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  firstLockoutMs: MINUTE,
  maxLockoutMs: 60 * MINUTE,
};

/**
 * Per account from all addresses together: guessing spread over many addresses is still
 * stopped, while locking a person out takes many addresses at once.
 */
export const accountEverywherePolicy: LimitPolicy = {
  maxFailures: 50,
  windowMs: 15 * MINUTE,
  firstLockoutMs: MINUTE,
  maxLockoutMs: 60 * MINUTE,
};

/** Beyond this many keys, forgotten ones are swept out (at most once a minute), then the oldest dropped. */
const SWEEP_ABOVE = 10_000;
const MAX_KEYS = 100_000;

interface Counter {
  /** When each failure within the window happened, oldest first. */
  failures: number[];
  /** Attempts whose password is being checked right now. */
  pending: number;
  lockouts: number;
  lockedUntil: number;
}

/** Failures and lockouts of one kind of key (accounts or addresses). */
class FailureCounters {
  readonly #policy: LimitPolicy;
  readonly #counters = new Map<string, Counter>();
  #sweptAt = Number.NEGATIVE_INFINITY;

  constructor(policy: LimitPolicy) {
    this.#policy = policy;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const counter = this.#current(key, now);
    if (!counter) return 0;
    if (counter.lockedUntil > now) return counter.lockedUntil - now;
    // Attempts still being checked count as failures, or a burst sent in parallel would all
    // be checked before the first one failed.
    if (counter.failures.length + counter.pending >= this.#policy.maxFailures) return SECOND;
    return 0;
  }

  begin(key: string, now: number): void {
    let counter = this.#current(key, now);
    if (!counter) {
      this.#sweep(now);
      counter = { failures: [], pending: 0, lockouts: 0, lockedUntil: 0 };
      this.#counters.set(key, counter);
    }
    counter.pending += 1;
  }

  /** The attempt `begin` counted is over; a failure is remembered and may lock the key out. */
  settle(key: string, now: number, failed: boolean): void {
    const counter = this.#counters.get(key);
    if (!counter) return;
    counter.pending -= 1;
    if (!failed) return;
    counter.failures.push(now);
    const { maxFailures, firstLockoutMs, maxLockoutMs } = this.#policy;
    if (counter.failures.length < maxFailures) return;
    counter.lockouts += 1;
    counter.lockedUntil = now + Math.min(firstLockoutMs * 2 ** (counter.lockouts - 1), maxLockoutMs);
    // After the lockout one more failure within the window locks again, for twice as long.
    counter.failures = counter.failures.slice(-(maxFailures - 1));
  }

  forget(key: string): void {
    this.#counters.delete(key);
  }

  /** The key's counter with failures outside the window dropped; forgotten after a quiet window. */
  #current(key: string, now: number): Counter | undefined {
    const counter = this.#counters.get(key);
    if (!counter) return undefined;
    if (this.#prune(counter, now)) {
      this.#counters.delete(key);
      return undefined;
    }
    return counter;
  }

  /** Drops failures outside the window; true when nothing about the key is worth remembering. */
  #prune(counter: Counter, now: number): boolean {
    const since = now - this.#policy.windowMs;
    counter.failures = counter.failures.filter((at) => at > since);
    return counter.failures.length === 0 && counter.pending === 0 && counter.lockedUntil <= since;
  }

  #sweep(now: number): void {
    if (this.#counters.size < SWEEP_ABOVE || now - this.#sweptAt < MINUTE) return;
    this.#sweptAt = now;
    for (const [key, counter] of this.#counters) if (this.#prune(counter, now)) this.#counters.delete(key);
    // Memory stays bounded under a flood of made-up emails; the oldest keys go first.
    for (const key of this.#counters.keys()) {
      if (this.#counters.size < MAX_KEYS) break;
      this.#counters.delete(key);
    }
  }
}

/** IPv6 hosts are usually given a whole /64, so one /64 counts as one address; IPv4-mapped addresses as IPv4. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Limits password checks (sign-in, and accepting an invitation as an existing account) per
 * account and per client address, with lockouts that double while the failures go on.
 *
 * Kept in this process's memory: a restart forgets it, and several instances would each count
 * on their own. When they share documents through Redis (DESIGN.md §2), these counters move
 * there too, behind the same `attempt`.
 */
export class SignInLimiter {
  /** Keyed by account and address together. */
  readonly #accounts: FailureCounters;
  readonly #accountsEverywhere: FailureCounters;
  readonly #addresses: FailureCounters;
  readonly #now: () => number;

  constructor(
    options: { now?: () => number; account?: LimitPolicy; accountEverywhere?: LimitPolicy; address?: LimitPolicy } = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#accounts = new FailureCounters(options.account ?? accountPolicy);
    this.#accountsEverywhere = new FailureCounters(options.accountEverywhere ?? accountEverywherePolicy);
    this.#addresses = new FailureCounters(options.address ?? addressPolicy);
  }

  /**
   * Runs one password check for `email` from `address`. Refuses with 429 and `Retry-After`
   * while either is locked out; counts a null result as a failure of both; a success forgets
   * the account's failures (not the address's, or one valid account would reset a spray).
   */
  async attempt<T>(email: string, address: string, check: () => Promise<T | null>): Promise<T | null> {
    const everywhere = email.trim().toLowerCase();
    const from = addressKey(address);
    const account = `${everywhere}\n${from}`;
    const now = this.#now();
    const waitMs = Math.max(
      this.#accounts.waitMs(account, now),
      this.#accountsEverywhere.waitMs(everywhere, now),
      this.#addresses.waitMs(from, now),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / SECOND);
      throw new HttpError(429, 'too_many_attempts', `Too many sign-in attempts. Try again in ${seconds} s.`, {
        'Retry-After': String(seconds),
      });
    }
    this.#accounts.begin(account, now);
    this.#accountsEverywhere.begin(everywhere, now);
    this.#addresses.begin(from, now);
    // A check that throws (the store failing) is not held against anyone.
    let failed = false;
    try {
      const result = await check();
      failed = result === null;
      if (!failed) {
        this.#accounts.forget(account);
        this.#accountsEverywhere.forget(everywhere);
      }
      return result;
    } finally {
      const end = this.#now();
      this.#accounts.settle(account, end, failed);
      this.#accountsEverywhere.settle(everywhere, end, failed);
      this.#addresses.settle(from, end, failed);
    }
  }
}
