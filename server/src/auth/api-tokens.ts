import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiTokenRecord, Store } from '../store/store.ts';
import type { Principal } from './principal.ts';
import { hashToken } from './sessions.ts';

/** Prefix that makes a leaked token recognisable to secret scanners and to people. */
const PREFIX = 'zdt_';

/** Personal API tokens (`Authorization: Bearer zdt_…`), each scoped to one meeting and revocable. */
export class ApiTokens {
  readonly #store: Store;
  readonly #revokedListeners = new Set<(tokenId: string) => void>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Returns the token itself once; only its hash is stored. */
  async create(userId: string, meetingId: string, name: string): Promise<{ token: string; record: ApiTokenRecord }> {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const record = await this.#store.createApiToken({
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId,
      meetingId,
      name,
    });
    return { token, record };
  }

  /** Looking a token up by its hash is the comparison: no secret is compared byte by byte. */
  async resolve(token: string): Promise<Principal | null> {
    if (!token.startsWith(PREFIX) || token.length > 256) return null;
    const record = await this.#store.findApiTokenByHash(hashToken(token));
    if (!record || record.revokedAt) return null;
    const now = new Date();
    // Once a minute is enough for "last used", and spares a write on every request of a script.
    if (!record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() > 60_000) {
      await this.#store.touchApiToken(record.id, now.toISOString());
    }
    const user = await this.#store.findUserById(record.userId);
    return user ? { kind: 'token', user, tokenId: record.id, meetingId: record.meetingId } : null;
  }

  /** Revokes one of the user's own tokens; false when they have no live token by that id. */
  async revoke(tokenId: string, userId: string): Promise<boolean> {
    const revoked = await this.#store.revokeApiToken(tokenId, userId);
    if (revoked) for (const listener of this.#revokedListeners) listener(tokenId);
    return revoked;
  }

  /** Called with the id of every token revoked, so the sockets it opened can be closed. */
  onRevoke(listener: (tokenId: string) => void): void {
    this.#revokedListeners.add(listener);
  }
}
