/** /compare as its tests run it: every reply checked against Discord's limits, and the parts they read. */

import { expect } from 'vitest';
import { compare } from '../../src/commands/compare';
import { messageProblems } from '../../src/commands/limits';
import type { Reply, RunContext } from '../../src/commands/types';
import { testContext } from './context';

export async function runCompare(options: Record<string, string> = {}, context: RunContext = testContext()): Promise<Reply> {
  const reply = (await compare.run(options as never, context)) as Reply;
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

export const description = (reply: Reply): string => reply.embeds[0]!.description ?? '';
export const field = (reply: Reply, prefix: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(prefix))!;
