import { performance } from 'node:perf_hooks';

/** The benches' numeric options (`--name=value`), each bounded; a bad one stops the run with the reason. */

export function option(name: string, fallback: number, min: number, max: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(1);
  }
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
