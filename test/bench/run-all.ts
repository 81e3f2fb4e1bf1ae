/**
 * `pnpm bench`: the collaboration latency against the reference y-websocket server
 * (collab-latency.ts), then what tracked suggestions cost (suggestions.ts), each in a process
 * of its own, with the same flags:
 *
 *   pnpm bench [--clients 50 --typists 5 --rate 5 --duration 20 --rounds 2 --warmup 1 --synchronous FULL
 *     --keystrokes 2000 --opens 5 --strict]
 *
 * `--keystrokes` and `--opens` are the suggestion benchmark's only. Both benchmarks run even if
 * the first fails; the exit code is 1 if either failed (or, with `--strict`, missed a target).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const COMMON = ['clients', 'typists', 'rate', 'duration', 'rounds', 'warmup', 'synchronous'] as const;
const SUGGESTIONS_ONLY = ['keystrokes', 'opens'] as const;

const text = { type: 'string' } as const;
const { values } = parseArgs({
  // `pnpm bench -- --clients 10` passes the `--` along.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    clients: text,
    typists: text,
    rate: text,
    duration: text,
    rounds: text,
    warmup: text,
    synchronous: text,
    keystrokes: text,
    opens: text,
    strict: { type: 'boolean', default: false },
  },
});

const flags = (names: readonly (typeof COMMON | typeof SUGGESTIONS_ONLY)[number][]) =>
  names.flatMap((name) => {
    const value = values[name];
    return typeof value === 'string' ? [`--${name}`, value] : [];
  });
const common = [...flags(COMMON), ...(values.strict ? ['--strict'] : [])];

function run(script: string, args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [join(import.meta.dirname, script), ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const codes = [
  await run('collab-latency.ts', common),
  await run('suggestions.ts', [...common, ...flags(SUGGESTIONS_ONLY)]),
];
if (codes.some((code) => code !== 0)) process.exitCode = 1;
