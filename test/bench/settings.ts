import { parseArgs } from 'node:util';
import type { Load } from './latency.ts';

/** What every typing benchmark takes from its flags (or `BENCH_*` variables). */
export interface TypingSettings extends Load {
  /** Seconds measured per server, in total over its rounds. */
  duration: number;
  /** Measuring rounds per server, the servers alternating. */
  rounds: number;
  synchronous: 'FULL' | 'NORMAL';
  /** Exit 1 on a missed target. */
  strict: boolean;
}

/**
 * Reads the typing flags every benchmark shares, and the whole numbers named in `extra` (a flag
 * `--keystrokes` or a variable `BENCH_KEYSTROKES`, with its default), checking each.
 */
export function readTypingSettings<Extra extends string>(
  extra: Readonly<Record<Extra, number>>,
): TypingSettings & Record<Extra, number> {
  const extraNames = Object.keys(extra) as Extra[];
  const { values } = parseArgs({
    // `pnpm bench -- --clients 10` passes the `--` along.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      ...Object.fromEntries(extraNames.map((name) => [name, { type: 'string' as const }])),
      clients: { type: 'string' },
      typists: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      synchronous: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  const flag = (name: string) => (values as Record<string, string | boolean | undefined>)[name];
  const number = (name: string, fallback: number) => {
    const env = `BENCH_${name.toUpperCase()}`;
    const raw = flag(name) ?? process.env[env];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${env} must be a non-negative number, got "${raw}"`);
    return value;
  };
  const synchronous = values.synchronous ?? process.env.SQLITE_SYNCHRONOUS ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error('--synchronous must be FULL or NORMAL');
  const settings = {
    ...(Object.fromEntries(extraNames.map((name) => [name, Math.floor(number(name, extra[name]))])) as Record<
      Extra,
      number
    >),
    clients: Math.floor(number('clients', 50)),
    typists: Math.floor(number('typists', 5)),
    rate: number('rate', 5),
    duration: number('duration', 20),
    rounds: Math.max(1, Math.floor(number('rounds', 2))),
    warmup: number('warmup', 1),
    synchronous,
    strict: values.strict === true,
  } as TypingSettings & Record<Extra, number>;
  if (settings.typists < 1 || settings.clients < settings.typists + 1) {
    throw new Error('Needs at least one typist and one more client to see the edits');
  }
  if (settings.rate <= 0) throw new Error('--rate must be above 0');
  return settings;
}
