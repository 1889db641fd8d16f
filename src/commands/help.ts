/** /help — what Tierbot does, each command with an example, and a start-here path for newcomers. */

import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbedField,
} from 'discord-api-types/v10';
import { START_HERE, termById, type Term } from '../domain/glossary';
import { BOUNDARY_RULE } from '../domain/sources';
import { NEUTRAL_COLOUR, button, inputErrorReply } from './embeds';
import { termEmbed } from './glossary-term-reply';
import { teamGuildId } from './team-settings';
import { OWN_MESSAGE, ownMessageMark, slashCommand, type ChatInputDefinition, type ComponentContext, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

export const definition = {
  name: 'help',
  description: 'What Tierbot does, with examples, and where a newcomer should start',
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

/**
 * custom_id "help:step:<n>": the step lives in the id, so the path survives a restart. /help is
 * public, and several newcomers may step through at once: its button opens the path on a message
 * of the presser's own (ephemeral), and only buttons on such a message, ending in OWN_MESSAGE,
 * change their message in place ("help:step:<n>:own", "help:home:own").
 */
const STEP = 'help:step';
/** Back to the help page, on one's own path (its Start button then goes on in place). */
const OWN_HOME = `help:home${OWN_MESSAGE}`;
/**
 * Back from step 1 (an id of its own: ids are unique within a message; the button is disabled),
 * and the home buttons of paths shown before they were one's own: the public help page.
 */
const BACK_HOME = 'help:back';
const OLD_HOMES = ['help:home', BACK_HOME, 'help:done'];

/** Said in a DM, where the team's commands do not run: their settings belong to a server. */
const TEAM_COMMANDS_IN_A_SERVER = '`/house`, `/term`, `/plans` and `/erase-team-data` work in servers only.';
/** Said in a server that has not added Tierbot, where a member runs it from their own apps. */
const TEAM_COMMANDS_NEED_TIERBOT_ADDED = '`/house`, `/term`, `/plans` and `/erase-team-data` need a server that has added Tierbot.';

/** Why the team commands do not run here, or undefined where they do: as they decide it (teamGuildId). */
function teamCommandsNote(place: Pick<RunContext, 'guildId' | 'guildInstalled'>): string | undefined {
  if (teamGuildId(place) !== undefined) return undefined;
  return place.guildId === undefined ? TEAM_COMMANDS_IN_A_SERVER : TEAM_COMMANDS_NEED_TIERBOT_ADDED;
}

/** A term's name without its spelled-out form: "CPE (cost per engagement)" is "CPE" in a list. */
const shortName = (term: Term) => term.name.replace(/\s*\(.*\)$/, '');

/**
 * The guide to each command with an example, short enough for a public reply on a phone screen.
 * Where the team commands do not run (a DM, a server that has not added Tierbot), they are listed without one.
 */
function commandGuide(teamCommandsRun: boolean): APIEmbedField[] {
  const team = (example: string) => (teamCommandsRun ? `\nTry ${example}` : '');
  return [
    { name: '/tier followers:<count>', value: `Your house definition, then each publisher’s tier (one vote each). ${BOUNDARY_RULE}\nTry \`/tier 30k\`` },
    { name: '/tiers [source]', value: 'Every publisher’s ranges, or one quoted and cited.\nTry `/tiers source:Mediakix`' },
    { name: '/compare [options]', value: 'One big or many small influencers: one funnel, with ranges.\nTry `/compare budget:5k`' },
    { name: '/glossary [term]', value: 'Any term in plain words, with formula and sources.\nTry `/glossary term:CPE`' },
    { name: '/roster file:<csv>', value: 'Your creator CSV or TSV, tagged by tier.\nTry `/roster file:creators.csv`' },
    { name: 'Right-click a message → Apps → Classify follower counts', value: 'Its follower counts, tiered.\nTry it on “Sara has 45k on IG”' },
    { name: '/house set | show | clear | export', value: `Your house definition, used first everywhere (show: everyone; the rest: Manage Server).${team('`/house set tiers:micro 10k-75k`')}` },
    { name: '/term add | edit | remove | export | import', value: `Team glossary terms (Manage Server).${team('`/term add name:UGC definition:…`')}` },
    { name: '/plans list | delete | export', value: `Saved plans from \`/compare save:<name>\`.${team('`/plans list`')}` },
    // No example: it takes no options, and shows what it would erase before it erases anything.
    { name: '/erase-team-data', value: 'Erase the house definition, terms and plans (Manage Server).' },
    { name: '/help', value: 'This page and the path below.' },
  ];
}

function pathTerms(): Term[] {
  return START_HERE.map(termById).filter((t): t is Term => t !== undefined);
}

/**
 * The help page: public, so it stays short; or (`own`) on the presser's own message, where Start
 * goes on in place. Where the team commands do not run, it says where they do.
 */
export function helpReply(place: Pick<RunContext, 'guildId' | 'guildInstalled'>, { own = false }: { own?: boolean } = {}): Reply {
  const steps = pathTerms();
  const note = teamCommandsNote(place);
  return {
    embeds: [
      {
        title: 'Tierbot: influencer tiers, explained and compared',
        description:
          'Nobody agrees what a "micro-influencer" is: Tierbot shows each published definition, cited.' +
          (note ? `\n${note}` : ''),
        color: NEUTRAL_COLOUR,
        // The "Start here" field and its button say where to begin; the public reply has no room to say it twice.
        fields: [...commandGuide(note === undefined), { name: 'New here? Start here', value: steps.map(shortName).join(', ') || 'The glossary is empty.' }],
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: [button(own ? ownStep(0) : `${STEP}:0`, 'Start here →', ButtonStyle.Primary)] }],
  };
}

/** Step `index` on the presser's own message: pressed there, it changes that message in place. */
function ownStep(index: number): string {
  return `${STEP}:${index}${OWN_MESSAGE}`;
}

/** A step of the path: always on the presser's own message, so its buttons change it in place. */
function stepReply(index: number): Reply {
  const steps = pathTerms();
  const term = steps[index]!;
  const embed = termEmbed(term);
  embed.author = { name: `Start here · step ${index + 1} of ${steps.length}` };
  const last = index + 1 >= steps.length;
  // Ids stay distinct and meaningful even on a disabled button: pressed anyway, they lead home.
  const back = button(index === 0 ? BACK_HOME : ownStep(index - 1), '← Back', ButtonStyle.Secondary, index === 0);
  // The last step's primary button finishes the path and returns to the help page, so it takes
  // the place of "Back to help" rather than sitting beside it, disabled.
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: last
      ? [back, button(OWN_HOME, 'Done: back to help', ButtonStyle.Primary)]
      : [back, button(ownStep(index + 1), `Next: ${steps[index + 1]!.name} →`, ButtonStyle.Primary), button(OWN_HOME, 'Back to help')],
  };
  return { embeds: [embed], components: [row], flags: MessageFlags.Ephemeral };
}

/**
 * A step pressed on the presser's own message changes it in place; pressed on the public help page
 * (or on a public step shown before paths were one's own), it opens on a message of their own,
 * and the public message stays as everyone sees it.
 */
export function component(customId: string, _values: readonly string[], context: ComponentContext): ComponentReply {
  if (customId === OWN_HOME) return { mode: 'update', reply: helpReply(context, { own: true }) };
  if (OLD_HOMES.includes(customId)) return { mode: 'update', reply: helpReply(context) };
  const { id, own } = ownMessageMark(customId);
  const index = Number(id.slice(STEP.length + 1));
  if (!customId.startsWith(`${STEP}:`) || !Number.isInteger(index) || index < 0 || index >= pathTerms().length) {
    return { mode: 'reply', reply: inputErrorReply('That step is not on the path any more.', 'run /help again.') };
  }
  return { mode: own ? 'update' : 'reply', reply: stepReply(index) };
}

export const help = slashCommand({ definition, run: (_args, context) => helpReply(context), component });
