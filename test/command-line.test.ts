/**
 * The CLI's contract (DESIGN.md): commands typed as in Discord, --json, --pick, --out, --guild,
 * --manager, --on-message, exit statuses 0 / 2 / 1, and an unknown flag named with the known
 * ones. The parser is tested directly; the contract through the real process.
 */

import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { commandUsage, parseCommandLine, splitWords } from '../src/cli/command-line';
import { openStore } from '../src/store';
import { scratchDir } from './support/scratch';

const SLASH = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');

describe('commands typed as in Discord', () => {
  it('reads named and positional options', () => {
    for (const line of ['/tier followers:30k', '/tier 30k', 'tier 30k', '/TIER followers:30k']) {
      const r = parseCommandLine(line, SLASH);
      expect(r.ok && r.command.definition.name === 'tier' && r.values.followers === '30k', line).toBe(true);
      expect(r.ok && r.options).toEqual([{ name: 'followers', type: 3, value: '30k' }]);
    }
  });

  it('keeps values with spaces together', () => {
    const r = parseCommandLine('/tier followers:2.5 million', SLASH);
    expect(r.ok && r.values.followers).toBe('2.5 million');
    const q = parseCommandLine('/tier "30 000"', SLASH);
    expect(q.ok && q.values.followers).toBe('30 000');
    expect(splitWords(`a "b c" 'd e' f`)).toEqual(['a', 'b c', 'd e', 'f']);
  });

  it('runs the reading subcommand of a command typed bare: /plans lists, /house shows; /term has none and says which to pick', () => {
    const plans = parseCommandLine('/plans', SLASH);
    expect(plans.ok && plans.options).toEqual([{ name: 'list', type: 1, options: [] }]);
    const house = parseCommandLine('/house', SLASH);
    expect(house.ok && house.options).toEqual([{ name: 'show', type: 1, options: [] }]);
    const term = parseCommandLine('/term', SLASH);
    expect(!term.ok && term.reason).toMatch(/^\/term needs one of: \/term add, /);
    const unknown = parseCommandLine('/plans archive', SLASH);
    expect(!unknown.ok && unknown.reason).toMatch(/^\/plans needs one of: \/plans list, \/plans delete/);
  });

  it('says what is wrong with an unknown command or a missing required option', () => {
    const unknown = parseCommandLine('/nope', SLASH);
    expect(!unknown.ok && unknown.reason).toMatch(/Unknown command \/nope/);
    const missing = parseCommandLine('/tier', SLASH);
    expect(!missing.ok && missing.reason).toMatch(/needs followers/);
    expect(parseCommandLine('   ', SLASH).ok).toBe(false);
  });
});

