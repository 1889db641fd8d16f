/**
 * /house as a team uses it, through the interaction core as Discord delivers it: long tier names
 * shown whole in every answer that names them, what a set replaced and a clear removed (ready to
 * paste back), "mil" read as a million and said so, and /house show for every member while set,
 * clear and export stay with Manage Server.
 */

import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { COMMANDS } from '../src/commands';
import type { TeamStore } from '../src/store/types';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { embedCharacters, messageProblems } from '../tools/standin/limits';
import { LADDER_NOTE } from '../src/domain/house';
import { memoryStore } from './support/context';
import { driver, type Answer } from './support/drive';

const G = '200000000000000042';
const MEMBER = { guildId: G };
const MANAGER = { guildId: G, manager: true };

/** Everything an answer shows in its embeds, one string. */
function shownText(answer: Answer): string {
  return (answer.shown.body.embeds ?? [])
    .flatMap((e) => [e.title ?? '', e.author?.name ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])
    .join('\n');
}

/** Runs a command line and checks its answer against Discord's limits, as the stand-in reads them. */
async function run(store: TeamStore, line: string, place: { guildId?: string; manager?: boolean } = MEMBER, files?: Record<string, Uint8Array>): Promise<Answer> {
  const answer = await driver({ store }).run(line, place, files);
  expect(messageProblems(answer.shown.body as never), line).toEqual([]);
  return answer;
}

/** "Classify follower counts" on a message, its answer checked as run() checks one. */
async function onMessage(store: TeamStore, text: string): Promise<Answer> {
  const answer = await driver({ store }).onMessage(text, MEMBER);
  expect(messageProblems(answer.shown.body as never), text).toEqual([]);
  return answer;
}

