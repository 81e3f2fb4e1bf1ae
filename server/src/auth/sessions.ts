import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord, Store, UserRecord } from '../store/store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Principal } from './principal.ts';

/** A signed-in browser; `tokenHash` is the key under which the session is stored. */
export type Session = Extract<Principal, { kind: 'session' }>;

/** Only a hash of the token is stored, so a leaked database does not hand out live sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Names a session in `GET /api/sessions` and `DELETE /api/sessions/:id`. A prefix of the hash:
 * the hash itself is the key a stolen copy of the database would need, so it never leaves the server.
 */
export const sessionId = (tokenHash: string) => tokenHash.slice(0, 16);

/** Sign-in, sign-out and the lookup of a session from its cookie token. */
export class Sessions {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #now: () => Date;
  /** Hashed for unknown emails too, so a failed sign-in takes as long whether or not the account exists. */
  readonly #decoyHash: Promise<string>;
  readonly #endedListeners = new Set<(tokenHash: string) => void>();

  constructor(store: Store, options: { ttlMs: number; now?: () => Date }) {
    this.#store = store;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? (() => new Date());
    this.#decoyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  /** Returns the new session's token, or null when the email or password is wrong. */
  async signIn(email: string, password: string): Promise<{ token: string; user: UserRecord } | null> {
    const user = await this.#store.findUserByEmail(email.trim());
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.#decoyHash));
    if (!user || !ok) return null;
    return { token: (await this.start(user)).token, user };
  }

  /** Opens a session for a user whose identity the caller has just proved: its cookie token and the session itself. */
  async start(user: UserRecord): Promise<{ token: string; session: Session }> {
    // Clears the user's expired sessions too, so the table does not keep every browser ever used.
    await this.list(user.id);
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const expiresAt = new Date(this.#now().getTime() + this.#ttlMs);
    await this.#store.createSession({ tokenHash, userId: user.id, expiresAt: expiresAt.toISOString() });
    return { token, session: { kind: 'session', user, tokenHash, expiresAt } };
  }

  /** The user's live sessions; expired ones are purged on the way. */
  async list(userId: string): Promise<SessionRecord[]> {
    const now = this.#now();
    const live: SessionRecord[] = [];
    for (const session of await this.#store.listSessions(userId)) {
      if (new Date(session.expiresAt) > now) live.push(session);
      else await this.#store.deleteSession(session.tokenHash);
    }
    return live;
  }

  /** Signs out one of the user's own sessions, named by `sessionId`; false when they have none by that id. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const session = (await this.list(userId)).find((s) => sessionId(s.tokenHash) === id);
    if (!session) return false;
    await this.signOut(session.tokenHash);
    return true;
  }

  async resolve(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 256) return null;
    const tokenHash = hashToken(token);
    const session = await this.#store.findSession(tokenHash);
    if (!session) return null;
    const expiresAt = new Date(session.expiresAt);
    if (expiresAt <= this.#now()) {
      await this.#store.deleteSession(tokenHash);
      return null;
    }
    const user = await this.#store.findUserById(session.userId);
    return user ? { kind: 'session', user, tokenHash, expiresAt } : null;
  }

  async signOut(tokenHash: string): Promise<void> {
    await this.#store.deleteSession(tokenHash);
    for (const listener of this.#endedListeners) listener(tokenHash);
  }

  /** Called with the token hash of every session signed out, so its open sockets can be closed. */
  onSignOut(listener: (tokenHash: string) => void): void {
    this.#endedListeners.add(listener);
  }
}
