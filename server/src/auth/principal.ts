import type { UserRecord } from '../store/store.ts';

/** Who a request or a websocket speaks for, and how they proved it. */
export type Principal =
  | { kind: 'session'; user: UserRecord; tokenHash: string; expiresAt: Date }
  /** A personal API token: a script acting for its user, in one meeting only. */
  | { kind: 'token'; user: UserRecord; tokenId: string; meetingId: string };