const isEphemeral = (answer: Answer) => ((answer.shown.body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const description = (answer: Answer) => answer.shown.body.embeds[0]?.description ?? '';
const field = (answer: Answer, name: string) => answer.shown.body.embeds[0]?.fields?.find((f) => f.name === name)?.value;
/** The field that shows the definition a set replaced. */
const replacedField = (answer: Answer) => answer.shown.body.embeds[0]?.fields?.find((f) => f.name.startsWith('Replaced definition'));
/** The text of the first code block in `text`. */
const codeBlock = (text: string) => /```\n([^]*?)\n```/.exec(text)?.[1];

describe('long house tier names are shown whole wherever they fit', () => {
  const BRONZE = 'Instagram Creator Programme Bronze';
  const SILVER = 'Instagram Creator Programme Silver';

  it('names of 33 to 40 characters, in /tier, /tiers, /compare, /glossary, the message command and /roster', async () => {
    const store = memoryStore();
    await run(store, `/house set "tiers:${BRONZE} 1k-10k, ${SILVER} 10k-100k"`, MANAGER);
    const answers = [
      await run(store, '/tier 5k'),
      await run(store, '/tiers'),
      await run(store, '/compare micro_followers:50k'),
      await run(store, '/glossary term:micro'),
      await run(store, `/glossary "term:${SILVER}"`),
      await onMessage(store, 'Sara has 5k on IG and Bea 50k'),
      await run(store, '/roster file:creators.csv', MEMBER, { 'creators.csv': new TextEncoder().encode('name,followers\nSara,5000\nBea,50000\n') }),
    ];
    for (const answer of answers) {
      const text = shownText(answer);
      expect(text).not.toMatch(/Programme…|Programme Bronz…|Programme Silve…/);
      expect(text.includes(BRONZE) || text.includes(SILVER), text).toBe(true);
    }
    expect(description(answers[0]!)).toContain(`**Your house definition: ${BRONZE} (1k–10k)**`);
    expect(shownText(answers[2]!)).toContain(`house tier: ${SILVER}`);
    expect(description(answers[3]!)).toContain(`${BRONZE} (1k–10k) and ${SILVER} (10k–100k) read as micro`);
  });

  it('a 40-character name that is all markdown is shown whole, escaped, where there is room, and cut only where a limit forces it', async () => {
    const store = memoryStore();
    const name = '*_'.repeat(20);
    const escaped = '\\*\\_'.repeat(20);
    await run(store, `/house set "tiers:${name} 1k-10k, plain 10k+"`, MANAGER);
    expect(description(await run(store, '/tier 5k'))).toContain(`**Your house definition: ${escaped} (1k–10k)**`);
    expect(shownText(await run(store, '/compare big_followers:5k micro_followers:5k'))).toContain(`house tier: ${escaped}`);
    expect(description(await run(store, '/glossary term:micro'))).toContain(`${escaped} (1k–10k)`);
    // Two such names and a gap between them do not fit /tier's house line: there, and only there, they are cut.
    await run(store, `/house set "tiers:${name} 1k-10k, gap, ${'_*'.repeat(20)} 20k+"`, MANAGER);
    const gap = description(await run(store, '/tier 15k')).split('\n')[0]!;
    expect(gap).toMatch(/^\*\*Your house definition: in the gap between .*…/);
  });

  it('twelve tiers of 40-character names, all markdown, with a gap: every answer naming them keeps within Discord’s limits', async () => {
    const store = memoryStore();
    const name = (i: number) => `${'*_'.repeat(19)}${String.fromCharCode(65 + i)}x`;
    const ranges = ['1k-2k', '2k-3k', '3k-5k', '5k-10k', '10k-20k', '20k-50k', 'gap', '100k-200k', '200k-500k', '500k-1M', '1M-2M', '2M-5M', '5M+'];
    let tier = 0;
    const tiers = ranges.map((range) => (range === 'gap' ? range : `${name(tier++)} ${range}`)).join(', ');
    expect((await run(store, `/house set "tiers:${tiers}"`, MANAGER)).outcome).toBe('answered');
    for (const count of ['500', '1.5k', '70k', '3M', '9M']) {
      const answer = await run(store, `/tier ${count}`);
      const characters = answer.shown.body.embeds.reduce((n, e) => n + embedCharacters(e as never), 0);
      expect(characters, count).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    }
    expect(description(await run(store, '/tier 1.5k'))).toContain(`**Your house definition: ${'\\*\\_'.repeat(19)}Ax (1k–2k)**`);
    for (const line of ['/tiers', '/compare big_followers:70k micro_followers:70k', '/compare big_followers:500 micro_followers:9M', '/glossary term:micro', '/glossary term:mega', `/glossary "term:${name(3)}"`, '/house show']) {
      await run(store, line);
    }
    await onMessage(store, 'Ana has 70k, Bea 1.5k, Cy 500, Di 10M, Ed 3k, Flo 25k and Gus 150k');
    await run(store, '/roster file:c.csv', MEMBER, { 'c.csv': new TextEncoder().encode('name,followers\nAna,70000\nBea,1500\nCy,500\nDi,10000000\n') });
  });

  it('a refusal names the team’s tier whole, escaped', async () => {
    const store = memoryStore();
    const name = '**Gold** <@P&G> (T_1) [#-25]: ~~x~~ |y|_';
    expect([...name]).toHaveLength(40);
    const refused = await run(store, `/house set "tiers:${name} 1k-10k, ${name} 10k+"`, MANAGER);
    expect(refused.outcome).toBe('input-error');
    expect(description(refused)).toContain(String.raw`The name "\*\*Gold\*\* \<\@P&G\> \(T\_1\) \[\#\-25\]\: \~\~x\~\~ \|y\|\_" is used twice`);
  });
});

describe('/house set over a definition, and /house clear, show what went', () => {
  it('set over another’s definition says it replaced it, whose it was and when, and shows it ready to paste back', async () => {
    const store = memoryStore();
    const first = await run(store, '/house set "tiers:nano 1k-10k, micro 10k-75k, macro 75k+"', MANAGER);
    expect(first.shown.body.embeds[0]!.title).toBe('House definition saved');
    expect(replacedField(first)).toBeUndefined();
    // Set by another manager (the stand-in's member is always the same user).
    await store.setHouse(G, { ...(await store.house(G))!, setById: '300000000000000009', setByName: 'Ana' });
    const setBy = field(await run(store, '/house show'), 'Set by')!;

    const second = await run(store, '/house set "tiers:small 1k-50k, big 50k+"', MANAGER);
    expect(isEphemeral(second)).toBe(true);
    expect(second.shown.body.embeds[0]!.title).toBe('House definition replaced');
    // Who set it and when, as /house show says it ("**name** (<@id>) on <t:…:f>").
    const [who, when] = setBy.split(' on ');
    expect(description(second)).toContain(`It replaces the definition ${who} set on ${when}`);
    expect(replacedField(second)!.name).toBe('Replaced definition: to set it back, paste this into /house set tiers:');
    const replaced = codeBlock(replacedField(second)!.value);
    expect(replaced).toBe('nano 1k-10k, micro 10k-75k, macro 75k+');

    // Pasted back, it is the definition it was.
    await run(store, `/house set "tiers:${replaced}"`, MANAGER);
    expect((await store.house(G))!.text).toBe('nano 1k-10k, micro 10k-75k, macro 75k+');
  });

  it('set with the very same text says so, with nothing to paste back', async () => {
    const store = memoryStore();
    await run(store, '/house set "tiers:small 1k-50k, big 50k+"', MANAGER);
    const again = await run(store, '/house set "tiers:small 1k-50k, big 50k+"', MANAGER);
    expect(again.shown.body.embeds[0]!.title).toBe('House definition replaced');
    expect(description(again)).toMatch(/It replaces the same definition, which you set on <t:\d+:f>\./);
    expect(replacedField(again)).toBeUndefined();
  });

  it('clear shows the definition it removed, who set it and when, on one line in a code block that sets it back', async () => {
    const store = memoryStore();
    const text = 'nano 1k-10k\nmicro 10k-75k,\nmacro 75k+';
    await store.setHouse(G, { text, setById: '300000000000000009', setByName: 'Ana', setAt: new Date('2026-11-02T10:00:00Z') });
    const shownBefore = shownText(await run(store, '/house show'));

    const cleared = await run(store, '/house clear', MANAGER);
    expect(isEphemeral(cleared)).toBe(true);
    expect(cleared.shown.body.embeds[0]!.title).toBe('House definition removed');
    expect(description(cleared)).toContain(`It removed the definition **Ana** (<@300000000000000009>) set on <t:${Date.parse('2026-11-02T10:00:00Z') / 1000}:f>.`);
    expect(description(cleared)).toContain('paste this into `/house set tiers:`');
    const removed = codeBlock(description(cleared))!;
    // A slash command's option is one line: the line breaks between tiers become separators.
    expect(removed).toBe('nano 1k-10k, micro 10k-75k, macro 75k+');
    expect(await store.house(G)).toBeUndefined();

    await run(store, `/house set "tiers:${removed}"`, MANAGER);
    const shownAfter = shownText(await run(store, '/house show'));
    const tierLines = (shown: string) => shown.split('\n').filter((line) => line.includes('→'));
    expect(tierLines(shownAfter)).toEqual(tierLines(shownBefore));
  });

  it('replacing and clearing the longest definitions, all markdown, stays within Discord’s limits', async () => {
    const store = memoryStore();
    const definition = (last: string) =>
      Array.from({ length: 12 }, (_, i) => `${'*_'.repeat(19)}${String.fromCharCode(65 + i)}${last} ${i + 1}k${i === 11 ? '+' : `-${i + 2}k`}`).join(', ');
    await run(store, `/house set "tiers:${definition('x')}"`, MANAGER);
    const replaced = await run(store, `/house set "tiers:${definition('y')}"`, MANAGER);
    expect(codeBlock(replacedField(replaced)!.value)).toBe(definition('x'));
    expect(codeBlock(description(await run(store, '/house clear', MANAGER)))).toBe(definition('y'));
  });

  it('a definition with a run of three backticks is not put in a code block it would end', async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: 'a```b 1k-10k, c 10k+', setById: '1', setByName: 'Ana', setAt: new Date(0) });
    const cleared = await run(store, '/house clear', MANAGER);
    expect(codeBlock(description(cleared))).toBeUndefined();
    expect(description(cleared)).toContain('a\\`\\`\\`b 1k\\-10k, c 10k+');
  });

  it('a definition with a mention in it is shown escaped, not in a code block where it would come back as typed', async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: '<@123> 1k-10k, c 10k+', setById: '1', setByName: 'Ana', setAt: new Date(0) });
    const replaced = await run(store, '/house set "tiers:small 1k-50k, big 50k+"', MANAGER);
    expect(replacedField(replaced)!.name).toBe('Replaced definition');
    expect(replacedField(replaced)!.value).toBe('\\<\\@123\\> 1k\\-10k, c 10k+');
    expect(shownText(replaced)).not.toMatch(/(?<!\\)<@123>/);
  });
});

