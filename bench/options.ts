import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

/**
 * The benches' arguments, read once and checked before anything starts: `--help` prints the usage,
 * and an argument the bench does not know stops it with the reason, since a typo would otherwise
 * start a run of several minutes with the default.
 */

const USAGE = `Usage: npm run bench -- [--json] [--mode gateway|http] [options]

  --json         the table goes to standard error; the last line of standard output is JSON
  --mode         gateway (default): Tierbot against the baseline bot over the stand-in's gateway
                 http: Tierbot's HTTP mode against the floor, with gateway mode for reference
  --help         this text

Gateway mode, each --name=value a whole number in its range:
  --guilds=500 (1–2500) --interactions=2000 (2–10000) --steady=600 (1–10000) --rate=10 (1–1000)
  --trials=5 (1–5) --warmup=50 (0–1000) --block=10 (1–10000)
  --calibrate    runs the baseline in both lanes: every ratio is then what the method itself gives

HTTP mode:
  --guilds=500 (1–2500) --steady=400 (20–10000) --rate=20 (1–500) --block=10 (1–1000)
  --warmup=60 (0–1000) --burst=1000 (10–10000) --concurrency=32 (1–256) --trials=3 (1–5)`;

const BOTH = ['guilds', 'steady', 'rate', 'trials', 'warmup', 'block'] as const;
const ONLY: Record<'gateway' | 'http', readonly string[]> = { gateway: ['interactions', 'calibrate'], http: ['burst', 'concurrency'] };
const NUMERIC = [...BOTH, 'interactions', 'burst', 'concurrency'];

function stop(reason: string): never {
  console.error(`${reason}\n\n${USAGE}`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        help: { type: 'boolean' },
        json: { type: 'boolean' },
        calibrate: { type: 'boolean' },
        mode: { type: 'string' },
        ...Object.fromEntries(NUMERIC.map((name) => [name, { type: 'string' as const }])),
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    return stop(err instanceof Error ? err.message : String(err));
  }
}

const values = readArguments();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** `gateway` (the default) or `http`. */
export const MODE: 'gateway' | 'http' = values.mode === undefined || values.mode === 'gateway' ? 'gateway' : values.mode === 'http' ? 'http' : stop('--mode must be gateway or http');

const other = MODE === 'gateway' ? 'http' : 'gateway';
for (const name of ONLY[other]) if (values[name] !== undefined) stop(`--${name} applies to --mode ${other} only`);

/** Whether a flag such as --json was given. */
export function flag(name: 'json' | 'calibrate'): boolean {
  return values[name] === true;
}

/** A numeric option (`--name=value`), bounded; a bad one stops the run with the reason. */
export function option(name: (typeof NUMERIC)[number], fallback: number, min: number, max: number): number {
  const given = values[name];
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < min || value > max) stop(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * The benches' human output: `say` writes to standard output, or to standard error when standard
 * output carries the JSON line; `progress` writes a line timed from `began` to standard error.
 */
export function reporters(jsonOut: boolean, began: number) {
  return {
    say: (line = '') => void (jsonOut ? process.stderr : process.stdout).write(`${line}\n`),
    progress: (line: string) => void process.stderr.write(`· ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s  ${line}\n`),
  };
}
