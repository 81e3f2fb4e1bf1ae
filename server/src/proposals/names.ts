import type { Store } from '../store/store.ts';
import type { Names } from './records.ts';

/** Delegation and user ids that a change met in the text without knowing their names. */
export class UnknownNames extends Error {
  readonly delegationIds: string[];
  readonly userIds: string[];

  constructor(delegationIds: string[], userIds: string[]) {
    super('The names of a proposer are not known yet');
    this.delegationIds = delegationIds;
    this.userIds = userIds;
  }
}

/**
 * Names of proposers by id, filled from the store as acts meet them. A change of the room
 * runs synchronously, so it cannot look names up itself: it throws `UnknownNames`, and the
 * act looks them up and runs again.
 */
export class NameBook implements Names {
  readonly #delegations = new Map<string, { name: string; code: string }>();
  readonly #users = new Map<string, string>();

  knowDelegation(id: string, names: { name: string; code: string }): this {
    this.#delegations.set(id, names);
    return this;
  }

  knowUser(id: string, name: string): this {
    this.#users.set(id, name);
    return this;
  }

  delegation(id: string) {
    return this.#delegations.get(id);
  }

  user(id: string) {
    return this.#users.get(id);
  }

  /**
   * Looks the ids up in the store. An id the store does not have (or a delegation of another
   * meeting) is named as unknown rather than left out, so the act can still go ahead.
   */
  async learn(store: Store, meetingId: string, { delegationIds, userIds }: UnknownNames): Promise<void> {
    for (const id of delegationIds) {
      const delegation = await store.findDelegation(id);
      this.knowDelegation(
        id,
        delegation?.meetingId === meetingId ? delegation : { name: 'An unknown delegation', code: '' },
      );
    }
    for (const id of userIds) this.knowUser(id, (await store.findUserById(id))?.name ?? 'An unknown person');
  }
}
