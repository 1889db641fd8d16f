/** /help — what Tierbot does, each command with an example, and a start-here path for newcomers. */

import { ButtonStyle, ComponentType, SlashCommandBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { START_HERE, termById, type Term } from '../domain/glossary';
import { NO_STANDARD } from '../domain/sources';
import { NEUTRAL_COLOUR, inputErrorReply } from './embeds';
import { termEmbed } from './glossary';
import type { Command, ComponentReply, Reply } from './types';

const definition = new SlashCommandBuilder().setName('help').setDescription('What Tierbot does, with examples, and where a newcomer should start').toJSON();

/** custom_id "help:step:<n>": the step lives in the id, so the path survives a restart. */
const STEP = 'help:step';
const HOME = 'help:home';

const COMMAND_GUIDE: { name: string; value: string }[] = [
  { name: '/tier followers:<count>', value: 'Which tier is this account, by every source, and where they disagree.\nExample: `/tier 30k`, `/tier 1.2M`' },
  { name: '/tiers [source]', value: 'Every source’s ranges side by side, or one source quoted and cited.\nExample: `/tiers`, `/tiers source:Mediakix`' },
  {
    name: '/compare [options]',
    value: 'One big influencer against many micro-influencers: reach, engagements, cost, CPE, CPM, orders, revenue, ROI.\nExample: `/compare`, `/compare preset:kardashian big_fee:10k`, `/compare budget:5k platform:tiktok`',
  },
  { name: '/glossary [term]', value: 'A term in plain words, with formula, worked example and sources.\nExample: `/glossary term:CPE`' },
  { name: '/help', value: 'This page, and the start-here path below.' },
];

function pathTerms(): Term[] {
  return START_HERE.map(termById).filter((t): t is Term => t !== undefined);
}

function button(custom_id: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, custom_id, label, style, disabled };
}

export function helpReply(commandGuide = COMMAND_GUIDE): Reply {
  const steps = pathTerms();
  return {
    embeds: [
      {
        title: 'Tierbot: influencer tiers, explained and compared',
        description:
          'Nobody agrees what a "micro-influencer" is. Tierbot puts every named definition side by side, says where they ' +
          `disagree, and cites each one.\n\n${NO_STANDARD}`,
        color: NEUTRAL_COLOUR,
        fields: [
          ...commandGuide,
          { name: 'New here? Start here', value: steps.map((t, i) => `${i + 1}. ${t.name}`).join('\n') || 'The glossary is empty.' },
        ],
        footer: { text: 'Press "Start here" to step through the essentials one term at a time.' },
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: [button(`${STEP}:0`, 'Start here →', ButtonStyle.Primary)] }],
  };
}

function stepReply(index: number): Reply {
  const steps = pathTerms();
  const term = steps[index]!;
  const embed = termEmbed(term);
  embed.author = { name: `Start here · step ${index + 1} of ${steps.length}` };
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(`${STEP}:${index - 1}`, '← Back', ButtonStyle.Secondary, index === 0),
      button(`${STEP}:${index + 1}`, index + 1 < steps.length ? `Next: ${steps[index + 1]!.name} →`.slice(0, 80) : 'Done', ButtonStyle.Primary, index + 1 >= steps.length),
      button(HOME, 'Back to help'),
    ],
  };
  return { embeds: [embed], components: [row] };
}

export function component(customId: string): ComponentReply {
  if (customId === HOME) return { mode: 'update', reply: helpReply() };
  const index = Number(customId.slice(STEP.length + 1));
  if (!customId.startsWith(`${STEP}:`) || !Number.isInteger(index) || index < 0 || index >= pathTerms().length) {
    return { mode: 'reply', reply: inputErrorReply('That step is not on the path any more.', 'run /help again.') };
  }
  return { mode: 'update', reply: stepReply(index) };
}

export const help: Command = { definition, run: () => helpReply(), component };
