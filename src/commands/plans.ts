/**
 * /plans list | delete — the /compare scenarios saved in this server (`/compare save:<name>`), with
 * who saved each and when. Everyone may list them; deleting one is for the member who saved it or a
 * member with Manage Server: the one team-settings write that does not need that permission.
 * Guild install, servers only.
 */

import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { LIMITS } from '../interactions/limits';
import { PLANS_PER_SERVER, type SavedPlan } from '../store/types';
import { inputErrorReply, linesToFields, NEUTRAL_COLOUR } from './embeds';
import { guildOnlyReply, MANAGE_SERVER, orUnavailable, shownText, when, who } from './house';
import { slashCommand, type ChatInputDefinition, type Choice, type Reply, type RunContext, SERVER_ONLY } from './types';

export const definition = {
  name: 'plans',
  description: 'The /compare plans saved in this server',
  ...SERVER_ONLY,
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'List the saved plans, who saved each and when' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'delete',
      description: 'Delete a saved plan (yours, or any with Manage Server)',
      options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'The plan to delete', required: true, autocomplete: true, max_length: 100 }],
    },
  ],
} as const satisfies ChatInputDefinition;

/** Fields of plans in one /plans list reply: 5 full fields stay within an embed's 6,000 characters. */
const FIELDS_SHOWN = 5;

/** "budget 5000 · fee 250": the saved inputs, escaped. */
function inputsLine(plan: SavedPlan): string {
  const parts = Object.entries(plan.inputs).map(([k, v]) => `${k} ${v}`);
  return parts.length ? shownText(parts.join(' · '), 300) : 'no inputs';
}

async function list(context: RunContext & { guildId: string }): Promise<Reply> {
  const plans = await context.store.plans(context.guildId);
  if (plans.length === 0) {
    return {
      embeds: [
        {
          title: 'No saved plans yet',
          description: 'Save one with `/compare save:<name>` and re-run it with `/compare plan:<name>`.',
          color: NEUTRAL_COLOUR,
        },
      ],
      flags: MessageFlags.Ephemeral,
    };
  }
  const sorted = [...plans].sort((a, b) => a.name.localeCompare(b.name));
  const lines = sorted.map((p) => `**${shownText(p.name, 100)}**: ${inputsLine(p)}\n  saved by ${who(p.savedById, p.savedByName)} on ${when(p.savedAt)}`);
  // As many plans as fit in FIELDS_SHOWN fields (linesToFields fills them in order); the rest are counted.
  let shown = lines.length;
  while (linesToFields('Plans', lines.slice(0, shown)).length > FIELDS_SHOWN) shown--;
  const hidden = plans.length - shown;
  return {
    embeds: [
      {
        title: `Saved plans: ${plans.length} of ${PLANS_PER_SERVER}`,
        description: 'Re-run one with `/compare plan:<name>`; any other option you give overrides the saved value.',
        color: NEUTRAL_COLOUR,
        fields: linesToFields('Plans', lines.slice(0, shown)),
        ...(hidden > 0
          ? {
              footer: {
                text:
                  `Showing the first ${shown} of ${plans.length} plans by name; ${hidden} more ${hidden === 1 ? 'is' : 'are'} not shown. ` +
                  'To find any plan, type part of its name in /compare plan: (or /plans delete name:): the suggestions search every saved plan.',
              },
            }
          : {}),
      },
    ],
  };
}

async function remove(name: string, context: RunContext & { guildId: string }): Promise<Reply> {
  const plan = await context.store.plan(context.guildId, name.trim());
  if (!plan) {
    return inputErrorReply(`This server has no saved plan called "${shownText(name, 100)}".`, 'one of the names `/plans list` shows', 'Nothing was deleted');
  }
  if (plan.savedById !== context.user.id && !context.canManageGuild) {
    return {
      embeds: [
        {
          title: 'Only its author or a manager can delete this plan',
          description: `"${shownText(plan.name, 100)}" was saved by ${who(plan.savedById, plan.savedByName)}. Deleting someone else's plan needs the **${MANAGE_SERVER}** permission.`,
          color: 0xed4245,
        },
      ],
      flags: MessageFlags.Ephemeral,
      inputError: true,
    };
  }
  const result = await context.store.deletePlan(context.guildId, plan.name);
  return {
    embeds: [
      {
        title: result === 'ok' ? 'Plan deleted' : 'That plan was already gone',
        description: `"${shownText(plan.name, 100)}"${result === 'ok' ? ' is no longer saved in this server.' : ' had been deleted meanwhile.'}`,
        color: NEUTRAL_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

export const plans = slashCommand({
  definition,
  run(args, context) {
    const guildId = context.guildId;
    if (guildId === undefined) return guildOnlyReply('Saved plans');
    const ctx = { ...context, guildId };
    return orUnavailable(async () => (args.subcommand === 'list' ? list(ctx) : remove(args.name, ctx)));
  },
  async autocomplete(focused, _args, context) {
    if (focused.name !== 'name' || context.guildId === undefined) return [];
    try {
      const query = focused.value.trim().toLowerCase();
      const plans = await context.store.plans(context.guildId);
      // Offer first the plans this member may delete.
      const mayDelete = (p: SavedPlan) => context.canManageGuild || p.savedById === context.user.id;
      return plans
        .filter((p) => p.name.toLowerCase().includes(query))
        .sort((a, b) => Number(!mayDelete(a)) - Number(!mayDelete(b)) || a.name.localeCompare(b.name))
        .slice(0, LIMITS.autocompleteChoices)
        .map((p): Choice => ({ name: p.name.slice(0, LIMITS.choiceName), value: p.name.slice(0, LIMITS.choiceValue) }));
    } catch {
      return [];
    }
  },
});
