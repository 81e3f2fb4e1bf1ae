import { join } from 'node:path';
import type { Clock } from '@zerodraft/server/clock.ts';
import { type Config, defaultConfig } from '@zerodraft/server/config.ts';
import { type DemoAccount, demoAccounts, seedDemo } from '@zerodraft/server/demo/seed.ts';
import { type RunningServer, startServer } from '@zerodraft/server/server.ts';
import { SqliteStore } from '@zerodraft/server/store/sqlite.ts';
import { onTestFinished } from 'vitest';
import { type CollabClient, type ConnectOptions, connect } from './collab-client.ts';
import { type ServerProcess, type SpawnServerOptions, spawnServer } from './server-process.ts';
import { demoRevisionId, signIn } from './session.ts';
import { withAppendLatency } from './slow-store.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

function demoAccount(role: DemoAccount['role'], delegation?: string): DemoAccount {
  const account = demoAccounts.find((a) => a.role === role && (!delegation || a.delegation === delegation));
  if (!account) throw new Error(`The demo has no ${role} account${delegation ? ` for ${delegation}` : ''}`);
  return account;
}

/** Kenya, chairing BMS7. */
export const chair = demoAccount('chair');
/** Mexico, a delegation. */
export const mexico = demoAccount('delegation', 'Mexico');

/** A real server in this process on a free port, with a real SQLite file in a temp dir of its own. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`; the same after a restart. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databasePath: string;
  readonly config: Config;
  /**
   * Closes (sockets get 1001, open revisions are stored, the SQLite file is closed), runs
   * `whileStopped`, then reopens the file and listens on the same port.
   */
  restart(whileStopped?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a server seeded with the BMS7 demo and registers its teardown (close, delete the temp
 * dir) for the end of the current test, as Hocuspocus's `newHocuspocus` does.
 */
export async function newServer(
  overrides: Partial<Config> = {},
  {
    appendLatencyMs = 0,
    clock,
  }: {
    /** See `withAppendLatency`. */ appendLatencyMs?: number;
    /** The server's time source, e.g. a `ManualClock`; the system clock when absent. */
    clock?: Clock;
  } = {},
): Promise<TestServer> {
  const dataDir = makeTempDir();
  const databasePath = join(dataDir, 'zerodraft.db');
  const config: Config = { ...defaultConfig, port: 0, dataDir, clientDir: null, seedDemo: true, ...overrides };

  let store: SqliteStore | null = null;
  let running: RunningServer | null = null;
  const start = async (port: number): Promise<RunningServer> => {
    store = new SqliteStore({ path: databasePath, synchronous: config.sqliteSynchronous });
    if (config.seedDemo) await seedDemo(store);
    const served = appendLatencyMs > 0 ? withAppendLatency(store, appendLatencyMs) : store;
    running = await startServer({ store: served, config: { ...config, port }, clock });
    return running;
  };
  const stop = async () => {
    await running?.close();
    await store?.close();
    running = null;
    store = null;
  };

  const { port } = await start(config.port);
  onTestFinished(async () => {
    await stop();
    removeTempDir(dataDir);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    databasePath,
    config,
    async restart(whileStopped) {
      await stop();
      await whileStopped?.();
      await start(port);
    },
    close: stop,
  };
}

/** Runs `node server/src/main.ts` on a fresh temp dir (unless given one); killed at the end of the test. */
export async function newServerProcess(options: Partial<SpawnServerOptions> = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? makeTempDir();
  const server = await spawnServer({ ...options, dataDir });
  onTestFinished(async () => {
    await server.stop('SIGKILL');
    if (!options.dataDir) removeTempDir(dataDir);
  });
  return server;
}

/** Opens a revision with the stock provider; destroyed at the end of the test. */
export async function newClient(
  url: string,
  revisionId: string,
  cookie: string | undefined,
  options?: ConnectOptions,
): Promise<CollabClient> {
  const client = await connect(url, revisionId, cookie, options);
  onTestFinished(() => client.destroy());
  return client;
}

/** Signs in as `account` and finds the demo zero draft. */
export async function openDemo(
  url: string,
  account: DemoAccount = chair,
): Promise<{ cookie: string; revisionId: string }> {
  const cookie = await signIn(url, account.email, account.password);
  return { cookie, revisionId: await demoRevisionId(url, cookie) };
}
