/**
 * Every reply the bot can build, through the interaction core as Discord would deliver it: each
 * command with sample and hostile options, in a DM, a server and as a manager, then every button
 * and menu entry on every reply reached, until nothing new appears. Each message is checked
 * with the stand-in's own reading of Discord's limits (not the bot's), for mentions, and for
 * builders' words a user must never see.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { choosables } from '../src/cli/render-text';
import type { Shown } from '../src/cli/local-interaction';
import { TERMS } from '../src/domain/glossary';
import { SOURCES } from '../src/domain/sources';
import { autocompleteProblems, embedCharacters, messageProblems, registrationProblems } from '../tools/standin/limits';
import { testContext } from './support/context';
import { driver, type Answer } from './support/drive';

const GUILD = { guildId: '200000000000000001' };

interface Leaf {
  sub: string | undefined;
  option: { type: number; name: string; required?: boolean; autocomplete?: boolean; choices?: readonly unknown[] };
  /** The options given with it: its command's, or its subcommand's. */
  siblings: readonly Leaf['option'][];
}

/** Every option a user types into, with the subcommand it sits under. */
function leafOptions(command: SlashCommand): Leaf[] {
  const leaves: Leaf[] = [];
  const top = (command.definition.options ?? []) as readonly (Leaf['option'] & { options?: readonly Leaf['option'][] })[];
  for (const option of top) {
    if (option.type === 1) for (const inner of option.options ?? []) leaves.push({ sub: option.name, option: inner, siblings: option.options ?? [] });
    else leaves.push({ sub: undefined, option, siblings: top });
  }
  return leaves;
}
const MANAGER = { guildId: '200000000000000001', manager: true };

const SAMPLES: [line: string, place?: { guildId?: string; manager?: boolean }][] = [
  ['/house set "tiers:nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+"', MANAGER],
  ['/house set "tiers:micro 10k-90k, macro 50k-1M"', MANAGER],
  ['/house set "tiers:micro 10k-90k, gap, macro 100k-1M"', GUILD],
  ['/house show', MANAGER],
  ['/house export', MANAGER],
  ['/house clear'],
  ['/term add name:Whitelist "definition:Our word for creator licensing" "formula:fee × weeks"', MANAGER],
  ['/term edit name:Whitelist "definition:**edited** <@123>"', MANAGER],
  ['/term export', MANAGER],
  ['/glossary term:whitelist', GUILD],
  ['/compare budget:5000 "save:weekly plan"', GUILD],
  ['/compare "plan:weekly plan" platform:tiktok', GUILD],
  ['/plans list', GUILD],
  ['/plans delete "name:weekly plan"', GUILD],
  ['/tier 0'],
  ['/tier 500'],
  ['/tier 9.5k'],
  ['/tier 30k', GUILD],
  ['/tiers', GUILD],
  ['/tier 100k'],
  ['/tier 1.2M'],
  ['/tier 10B'],
  ['/tiers'],
  ...SOURCES.map((s): [string] => [`/tiers source:${s.id}`]),
  ['/tiers source:mediakx'],
  ['/tiers source:cnbc'],
  ['/glossary'],
  ...TERMS.map((t): [string] => [`/glossary term:${t.id}`]),
  ['/glossary term:engagment rate'],
  ['/glossary term:cpc'],
  ['/help'],
  ['/compare'],
  ['/compare preset:kardashian'],
  ['/compare preset:kardashian big_fee:10k'],
  ['/compare preset:ten-micro platform:tiktok micro_count:3'],
  ['/compare budget:5000'],
  ['/compare budget:$2,500 platform:youtube overlap:40'],
  ['/compare big_followers:1.2M big_fee:$12,000 micro_count:30 micro_followers:5k micro_fee:50 micro_engagement:6.3 big_engagement:1.66 conversion:3 order_value:45'],
];

