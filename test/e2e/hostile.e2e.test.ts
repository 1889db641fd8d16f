/**
 * Hostile values in every command's text options, end to end in both ways in: each is answered
 * (never with the failure reply), within Discord's limits, pinging nobody, and nothing the user
 * typed comes back as a live mention, link or markdown.
 */

import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../tools/standin/limits';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const MANAGE_SERVER = String(1n << 5n);

const HOSTILE = [
  '@everyone <@123456789012345678> <@&123456789012345678>',
  '[click here](https://example.com/phish) **bold** `code` ||spoiler||',
  '\u202Eevil\u200B\u0000',
  'x'.repeat(4000),
  '🔥'.repeat(60),
  '-1e308',
  '',
];

/** Each command's text options, as a user (or a manager, for team settings) could fill them. */
const CASES: { command: string; options: (value: string) => Record<string, string>; manager?: boolean }[] = [
  { command: 'tiers', options: (v) => ({ source: v }) },
  { command: 'glossary', options: (v) => ({ term: v }) },
  { command: 'compare', options: (v) => ({ budget: v }) },
  { command: 'compare', options: (v) => ({ big_followers: v, micro_fee: v }) },
  { command: 'compare', options: (v) => ({ plan: v }) },
  { command: 'compare', options: (v) => ({ save: v }) },
  { command: 'house set', options: (v) => ({ tiers: v }), manager: true },
  { command: 'term add', options: (v) => ({ name: v, definition: v, link: v }), manager: true },
  { command: 'term remove', options: (v) => ({ name: v }), manager: true },
  { command: 'plans delete', options: (v) => ({ name: v }), manager: true },
];

/** What a hostile value must never become in a reply: a mention, a link or formatting of the user's. */
function expectDisarmed(text: string) {
  expect(text).not.toMatch(/(?<!\\)@everyone/);
  expect(text).not.toMatch(/(?<!\\)<@&?\d+>/);
  // In a code block or span (a line to paste back) a link is shown as typed and opens nothing.
  expect(text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '')).not.toContain('](https://example.com/phish)');
  expect(text).not.toContain('\u202E');
  expect(text).not.toContain('\u0000');
}

const harnessFor = harnessForEachMode();

describe.each(MODES)('hostile values (%s mode)', (mode) => {
  const h = () => harnessFor(mode);

  it.each(CASES.map((c) => [`/${c.command} ${Object.keys(c.options('x')).join(', ')}`, c] as const))('%s', async (_, c) => {
    for (const value of HOSTILE) {
      const { body } = answerOf(await h().command(c.command, c.options(value), c.manager ? { permissions: MANAGE_SERVER } : {}));
      const where = `/${c.command} with ${JSON.stringify(value.slice(0, 40))}`;
      expect(embedText(body), where).not.toMatch(/went wrong/i);
      expect(body.allowed_mentions, where).toEqual({ parse: [] });
      expect(messageProblems(body), where).toEqual([]);
      expectDisarmed(embedText(body));
    }
  });

  it('autocomplete and the message command take them too', async () => {
    for (const value of HOSTILE) {
      for (const [command, option] of [['tiers', 'source'], ['glossary', 'term'], ['compare', 'plan']] as const) {
        const record = await h().autocomplete(command, option, value.slice(0, 100));
        expect(record.callbacks[0]!.type).toBe(8);
      }
      const { body } = answerOf(await h().messageCommand('Classify follower counts', { content: `${value} has 45k followers` }));
      expect(embedText(body)).not.toMatch(/went wrong/i);
      expect(messageProblems(body)).toEqual([]);
      expectDisarmed(embedText(body));
    }
  });

  it("a house definition's tier names are the team's text: shown disarmed by /tier, /tiers and the message command", async () => {
    const manager = { permissions: MANAGE_SERVER };
    const set = answerOf(await h().command('house set', { tiers: '[click here](https://example.com/phish) 1k-10k, @everyone 10k-100k, <@&123456789012345678> 100k+' }, manager));
    expect(embedText(set.body)).toMatch(/saved/i);
    try {
      const answers = [
        answerOf(await h().command('tier', { followers: '5k' })).body,
        answerOf(await h().command('tier', { followers: '50k' })).body,
        answerOf(await h().command('tier', { followers: '500' })).body,
        answerOf(await h().command('tiers', {})).body,
        answerOf(await h().messageCommand('Classify follower counts', { content: 'Sara 5k, Tom 50k, Ana 500k, Bo 300' })).body,
      ];
      for (const body of answers) {
        expect(embedText(body)).toMatch(/house/i);
        expectDisarmed(embedText(body));
      }
    } finally {
      await h().command('house clear', {}, manager);
    }
  });

  it('logs nothing at error level', () => {
    expect(h().logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