describe('options given wrongly are named, not merged or overwritten', () => {
  const reason = (input: string | string[]) => {
    const r = parseCommandLine(input, SLASH);
    return r.ok ? `ok: ${JSON.stringify(r.values)}` : r.reason;
  };

  it('an option given twice, by name or by position and name', () => {
    for (const input of [['/tier', 'followers:30k', 'followers:2M'], ['/tier', '30k', 'followers:2M'], '/tier followers:30k followers:2M', '/tier 30k followers:2M']) {
      expect(reason(input), String(input)).toMatch(/followers twice/);
    }
  });

  it('an unknown option name, or a bare option name, is an error in a typed line and in shell arguments', () => {
    for (const input of [['/tiers', 'source:duel', 'bogus:1'], '/tiers source:duel bogus:1']) expect(reason(input)).toBe('Unknown option bogus for /tiers (its options: source).');
    for (const input of [['/compare', 'budget', '5000'], '/compare budget 5000']) expect(reason(input)).toBe('budget needs a value as budget:<value>.');
    expect(reason(['/help', 'x:1'])).toMatch(/\/help takes no options/);
  });

  it('shell arguments are whole values: a stray word is an error, not part of the value before it', () => {
    expect(reason(['/tier', '2.5', 'million'])).toMatch(/"million" is not an option of \/tier/);
    expect(reason(['/compare', 'budget:5000', 'tiktok'])).toMatch(/"tiktok" is not an option of \/compare/);
    expect(reason(['/compare', 'budget:', '5000'])).toBe('ok: {"budget":"5000"}');
  });

  it('keeps every documented form working, colons and spaces in values included', () => {
    expect(reason(['/tier', '30k'])).toBe('ok: {"followers":"30k"}');
    expect(reason(['/tier', 'followers:2.5 million'])).toBe('ok: {"followers":"2.5 million"}');
    expect(reason(['/tier', '-5'])).toBe('ok: {"followers":"-5"}');
    expect(reason(['/house', 'set', 'tiers:nano 1k-10k, micro 10k+'])).toBe('ok: {"tiers":"nano 1k-10k, micro 10k+"}');
    expect(reason('/house set tiers:nano 1k-10k, micro 10k-75k, macro 75k+')).toBe('ok: {"tiers":"nano 1k-10k, micro 10k-75k, macro 75k+"}');
    expect(reason(['/term', 'add', 'Whitelisting', 'definition:Paying: a fee', 'link:https://example.com/a'])).toBe(
      'ok: {"name":"Whitelisting","definition":"Paying: a fee","link":"https://example.com/a"}',
    );
    expect(reason(['/compare', 'budget:$2,500', 'platform:youtube'])).toBe('ok: {"platform":"youtube","budget":"$2,500"}');
    // A quoted word in a typed line is one value, whatever it holds.
    expect(reason('/tier "a:b"')).toBe('ok: {"followers":"a:b"}');
    expect(reason(['/glossary', 'CPM: cost per mille'])).toBe('ok: {"term":"CPM: cost per mille"}');
  });

  it('lists every command, subcommand and option from the definitions', () => {
    const usage = commandUsage(SLASH).join('\n');
    for (const command of SLASH) {
      expect(usage).toContain(`/${command.definition.name}`);
      for (const option of command.definition.options ?? []) {
        expect(usage).toContain(option.type === 1 ? `/${command.definition.name} ${option.name}` : `${option.name}:`);
        for (const inner of 'options' in option ? (option.options ?? []) : []) expect(usage).toContain(`${inner.name}:`);
      }
    }
    expect(usage).toContain('/tier followers:<value>');
    expect(usage).toContain('/tiers [source:<value>]');
  });
});