const ROSTERS: Record<string, string> = {
  'team.csv': 'name,platform,followers\nSara,Instagram,45k\nLeo,TikTok,1.2M\nMia,YouTube,8500\nBad,Instagram,lots\n=HYPERLINK("x"),Instagram,10k\n',
  'europe.csv': 'Name;Netzwerk;Follower\n"Anna; die Erste";Instagram;"1,2 Mio"\nBen;TikTok;45.000\n',
  'empty.csv': '',
  'header-only.csv': 'name,followers\n',
};

const MESSAGES = [
  'Sara has 45k on IG and 1.2M on TikTok',
  'Meeting on 12/05 at 3pm, budget $5,000, ping <@123456789012345678>',
  'no numbers here',
  Array.from({ length: 40 }, (_, i) => `creator${i} ${i + 1}k`).join(', '),
];

/** Values no command may crash on, nor echo in a way that pings or formats. */
const HOSTILE = {
  blank: ' ',
  everyone: '@everyone',
  here: '@here',
  mentions: '<@123456789012345678> <@&123456789012345678>',
  markdown: '**bold** __under__ `code` [link](https://example.com) ||spoiler|| # heading',
  codeFence: '```js\nprocess.exit()\n```',
  sql: "'; DROP TABLE terms; --",
  long: 'x'.repeat(6000),
  invisible: '\u200b\u202e\u2066zero width and right-to-left',
  emoji: '🔥💯👩‍👩‍👧‍👦',
  minusOne: '-1',
  overflow: '1e309',
  nan: 'NaN',
  hex: '0x10',
  huge: '999999999999999999999999',
  negativeMoney: '$-5',
  percent: '400%',
  proto: '{"__proto__":1}',
} as const;
type Hostile = keyof typeof HOSTILE;
const ALL_HOSTILE = Object.keys(HOSTILE) as Hostile[];

/**
 * Text a team keeps (a plan's name, a term's name or text): anything but an empty value, a line
 * break (the code fence), a value over the option's length, or invisible characters.
 */
const KEPT_TEXT = ALL_HOSTILE.filter((k) => !['blank', 'codeFence', 'long', 'invisible'].includes(k));

/** /compare's figures: a blank one is left out, and no hostile value is a figure. */
const COMPARE_FIGURES = ['budget', 'big_followers', 'big_fee', 'micro_count', 'micro_followers', 'micro_fee', 'big_engagement', 'micro_engagement', 'conversion', 'order_value', 'overlap', 'click_through', 'big_reach', 'micro_reach'];

/**
 * The hostile values each option answers, in a server and as a manager; every other value is an
 * input error. A blank optional option is no option. Lookups forgive typos and say which name they
 * showed; a hostile value is no publisher's name. Options not listed answer none.
 */
const ANSWERED_BY: Record<string, readonly Hostile[]> = {
  ...Object.fromEntries(COMPARE_FIGURES.map((figure) => [`/compare ${figure}`, ['blank']])),
  '/compare save': KEPT_TEXT,
  '/tiers source': ['blank'],
  '/glossary term': ['blank', 'nan'],
  '/roster name_column': ['blank'],
  '/roster count_column': ['blank'],
  '/term add name': KEPT_TEXT.filter((k) => k !== 'emoji'), // a name needs a letter or digit
  ...Object.fromEntries(['add', 'edit'].flatMap((sub) => ['definition', 'formula', 'example'].map((option) => [`/term ${sub} ${option}`, KEPT_TEXT]))),
};

/** Team settings and saved plans belong to a server: in a DM, every value of these is an input error. */
const SERVER_ONLY = ['/house', '/term', '/plans', '/compare save', '/compare plan'];

/** Valid values for the required options beside the hostile one, so that the command runs. */
const REQUIRED_SAMPLES: Record<string, string> = { file: 'file:team.csv', name: 'name:Whitelist', definition: '"definition:Our word for creator licensing"' };
const SAMPLE_ROSTER = { 'team.csv': Buffer.from('name,platform,followers\nSara,Instagram,45k\n') };
/** What a command needs before a hostile value can reach it: a term to edit. */
const SET_UP: Record<string, string> = { '/term edit': '/term add name:Whitelist "definition:Our word for creator licensing"' };

