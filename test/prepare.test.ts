import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prepareBetweenInteractions } from '../src/gateway/app';
import type { Command } from '../src/commands/types';
import { createLogger } from '../src/config/logger';

/** A command whose preparation is `steps` steps long and records when each ran. */
function preparing(name: string, steps: number, ran: number[], fail?: number): Command {
  return {
    definition: { name, description: name },
    run: () => ({ embeds: [] }),
    *prepare() {
      for (let i = 0; i < steps; i++) {
        if (i === fail) throw new Error('broken table');
        ran.push(i);
        yield i;
      }
    },
  } as unknown as Command;
}

const quietLog = () => {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { log: createLogger({ destination: destination as never }), lines };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('preparing answers between interactions', () => {
  it('runs every step on its own, without waiting for I/O to wake the event loop', async () => {
    const ran: number[] = [];
    const done = prepareBetweenInteractions([preparing('a', 300, ran), preparing('b', 300, ran)], quietLog().log, () => 0);
    // One timer and nothing else: steps that ran only when something woke the loop would stall here.
    await sleep(200);
    expect(ran).toHaveLength(600);
    await done;
  });

  it('waits while an interaction is being answered, and carries on when none is', async () => {
    const ran: number[] = [];
    let inFlight = 1;
    const done = prepareBetweenInteractions([preparing('a', 50, ran)], quietLog().log, () => inFlight);
    await sleep(60);
    expect(ran).toEqual([]);
    inFlight = 0;
    await done;
    expect(ran).toHaveLength(50);
  });

  it('ends a command whose preparation throws, logs it and prepares the others', async () => {
    const ran: number[] = [];
    const { log, lines } = quietLog();
    await prepareBetweenInteractions([preparing('broken', 10, ran, 3), preparing('fine', 5, ran)], log, () => 0);
    expect(ran).toEqual([0, 1, 2, 0, 1, 2, 3, 4]);
    expect(lines.join('')).toMatch(/could not prepare answers ahead/);
  });
});
