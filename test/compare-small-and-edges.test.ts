/**
 * /compare at the edges of its inputs: a fee never shown as $0 for a tiny account, and a bigger
 * account never shown reaching or engaging fewer people than a smaller one where the sources'
 * follower bands meet.
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { runCompare } from './support/compare';

const embedText = (reply: Reply) => reply.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]).join('\n');

describe('a fee for a tiny account', () => {
  it('is at least a cent in every scenario, so no positive cost reads $0', async () => {
    const text = embedText(await runCompare({ micro_followers: '1', micro_count: '1000' }));
    expect(text).toContain('Cost: **$10** ($10 to $30)');
    expect(text).not.toMatch(/\$0(?![.,\d])/);
  });
});