/**
 * Words of the builders, never of a user's reply: a seed article's number or id however it is
 * written ("seed 0", "seed-000", "Seed003", "cnbc-seed"), the facts file's name, a confidence code
 * ("[P]", "( S )", "[seed]", "confidence: M") and section marks. Matched in the reply's JSON, where
 * a line may start after "\\n", so no pattern waits for a word boundary before it. "Product
 * seeding", a word of the trade, is none of them.
 */
const INTERNAL = [/seed[\s_-]*\d/i, /[a-z\d](?<!pre)-seed\b/i, /sources\.md/i, /[[(]\s*(?:[PSM]|[Ss]eed)\s*[\])]/, /[Cc]onfidence\W*(?:[PSM]|[Ss]eed)\b/, /§/];

function textOf(shown: Shown): string {
  return JSON.stringify({ content: shown.body.content, embeds: shown.body.embeds, components: shown.body.components });
}

function check(path: string, { outcome, shown }: Answer) {
  expect(outcome, path).not.toBe('failed');
  expect(messageProblems(shown.body as never), path).toEqual([]);
  expect(shown.body.allowed_mentions, path).toEqual({ parse: [] });
  for (const pattern of INTERNAL) expect(textOf(shown), `${path} shows ${pattern}`).not.toMatch(pattern);
  if (outcome === 'input-error') expect((shown.body.flags ?? 0) & 64, `${path}: input errors are ephemeral`).toBe(64);
}

async function reachAll(): Promise<Map<string, Answer>> {
  const d = driver();
  const reached = new Map<string, Answer>();
  const seen = new Set<string>();
  const queue: [string, Answer, { guildId?: string; manager?: boolean } | undefined][] = [];
  for (const [line, place] of SAMPLES) queue.push([line, await d.run(line, place), place]);
  for (const [name, csv] of Object.entries(ROSTERS)) {
    queue.push([`/roster file:${name}`, await d.run(`/roster file:${name}`, GUILD, { [name]: Buffer.from(csv) }), GUILD]);
  }
  for (const text of MESSAGES) queue.push([`Classify follower counts: ${text.slice(0, 40)}`, await d.onMessage(text, GUILD), GUILD]);
  while (queue.length) {
    const [path, answer, place] = queue.shift()!;
    const key = textOf(answer.shown);
    if (seen.has(key)) continue;
    seen.add(key);
    reached.set(path, answer);
    for (const pick of choosables(answer.shown.body)) {
      if (pick.disabled) continue;
      queue.push([`${path} → [${pick.number}] ${pick.label}`, await d.press(answer.shown, pick.number, place), place]);
    }
  }
  return reached;
}

describe('every reply the bot can build', () => {
  it('keeps within Discord limits, never pings, never fails, and speaks plainly', async () => {
    const reached = await reachAll();
    expect(reached.size).toBeGreaterThan(SOURCES.length + TERMS.length);
    for (const [path, answer] of reached) check(path, answer);
  });

  it('keeps every public /tier reply within 1,500 characters of embed text', async () => {
    for (const [line] of SAMPLES.filter(([l]) => l.startsWith('/tier '))) {
      const { shown } = await driver().run(line);
      const characters = (shown.body.embeds ?? []).reduce((n, e) => n + embedCharacters(e as never), 0);
      expect(characters, line).toBeLessThanOrEqual(1500);
    }
  });

  it('answers bad input with an ephemeral input error', async () => {
    const d = driver();
    for (const line of ['/tier nope', '/tier -5', '/compare budget:abc', '/compare micro_fee:-5', '/tiers source:zzzzqqqq']) {
      const answer = await d.run(line);
      expect(answer.outcome, line).toBe('input-error');
      expect((answer.shown.body.flags ?? 0) & 64, line).toBe(64);
    }
  });

  it('registers definitions Discord accepts', () => {
    expect(registrationProblems(COMMANDS.map((c) => c.definition))).toEqual([]);
  });
});

