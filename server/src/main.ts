import { join } from 'node:path';
import { clockStartingAt, systemClock } from './clock.ts';
import { configFromEnv } from './config.ts';
import { demoAccounts, seedDemo } from './demo/seed.ts';
import { startServer } from './server.ts';
import { SqliteStore } from './store/sqlite.ts';

/** Reads the configuration, opens the store, listens; SIGTERM and SIGINT shut down cleanly. */
async function main() {
  const config = configFromEnv(process.env);
  if (!config.enforceSuggestions) {
    console.warn('\n*** WARNING: SUGGESTION_POLICY=off: delegations can change any text. For benchmarks only. ***\n');
  }
  const store = new SqliteStore({ path: join(config.dataDir, 'zerodraft.db'), synchronous: config.sqliteSynchronous });
  if (config.seedDemo) {
    const created = await seedDemo(store);
    if (created) console.log('Created the BMS7 demo meeting.');
  }
  const clock = config.testOnlyClockStart ? clockStartingAt(config.testOnlyClockStart) : systemClock;
  if (config.testOnlyClockStart) console.warn(`*** TEST ONLY: the clock starts at ${clock.now().toISOString()}. ***`);
  const server = await startServer({ store, config, clock });
  console.log(`Zerodraft is listening on http://localhost:${server.port}`);
  if (config.seedDemo) {
    console.log('Demo accounts (email / password):');
    for (const a of demoAccounts)
      console.log(`  ${a.email.padEnd(28)} ${a.password.padEnd(20)} ${a.delegation} (${a.role})`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and storing open revisions…`);
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
