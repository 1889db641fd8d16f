/**
 * Inputs at the edges, found by crawling and fuzzing every command: each answered plainly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment } from '../src/commands/types';
import { capturingResponder, onMessage } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { tierbotCore } from '../src/interactions/tierbot';
import { OPTION_KIND, parseCompareInput } from '../src/domain/compare';
import { shorten } from '../src/domain/format';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testContext } from './support/context';
import { driver } from './support/drive';

/** True when no surrogate is left without its other half. */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('shortened text', () => {
  it('never ends in half an emoji', () => {
    expect(wellFormed(shorten(`ab${'😀'.repeat(40)}`, 60))).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '😀', '👨‍👩‍👧', '.', 'é'), { maxLength: 80 }), fc.integer({ min: 2, max: 70 }), (parts, max) => {
        const shortened = shorten(parts.join(''), max);
        // Counted as Discord counts: in code points, an emoji one.
        expect([...shortened].length).toBeLessThanOrEqual(max);
        expect(wellFormed(shortened)).toBe(true);
      }),
    );
  });

  it('is used where user text comes back: an unknown /glossary term of emoji', async () => {
    const { shown } = await driver().run(`/glossary term:ab${'😀'.repeat(40)}`);
    expect(wellFormed(JSON.stringify(shown.body.embeds))).toBe(true);
  });
});

describe('/roster without a platform column', () => {
  it('offers no Summary by platform button: there is nothing to split by', async () => {
    const bytes = new TextEncoder().encode('name,followers\nAnn,12000\nBo,450000\n');
    const url = 'https://cdn.discordapp.com/attachments/1/2/noplat.csv';
    const file: Attachment = { id: '1', filename: 'noplat.csv', url, size: bytes.length, contentType: 'text/csv' };
    const reply = await roster.run({ file } as never, testContext({ files: { [url]: bytes }, store: memoryStore() }));
    expect(messageProblems(reply)).toEqual([]);
    expect(reply.files?.map((f) => f.name)).toEqual(['roster-tiers.csv']);
    expect(reply.components ?? []).toEqual([]);
  });
});

describe('"Classify follower counts" on a payload without the resolved message', () => {
  it('is answered with what went wrong, not as a failure', async () => {
    const interaction = onMessage({ guildId: '42', manager: false }, 'Classify follower counts', '45k on IG');
    delete (interaction.data as { resolved?: unknown }).resolved;
    const core = tierbotCore({ store: memoryStore(), logger: createLogger({ level: 'silent' }), charts: false });
    const responder = capturingResponder();
    const answer = { outcome: await core.handle(interaction, responder), shown: responder.final() };
    expect(answer.outcome).toBe('input-error');
    expect(answer.shown!.body.flags).toBe(64);
    expect(JSON.stringify(answer.shown!.body.embeds)).toContain('did not send the message');
  });
});

describe('user text shown back', () => {
  it('keeps the joiners inside an emoji sequence and drops every other invisible character', async () => {
    const { quoteUserText } = await import('../src/commands/embeds');
    expect(quoteUserText('👨‍👩‍👧 family')).toBe('👨‍👩‍👧 family');
    expect(quoteUserText('❤️‍🔥 fans')).toBe('❤️‍🔥 fans');
    expect(quoteUserText('a\u200db\u200b c')).toBe('ab c');
    expect(quoteUserText('\u202eevil\u200d')).toBe('evil');
  });
});

describe('long emoji input quoted back in an input error', () => {
  const emoji = '😀'.repeat(100);

  it('/house set', async () => {
    const { shown } = await driver().run(`/house set "tiers:${emoji}"`, { guildId: '42', manager: true });
    expect(shown.body.flags).toBe(64);
    expect(wellFormed(JSON.stringify(shown.body.embeds).replace(/\\u[0-9a-f]{4}/gi, (e) => JSON.parse(`"${e}"`) as string))).toBe(true);
  });

  it('/compare preset', async () => {
    const { compare } = await import('../src/commands/compare');
    const reply = await compare.run({ preset: emoji } as never, testContext());
    expect(reply.inputError).toBe(true);
    expect(wellFormed(JSON.stringify(reply.embeds).replace(/\\u[0-9a-f]{4}/gi, (e) => JSON.parse(`"${e}"`) as string))).toBe(true);
  });
});

describe('/compare options typed far too long', () => {
  it('say how long they are and the most accepted, numbers of influencers included', () => {
    for (const option of Object.keys(OPTION_KIND)) {
      const parsed = parseCompareInput({ [option]: '9'.repeat(6000) });
      expect(parsed.ok, option).toBe(false);
      if (!parsed.ok) expect(parsed.reason, option).toMatch(/^That is 6000 characters long; .* at most \d+\.$/);
    }
  });
});