describe('a definition to type back into /house set', () => {
  it('is introduced the same way wherever it is given: by what it does, then where to paste it, the definition after', async () => {
    const store = memoryStore();
    const where = 'paste this into `/house set tiers:`\n';
    const typo = description(await run(store, '/house set "tiers:nano 1k-10k, mirco 10k-50k, mid 50k+"', MANAGER));
    expect(typo).toContain(`To correct it, ${where}\`nano 1k-10k, micro 10k-50k, mid 50k+\``);
    const mil = description(await run(store, '/house set "tiers:Pequeno 1 mil-10 mil, Grande 10 mil+"', MANAGER));
    expect(mil).toContain(`If you meant thousands, ${where}\`Pequeno 1k-10k, Grande 10k+\``);
    const replaced = replacedField(await run(store, '/house set "tiers:small 1k-50k, big 50k+"', MANAGER))!;
    expect(replaced.name).toBe('Replaced definition: to set it back, paste this into /house set tiers:');
    expect(description(await run(store, '/house export', MANAGER))).toContain('To use it in another server, paste the `text` value from `house.json` into `/house set tiers:` in that server.');
    expect(description(await run(store, '/house clear', MANAGER))).toContain(`To set it back, ${where}\`\`\`\nsmall 1k-50k, big 50k+\n\`\`\``);
  });
});

