import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type ServerProcess, spawnServer } from '../helpers/server-process.ts';

/** The built client, which the server serves on the same origin as the API. */
export const clientDir = join(repoRoot, 'client/dist');

/**
 * Starts `node server/src/main.ts` as in production: the built client and the API on one
 * origin, the BMS7 demo seeded into the SQLite file in `dataDir`. `port` 0 picks a free port;
 * a restart passes the previous one so the browsers' pages keep their origin.
 */
export async function startAppServer({
  dataDir,
  port = 0,
}: {
  dataDir: string;
  port?: number;
}): Promise<ServerProcess> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(
      `${join(clientDir, 'index.html')} is missing: build the client first with ` +
        '"pnpm --filter @zerodraft/client build" (pnpm test builds it before running vitest).',
    );
  }
  return spawnServer({ dataDir, env: { PORT: String(port), CLIENT_DIR: clientDir, SEED_DEMO: 'true' } });
}

/**
 * Stops `server` cleanly (SIGTERM; it stores every open revision first) and starts it again on
 * the same port and data, its clock starting at `clockStart` (TEST_ONLY_CLOCK_START): how a test
 * lets a deadline pass while no server runs.
 */
export async function restartAppServerAt(
  server: ServerProcess,
  dataDir: string,
  clockStart: string,
): Promise<ServerProcess> {
  const { port } = server;
  const exit = await server.stop('SIGTERM');
  if (exit.code !== 0 || exit.signal !== null) {
    throw new Error(`The server did not shut down cleanly (${JSON.stringify(exit)}):\n${server.output()}`);
  }
  return spawnServer({
    dataDir,
    env: { PORT: String(port), CLIENT_DIR: clientDir, SEED_DEMO: 'true', TEST_ONLY_CLOCK_START: clockStart },
  });
}
