import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root, where `node server/src/main.ts` runs. */
export const repoRoot = resolve(import.meta.dirname, '../..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `node server/src/main.ts` running as a child process, as in production. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  exited: Promise<Exit>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and waits for the exit; a process already gone is fine. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface SpawnServerOptions {
  dataDir: string;
  /** More environment for the server (MAX_MESSAGE_BYTES, SQLITE_SYNCHRONOUS …). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const LISTENING = /listening on http:\/\/localhost:(\d+)/;

/**
 * Starts `node server/src/main.ts` on a free port (PORT=0) with its SQLite file in `dataDir` and no
 * client files, and resolves once it printed the port it listens on.
 */
export async function spawnServer({
  dataDir,
  env = {},
  startTimeoutMs = 30_000,
}: SpawnServerOptions): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, CLIENT_DIR: '', ...env };
  // A test runner's loader hooks are no business of the server.
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['server/src/main.ts'], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<Exit>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server process has no pid');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    child,
    exited,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
