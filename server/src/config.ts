import { join, resolve } from 'node:path';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@zerodraft/shared/protocol.ts';

export interface Config {
  port: number;
  /** Folder of the SQLite file `zerodraft.db`. */
  dataDir: string;
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Mark the session cookie `Secure` (set when served over HTTPS). */
  cookieSecure: boolean;
  sessionTtlMs: number;
  /** How long an open revision stays in memory after its last client left. */
  roomIdleMs: number;
  /** Fold a revision's update log into its snapshot after this many updates or bytes. */
  compactAfterUpdates: number;
  compactAfterBytes: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Built client to serve on the same origin, if any. */
  clientDir: string | null;
  /** Create the BMS7 demo meeting when the store is empty. */
  seedDemo: boolean;
  /**
   * Behind exactly one reverse proxy that appends the client's address to `X-Forwarded-For`:
   * take the client address (for sign-in rate limiting) from there instead of the socket.
   */
  trustProxy: boolean;
  /**
   * Origins besides the server's own that may send cookie-authenticated writes and open
   * websockets, e.g. the public `https://…` origin when a proxy terminates TLS.
   */
  allowedOrigins: string[];
  /** Largest request body accepted on `/api`, in bytes. */
  maxBodyBytes: number;
  /** How long an invitation link stays valid. */
  invitationTtlMs: number;
  /**
   * Check every update against DESIGN.md §3 (`SUGGESTION_POLICY`, on unless set to off). Off is
   * for the benchmark only, to measure what the check costs: delegations can then change any text.
   */
  enforceSuggestions: boolean;
  /** How often the server looks for silence procedures whose deadline has passed, to adopt them. */
  silenceSweepMs: number;
  /**
   * How often a quiet notification stream gets a comment line, so proxies and browsers keep it
   * open; a write that has not gone out within twice this ends the stream: its reader stopped.
   */
  notificationKeepAliveMs: number;
  /**
   * Most notification streams this instance holds open, all users together (each costs a socket,
   * a subscription and timers); beyond it a new one is refused with 503 and tries again later.
   */
  maxNotificationStreams: number;
  /**
   * TEST ONLY (`TEST_ONLY_CLOCK_START`, an ISO 8601 instant): the server's clock starts there
   * and runs on from it, so a test can stop a server before a deadline and restart it after.
   */
  testOnlyClockStart: Date | null;
}

const repoRoot = resolve(import.meta.dirname, '../..');

export const defaultConfig: Config = {
  port: 8080,
  dataDir: join(repoRoot, 'data'),
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  cookieSecure: false,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  roomIdleMs: 30_000,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
  sqliteSynchronous: 'FULL',
  clientDir: join(repoRoot, 'client/dist'),
  seedDemo: true,
  trustProxy: false,
  allowedOrigins: [],
  maxBodyBytes: 64 * 1024,
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  enforceSuggestions: true,
  silenceSweepMs: 1000,
  notificationKeepAliveMs: 25_000,
  maxNotificationStreams: 5_000,
  testOnlyClockStart: null,
};

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

/** `on` or `off`, nothing else: a typo must not switch a safeguard off or leave it on unnoticed. */
function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${name} must be on or off, got "${value}"`);
}

/** A comma-separated list of origins (`scheme://host[:port]`), each checked so a typo stops start-up. */
function origins(name: string, value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((entry) => {
    const origin = entry.trim().replace(/\/$/, '');
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(`${name} must list origins such as https://drafts.example.org, got "${entry.trim()}"`);
    return origin;
  });
}

function instant(name: string, value: string | undefined): Date | null {
  if (value === undefined || value === '') return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`${name} must be an ISO 8601 date and time, got "${value}"`);
  return parsed;
}

/** Reads the configuration from the environment; an invalid value stops start-up with its name. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const synchronous = env.SQLITE_SYNCHRONOUS ?? defaultConfig.sqliteSynchronous;
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error('SQLITE_SYNCHRONOUS must be FULL or NORMAL');
  return {
    port: integer('PORT', env.PORT, defaultConfig.port),
    dataDir: env.DATA_DIR ? resolve(env.DATA_DIR) : defaultConfig.dataDir,
    maxMessageBytes: integer('MAX_MESSAGE_BYTES', env.MAX_MESSAGE_BYTES, defaultConfig.maxMessageBytes),
    cookieSecure: flag('COOKIE_SECURE', env.COOKIE_SECURE, defaultConfig.cookieSecure),
    sessionTtlMs: integer('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12) * 60 * 60 * 1000,
    roomIdleMs: integer('ROOM_IDLE_MS', env.ROOM_IDLE_MS, defaultConfig.roomIdleMs),
    compactAfterUpdates: integer('COMPACT_AFTER_UPDATES', env.COMPACT_AFTER_UPDATES, defaultConfig.compactAfterUpdates),
    compactAfterBytes: integer('COMPACT_AFTER_BYTES', env.COMPACT_AFTER_BYTES, defaultConfig.compactAfterBytes),
    sqliteSynchronous: synchronous,
    clientDir: env.CLIENT_DIR === '' ? null : env.CLIENT_DIR ? resolve(env.CLIENT_DIR) : defaultConfig.clientDir,
    seedDemo: flag('SEED_DEMO', env.SEED_DEMO, defaultConfig.seedDemo),
    trustProxy: flag('TRUST_PROXY', env.TRUST_PROXY, defaultConfig.trustProxy),
    allowedOrigins: origins('ALLOWED_ORIGINS', env.ALLOWED_ORIGINS),
    maxBodyBytes: integer('MAX_BODY_BYTES', env.MAX_BODY_BYTES, defaultConfig.maxBodyBytes),
    invitationTtlMs: integer('INVITATION_TTL_HOURS', env.INVITATION_TTL_HOURS, 7 * 24) * 60 * 60 * 1000,
    enforceSuggestions: onOff('SUGGESTION_POLICY', env.SUGGESTION_POLICY, defaultConfig.enforceSuggestions),
    silenceSweepMs: integer('SILENCE_SWEEP_MS', env.SILENCE_SWEEP_MS, defaultConfig.silenceSweepMs),
    notificationKeepAliveMs: integer(
      'NOTIFICATION_KEEP_ALIVE_MS',
      env.NOTIFICATION_KEEP_ALIVE_MS,
      defaultConfig.notificationKeepAliveMs,
    ),
    maxNotificationStreams: integer(
      'MAX_NOTIFICATION_STREAMS',
      env.MAX_NOTIFICATION_STREAMS,
      defaultConfig.maxNotificationStreams,
    ),
    testOnlyClockStart: instant('TEST_ONLY_CLOCK_START', env.TEST_ONLY_CLOCK_START),
  };
}