describe('hostile values in every string option of every command', () => {
  const slash = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');
  for (const command of slash) {
    const name = command.definition.name;
    const strings = leafOptions(command).filter(({ option }) => option.type === 3 && !option.choices?.length);
    if (strings.length === 0) continue;
    it(`/${name}: answers or refuses each as it must, escapes and never pings`, async () => {
      for (const { sub, option, siblings } of strings) {
        const invoked = `/${name}${sub ? ` ${sub}` : ''}`;
        const others = siblings.filter((o) => o.required && o.name !== option.name).map((o) => REQUIRED_SAMPLES[o.name] ?? `no sample for ${o.name}`);
        for (const hostile of ALL_HOSTILE) {
          const line = `${invoked} "${option.name}:${HOSTILE[hostile].replace(/"/g, '')}" ${others.join(' ')}`;
          for (const place of [undefined, MANAGER]) {
            const where = `${invoked} ${option.name}:${hostile} ${place ? 'as manager' : 'in a DM'}`;
            const inServerOnly = !place && SERVER_ONLY.some((prefix) => `${invoked} ${option.name}`.startsWith(prefix));
            const answers = !inServerOnly && (ANSWERED_BY[`${invoked} ${option.name}`] ?? []).includes(hostile);
            // A fresh store each time: what one value saved must not decide what the next one gets.
            const d = driver();
            if (SET_UP[invoked]) await d.run(SET_UP[invoked], MANAGER);
            const answer = await d.run(line, place, SAMPLE_ROSTER);
            expect(answer.outcome, where).toBe(answers ? 'answered' : 'input-error');
            check(where, answer);
            expect(answer.shown.body.content ?? '').not.toMatch(/@everyone|<@/);
            expect(textOf(answer.shown)).not.toContain('**bold**');
          }
        }
      }
    });
  }
});

describe('accepted forms, decided once', () => {
  it('reads full-width and Arabic-Indic digits, ignores invisible characters, reads -0 as 0, and rejects hex, exponents, NaN and -5', async () => {
    const d = driver();
    for (const ok of ['３０ｋ', '٣٠٠٠٠', '\u200b30k\u200b', '\u202e30k']) {
      expect((await d.run(`/tier "${ok}"`)).shown.body.embeds[0]!.title, ok).toContain('30,000');
    }
    // Zero with a sign typed before it is zero, as 0 is answered; any other signed count is refused.
    expect((await d.run('/tier -0')).shown.body.embeds[0]!.title).toContain('0 followers');
    for (const bad of ['0x10', '1e309', 'NaN', 'Infinity', '-5']) expect((await d.run(`/tier ${bad}`)).outcome, bad).toBe('input-error');
  });

  it('any text typed as a follower count is answered, within limits, and never fails', async () => {
    const d = driver();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), async (typed) => {
        const clean = typed.replace(/["\s]/g, '');
        if (!clean) return;
        check(`/tier ${clean}`, await d.run(`/tier "${clean}"`));
      }),
      { numRuns: 60 },
    );
  });
});

describe('autocomplete', () => {
  it('answers at most 25 valid choices for any query, in any place', async () => {
    const queries = ['', 'm', 'medi', 'mediakx', 'hypeaditor', 'cpe', 'engagment rate', ...Object.values(HOSTILE)];
    for (const command of COMMANDS) {
      if (command.kind !== 'slash' || !command.autocomplete) continue;
      for (const { option } of leafOptions(command)) {
        if (!option.autocomplete) continue;
        for (const value of queries) {
          for (const context of [testContext(), testContext(GUILD)]) {
            const choices = await command.autocomplete({ name: option.name, value }, {}, context);
            expect(autocompleteProblems({ choices }), `${command.definition.name} ${value.slice(0, 20)}`).toEqual([]);
          }
        }
      }
    }
  });
});