describe('commands named in a /house description', () => {
  it('are code wherever they appear, in the notes on a typo and on "mil" and in /house clear', async () => {
    const store = memoryStore();
    const saved = description(await run(store, '/house set "tiers:nano 1k-10k, mirco 10k-50k, mid 50k-1 mil, mega 1 mil+"', MANAGER));
    const cleared = description(await run(store, '/house clear', MANAGER));
    for (const text of [saved, cleared]) {
      expect(text).toContain('`/house set tiers:`');
      // Outside code spans and blocks, no command is named as plain text.
      const outsideCode = text.replace(/```[^]*?```|`[^`]*`/g, '');
      expect(outsideCode).not.toMatch(/\/(tier|house)\b/);
    }
    expect(saved).toContain('so `/tier` shows “mirco”');
  });
});

describe('"mil" in a house definition', () => {
  it('/house set says "mil" is read as a million, as /tier says it, and how to write thousands', async () => {
    const store = memoryStore();
    const tierNote = description(await run(store, '/tier "1 mil"'))
      .split('\n')
      .find((line) => line.startsWith('ℹ️'))!;
    expect(tierNote).toBe('ℹ️ “mil” is read as a million; for 1 thousand, write 1k.');

    const saved = await run(store, '/house set "tiers:Pequeno 1 mil-10 mil, Médio 10 mil-100 mil, Grande 100 mil+"', MANAGER);
    expect(description(saved)).toContain('counts 1,000,000–9,999,999');
    expect(description(saved)).toContain(`${tierNote} If you meant thousands, paste this into \`/house set tiers:\`\n\`Pequeno 1k-10k, Médio 10k-100k, Grande 100k+\``);

    await run(store, '/house set "tiers:Pequeno 1k-10k, Médio 10k-100k, Grande 100k+"', MANAGER);
    expect(description(await run(store, '/house show'))).toContain('counts 1,000–9,999');
  });

  it('the definition in thousands, when it cannot be code (a backtick would end it), is quoted, escaped, as it is to be typed', async () => {
    const store = memoryStore();
    const saved = await run(store, '/house set "tiers:Peque`no 1 mil-10 mil, Grande 10 mil+"', MANAGER);
    expect(description(saved)).toContain('ℹ️ “mil” is read as a million; for 1 thousand, write 1k. If you meant thousands, paste this into `/house set tiers:`\n“Peque\\`no 1k\\-10k, Grande 10k+”');
  });

  it('says nothing when no count used "mil", though a name has it', async () => {
    const store = memoryStore();
    for (const tiers of ['nano 1k-10k, micro 10k-75k', 'Família 1k-10k, Milhão 10k+', 'Top 5 mil club 1k-10k, rest 10k+']) {
      expect(description(await run(store, `/house set "tiers:${tiers}"`, MANAGER)), tiers).not.toContain('mil” is read');
    }
  });

  it('/compare with a saved plan notes a saved "mil" count as it was noted when saved', async () => {
    const store = memoryStore();
    const note = 'micro_followers: “mil” is read as a million; for 25 thousand, write 25k.';
    expect(description(await run(store, '/compare "micro_followers:25 mil" save:q1'))).toContain(`ℹ️ ${note}`);
    const loaded = description(await run(store, '/compare plan:q1'));
    expect(loaded).toContain('ℹ️ micro_followers (saved in the plan): “mil” is read as a million; for 25 thousand, write 25k.');
    // Typed again on top of the plan, it is the value typed that is noted.
    const onTop = description(await run(store, '/compare plan:q1 "micro_followers:30 mil"'));
    expect(onTop).toContain('ℹ️ micro_followers: “mil” is read as a million; for 30 thousand, write 30k.');
    expect(onTop).not.toContain('25 thousand');
  });
});