const database = () => join(scratchDir('tierbot-cli-'), 'cli.sqlite');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: database(), ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run -s cli', () => {
  it('answers /tier 30k as text, exit 0', async () => {
    const { code, stdout } = await cli(['/tier', '30k']);
    expect(code).toBe(0);
    expect(stdout).toContain('30,000 followers');
  });

  it('--json prints the message exactly as sent and nothing else; the chart is listed by name', async () => {
    const { code, stdout } = await cli(['/tier', '30k', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const payload = JSON.parse(lines[0]!);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.embeds[0].title).toContain('30,000');
    expect(payload.files).toEqual(['tier-30000.png']);
  });

  it('--json lists files as an empty list when the reply has none', async () => {
    const { code, stdout } = await cli(['/glossary', 'term:cpm', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files).toEqual([]);
  });

  it('a write refused because the database is down is a failure, exit 1, with the answer still printed', async () => {
    const { code, stdout } = await cli(['/house', 'set', 'tiers:nano 1k-10k, micro 10k+', '--guild', '42', '--manager'], { DATABASE_URL: 'postgres://tierbot:pw@127.0.0.1:1/tierbot' });
    expect(stdout).toContain('Team settings are unavailable right now');
    expect(stdout).toContain('nothing was changed');
    expect(code).toBe(1);
  });

  it('--out writes the attachments into the folder', async () => {
    const out = scratchDir('tierbot-out-');
    const { code, stdout } = await cli(['/tiers', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toContain('tiers.png');
    expect(stdout).toContain(`[file: ${join(out, 'tiers.png')}]`);
  });

  it('exits 2 for an input error, with the payload still printed', async () => {
    const { code, stdout } = await cli(['/tier', 'lots', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).flags).toBe(64);
  });

  it('a settings database that cannot be opened is one line naming why, exit 1, not a stack trace', async () => {
    const notAFolder = join(scratchDir('tierbot-cli-'), 'a-file');
    writeFileSync(notAFolder, '');
    const { code, stderr } = await cli(['/tier', '30k'], { DATABASE_URL: join(notAFolder, 'x.sqlite') });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Could not open the settings database (DATABASE_URL): its folder cannot be created (a file is in the way)');
    expect(stderr).not.toContain(notAFolder);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the known flags when one is mistyped, exit 2', async () => {
    const { code, stderr } = await cli(['/tier', '30k', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toContain('--jsn');
    for (const flag of ['--json', '--out', '--pick', '--guild', '--manager', '--on-message']) expect(stderr).toContain(flag);
  });

  it('numbers buttons as shown, disabled ones included and marked; pressing a disabled one is an input error', async () => {
    const step = await cli(['/help', '--pick', '1']);
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(/step 1 of \d+/);
    expect(step.stdout).toMatch(/\[1\] ← Back \(disabled\)/);
    const back = await cli(['/help', '--pick', '1', '--pick', '1']);
    expect(back.code).toBe(2);
    expect(back.stdout).toMatch(/disabled/);
    const next = await cli(['/help', '--pick', '1', '--pick', '2']);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/step 2 of \d+/);
  });

  it('a flag without its value, or a value on a flag that takes none, is an input error naming the flag, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['/tier', '30k', '--out'], /--out needs a folder/],
      [['/tier', '30k', '--guild'], /--guild needs a server id \(digits\)/],
      [['/tier', '30k', '--guild', 'abc'], /--guild needs a server id \(digits\); "abc" is not one/],
      [['/tier', '30k', '--on-message'], /--on-message needs the message's text/],
      [['/tiers', '--pick'], /--pick needs a button or menu entry number/],
      [['/tier', '30k', '--json=1'], /--json takes no value/],
      [['/tier', '30k', '--manager=yes'], /--manager takes no value/],
      [['/tier', '30k', '--out', '--json'], /--out needs a folder/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(args)));
    runs.forEach(({ code, stdout }, i) => {
      const [args, expected] = cases[i]!;
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toMatch(/That input did not work/);
      expect(stdout, args.join(' ')).toMatch(expected);
    });
    // Printed as the reply would be: with --json, the payload.
    const json = await cli(['/tier', '30k', '--guild', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).embeds[0].description).toMatch(/--guild needs a server id/);
  }, 60_000);

  it('an option given twice, an unknown option or a stray word is an input error, exit 2', async () => {
    const [twice, unknown, stray] = await Promise.all([cli(['/tier', '30k', 'followers:2M']), cli(['/tiers', 'source:duel', 'bogus:1']), cli(['/compare', 'budget', '5000'])]);
    expect(twice.code).toBe(2);
    expect(twice.stdout).toMatch(/followers twice/);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('Unknown option bogus for /tiers (its options: source)');
    expect(stray.code).toBe(2);
    expect(stray.stdout).toContain('budget needs a value as budget:<value>');
  });

  it('a reply deferred privately and then edited is shown private, as Discord shows it: flags 64 in --json, "(only you can see this)" in text', async () => {
    // Export's compare.csv, and page 2 of /tier's All sources, are deferred for the user alone and then edited in.
    const [exportJson, exportText, pageJson, pageText] = await Promise.all([
      cli(['/compare', '--pick', '2', '--json']),
      cli(['/compare', '--pick', '2']),
      cli(['/tier', '30k', '--pick', '1', '--pick', '2', '--json']),
      cli(['/tier', '30k', '--pick', '1', '--pick', '2']),
    ]);
    const exported = JSON.parse(exportJson.stdout);
    expect(exported.files).toEqual(['compare.csv']);
    expect(exported.flags).toBe(64);
    expect(exportText.stdout).toContain('(only you can see this)');
    expect(exportText.stdout).toContain('compare.csv');
    const page = JSON.parse(pageJson.stdout);
    expect(page.embeds[0].title).toContain('every publisher');
    expect(page.flags).toBe(64);
    expect(pageText.stdout).toContain('(only you can see this)');
    expect([exportJson, exportText, pageJson, pageText].map((run) => run.code)).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('runs the documented /house set form with a quoted value holding spaces and commas', async () => {
    const { code, stdout } = await cli(['/house', 'set', 'tiers:nano 1k-10k, micro 10k-75k, macro 75k+', '--guild', '42', '--manager', '--json']);
    expect(code).toBe(0);
    expect(JSON.stringify(JSON.parse(stdout))).toMatch(/nano/);
  });

  it('without a command: usage on stderr, nothing on stdout, exit 2; --help lists each command with its options', async () => {
    const [none, help] = await Promise.all([cli(['--json']), cli(['--help'])]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
    expect(help.code).toBe(0);
    for (const line of commandUsage(SLASH)) for (const part of line.split(' ')) expect(help.stdout).toContain(part);
    expect(help.stdout).toMatch(/\/tier followers:<value>/);
    expect(help.stdout).toMatch(/\/house set tiers:<value>/);
  });

  it('a command together with --on-message is an input error, exit 2', async () => {
    const { code, stdout } = await cli(['/tier', '30k', '--on-message', '45k']);
    expect(code).toBe(2);
    expect(stdout).toMatch(/either a command or --on-message, not both/);
  });

  it('--out to a file: the answer is still printed, one line on stderr says why, exit 2', async () => {
    const file = join(scratchDir('tierbot-out-'), 'afile');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await cli(['/tiers', '--out', file]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/Influencer tiers/);
    expect(stderr.trim().split('\n')).toEqual([`Could not write the files to ${file}: a file of that name is in the way (it must be a folder) (EEXIST).`]);
    expect(stderr).not.toMatch(/Internal failure|\n\s+at /);
  });

  it('--on-message classifies the message\'s follower count, exit 0', async () => {
    const { code, stdout } = await cli(['--on-message', 'she has 45k followers on IG']);
    expect(code).toBe(0);
    expect(stdout).toContain('45k = 45,000 (Instagram) → Micro');
  });

  it('a team write in a server without --manager is refused, exit 2, saying why, and the settings stay as they were', async () => {
    const db = database();
    const store = await openStore(db);
    const house = { text: 'nano 1k-10k, micro 10k+', setById: '300000000000000099', setByName: 'A manager', setAt: new Date('2025-01-02T03:04:05Z') };
    await store.setHouse('42', house);
    await store.close();
    const [houseSet, termAdd] = await Promise.all([
      cli(['/house', 'set', 'tiers:nano 1k-5k, micro 5k+', '--guild', '42'], { DATABASE_URL: db }),
      cli(['/term', 'add', 'Whitelisting', 'definition:Paying a creator to run ads', '--guild', '42'], { DATABASE_URL: db }),
    ]);
    for (const run of [houseSet, termAdd]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('You need the Manage Server permission');
    }
    const after = await openStore(db);
    try {
      expect(await after.house('42')).toEqual(house);
      expect(await after.terms('42')).toEqual([]);
    } finally {
      await after.close();
    }
  }, 60_000);

  it('a server-only command without --guild (a DM) answers that it works only in a server', async () => {
    const [plans, term] = await Promise.all([cli(['/plans']), cli(['/term', 'add', 'Whitelisting', 'definition:Paying a creator', '--manager'])]);
    for (const run of [plans, term]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('Only in a server');
      expect(run.stdout).toContain('not in a DM');
    }
  });

  it('each --guild has its own team terms, though they share one DATABASE_URL', async () => {
    const db = database();
    const added = await cli(['/term', 'add', 'Zorblatting', 'definition:Paying a creator to run ads', '--guild', '1', '--manager'], { DATABASE_URL: db });
    expect(added.code).toBe(0);
    const [own, other] = await Promise.all([cli(['/glossary', 'Zorblatting', '--guild', '1'], { DATABASE_URL: db }), cli(['/glossary', 'Zorblatting', '--guild', '2'], { DATABASE_URL: db })]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('Paying a creator to run ads');
    expect(other.code).toBe(2);
    expect(other.stdout).toContain('I have no term "Zorblatting"');
    expect(other.stdout).not.toContain('Paying a creator to run ads');
  }, 60_000);

  it('shows escaped text as typed and bold ending where Discord ends it: a plan saved by "Other *person*"', async () => {
    const db = database();
    const store = await openStore(db);
    await store.savePlan('20', { name: 'other', inputs: { budget: '5000' }, savedById: '300000000000000099', savedByName: 'Other *person*', savedAt: new Date() });
    await store.close();
    const [text, json] = await Promise.all([cli(['/plans', 'delete', 'name:other', '--guild', '20'], { DATABASE_URL: db }), cli(['/plans', 'delete', 'name:other', '--guild', '20', '--json'], { DATABASE_URL: db })]);
    expect(JSON.parse(json.stdout).embeds[0].description).toContain('**Other \\*person\\***');
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('was saved by Other *person* (');
    expect(text.stdout).toContain("Deleting someone else's plan needs the Manage Server permission.");
    expect(text.stdout).not.toContain('**');
  }, 60_000);
});