describe('/house show is for every member; set, clear and export need Manage Server', () => {
  it('is registered without a default permission (Discord would apply it to show too); /term keeps Manage Server', () => {
    const registered = JSON.parse(JSON.stringify(COMMANDS.map((c) => c.definition))) as { name: string; default_member_permissions?: string }[];
    expect(registered.find((c) => c.name === 'house')).not.toHaveProperty('default_member_permissions');
    expect(registered.find((c) => c.name === 'term')?.default_member_permissions).toBe('32');
  });

  it('a member sees the definition; the bot refuses a member’s set, clear and export, and nothing changes', async () => {
    const store = memoryStore();
    await run(store, '/house set "tiers:nano 1k-10k, micro 10k-75k, macro 75k+"', MANAGER);
    const before = await store.house(G);

    const shown = await run(store, '/house show', MEMBER);
    expect(shown.outcome).toBe('answered');
    expect(shown.shown.body.embeds[0]!.title).toBe('House definition');
    // The name says its tier, so no arrow repeats it.
    expect(description(shown)).toContain('**micro** (10k–75k) · counts 10,000–74,999');

    for (const line of ['/house set "tiers:small 1k-50k, big 50k+"', '/house clear', '/house export']) {
      const refused = await run(store, line, MEMBER);
      expect(refused.outcome, line).toBe('input-error');
      expect(isEphemeral(refused), line).toBe(true);
      expect(refused.shown.body.embeds[0]!.title, line).toBe('You need the Manage Server permission');
      expect(refused.shown.files, line).toEqual([]);
    }
    expect(await store.house(G)).toEqual(before);
  });

  it('/help says show is for everyone and the rest need Manage Server', async () => {
    const help = await run(memoryStore(), '/help', MEMBER);
    expect(field(help, '/house set | show | clear | export')).toContain('(show: everyone; the rest: Manage Server)');
  });
});

describe('a ladder of thresholds', () => {
  it('is saved with a note saying each tier runs up to the next one’s start, and /house show says it too', async () => {
    const store = memoryStore();
    const saved = await run(store, '/house set "tiers:Nano 1K+, Micro 10K+, Macro 100K+, Mega 1M+"', MANAGER);
    expect(description(saved)).toContain(LADDER_NOTE);
    expect(description(saved)).toContain('**Micro** (10k–100k)');
    expect(description(await run(store, '/house show'))).toContain(LADDER_NOTE);
  });
});

describe('/house show, which any member may ask for', () => {
  it('posts a short definition in the channel, and shows a long one to the asker alone', async () => {
    const store = memoryStore();
    await run(store, '/house set "tiers:nano 1k-10k, micro 10k-75k, macro 75k+"', MANAGER);
    const short = await run(store, '/house show');
    expect(isEphemeral(short)).toBe(false);
    expect(embedCharacters(short.shown.body.embeds[0] as never)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);

    const names = ['Seedling', 'Sprout', 'Sapling', 'Shrub', 'Bush', 'Small tree', 'Tree', 'Tall tree', 'Grove', 'Wood', 'Forest', 'Old forest'];
    const tiers = names.map((name, i) => `${name} of the creator programme ${(i + 1) * 10}k-${(i + 2) * 10}k`).join(', ');
    await run(store, `/house set "tiers:${tiers}"`, MANAGER);
    const answer = await run(store, '/house show');
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.shown.body.embeds[0]!.footer!.text).toContain('A long definition, so it is shown to you alone.');
  });
});

describe('/house export', () => {
  it('says how the file is used: its text value, pasted into /house set tiers: in another server, sets the same definition there', async () => {
    const store = memoryStore();
    const definition = 'Starter 1k-10k, Rising 10k-75k, Star 75k+';
    await run(store, `/house set "tiers:${definition}"`, MANAGER);
    const exported = await run(store, '/house export', MANAGER);
    expect(description(exported)).toBe(
      'Attached: `house.json`, the definition as written, its tiers, and who set it when. To use it in another server, paste the `text` value from `house.json` into `/house set tiers:` in that server.',
    );

    const file = exported.shown.files.find((f) => f.name === 'house.json');
    const text = (JSON.parse(file!.data.toString('utf8')) as { house: { text: string } }).house.text;
    const elsewhere = { guildId: '200000000000000043', manager: true };
    await run(store, `/house set "tiers:${text}"`, elsewhere);
    expect(description(await run(store, '/tier 30k', { guildId: elsewhere.guildId }))).toContain('**Your house definition: Rising (10k–75k)**');
  });
});
