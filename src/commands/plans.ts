/**
 * /plans list | delete | export — the /compare scenarios saved in this server (`/compare save:<name>`),
 * with who saved each and when, in pages when they do not fit one message. Everyone may list them
 * and download them as plans.json (they see the same in the list); both are shown to whoever asked
 * (up to 100 plans is a lookup, not something to post in a channel).
 * Deleting one is for the member who saved it or a member with Manage Server: the one
 * team-settings write that does not need that permission. Guild install, servers only.
 */

import { ApplicationCommandOptionType, MessageFlags, type APIEmbedField } from 'discord-api-types/v10';
import { optionPairs } from '../domain/compare';
import { codePointCount, countOf } from '../domain/format';
import { LIMITS } from './limits';
import { nameKey, PLANS_PER_SERVER, StoreUnavailableError, type SavedPlan } from '../store/types';
import { MAX_PLAN_NAME, mayChangePlan, saveAgainCommand } from './saved-plans';
import { giveLead, inReadingOrder, inputErrorReply, NEUTRAL_COLOUR, optionTexts, pageLines, pagerRow, runLead } from './embeds';
import { exportHeader, guildOnlyReply, jsonFile, MANAGE_SERVER, orUnavailable, shownText, teamGuildId, unavailableReply, when, who } from './team-settings';
import { OWN_MESSAGE, ownMessageMark, slashCommand, type ChatInputDefinition, type Choice, type ComponentContext, type ComponentReply, type Reply, type RunContext, SERVER_ONLY } from './types';

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
    { type: ApplicationCommandOptionType.Subcommand, name: 'export', description: 'Download this server’s saved plans as JSON' },
  ],
} as const satisfies ChatInputDefinition;

/**
 * custom_id of the list's Previous and Next buttons, "plans:page:<n>", with OWN_MESSAGE: the list
 * is the presser's own, so they change it in place. A button without it, on a list shown in the
 * channel, opens page n for the presser alone.
 */
const PAGE = 'plans:page';

const LIST_INTRO = 'Re-run one with `/compare plan:<name>`; any other option you give overrides the saved value.';
/** The plans on one page, below the intro in the description. */
const PAGE_TEXT = LIMITS.embedDescription - LIST_INTRO.length - 2;

/** Room for a plan's name: the whole of it, escaping included (each character at most doubles). */
const SHOWN_NAME = 2 * MAX_PLAN_NAME;

/** "budget 5000 · fee 250": the saved inputs, escaped. */
function inputsLine(plan: SavedPlan): string {
  const parts = Object.entries(plan.inputs).map(([k, v]) => `${k} ${v}`);
  return parts.length ? shownText(parts.join(' · '), 300) : 'no inputs';
}

/** Page `page` of the list (the last one when there are fewer now), with Previous and Next when there are several. */
function listReply(plans: readonly SavedPlan[], page: number): Reply {
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
  const sorted = inReadingOrder(plans);
  // A name whole: escaping can double its length.
  const lines = sorted.map((p) => `**${shownText(p.name, SHOWN_NAME)}**: ${inputsLine(p)}\n  saved by ${who(p.savedById, p.savedByName)} on ${when(p.savedAt)}`);
  const pages = pageLines(lines, PAGE_TEXT);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const pager = pagerRow((n) => `${PAGE}:${n}${OWN_MESSAGE}`, at, pages.length);
  return {
    embeds: [
      {
        title: `Saved plans: ${plans.length} (up to ${PLANS_PER_SERVER} per server)`,
        description: `${LIST_INTRO}\n\n${pages[at]}`,
        color: NEUTRAL_COLOUR,
        ...(pages.length > 1 ? { footer: { text: `Page ${at + 1} of ${pages.length}, by name` } } : {}),
      },
    ],
    components: pager ? [pager] : [],
    flags: MessageFlags.Ephemeral,
  };
}

async function list(context: RunContext & { guildId: string }): Promise<Reply> {
  return listReply(await context.store.plans(context.guildId), 0);
}

/** plans.json: every saved plan with its options as typed, who saved it and when, as /term export gives terms. */
async function exportPlans(context: RunContext & { guildId: string }): Promise<Reply> {
  const saved = await context.store.plans(context.guildId);
  const data = {
    ...exportHeader('plans', context),
    plans: inReadingOrder(saved).map((p) => ({ name: p.name, inputs: p.inputs, savedBy: { id: p.savedById, name: p.savedByName }, savedAt: p.savedAt.toISOString() })),
  };
  const description =
    saved.length === 0
      ? 'This server has no saved plans yet; the attached plans.json lists none.'
      : `Attached: \`plans.json\`, ${countOf(saved.length, 'saved plan')} (up to ${PLANS_PER_SERVER} per server), each with its options, who saved it and when. It is a record only: plans can’t be imported. Re-run one with \`/compare plan:<name>\`.`;
  return { embeds: [{ title: 'Saved plans export', description, color: NEUTRAL_COLOUR }], files: [jsonFile('plans.json', data, 'This server’s saved plans as JSON')], flags: MessageFlags.Ephemeral };
}

/** Previous or Next: the page asked for, in the presser's own list in its place (else in a list of their own). */
async function turnPage(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  const { id, own } = ownMessageMark(customId);
  const page = id.startsWith(`${PAGE}:`) ? id.slice(PAGE.length + 1) : '';
  if (!/^\d{1,3}$/.test(page)) return { mode: 'reply', reply: inputErrorReply('That button is no longer in use.', 'run `/plans list` again.') };
  const guildId = teamGuildId(context);
  if (guildId === undefined) return { mode: 'reply', reply: guildOnlyReply('Saved plans', context) };
  try {
    return { mode: own ? 'update' : 'reply', reply: listReply(await context.store.plans(guildId), Number(page)) };
  } catch (err) {
    // Said in a reply of its own: the page the presser is reading stays.
    if (err instanceof StoreUnavailableError) return { mode: 'reply', reply: unavailableReply() };
    throw err;
  }
}

async function remove(name: string, context: RunContext & { guildId: string }): Promise<Reply> {
  const plan = await context.store.plan(context.guildId, name.trim());
  if (!plan) {
    const problem = name.trim() === '' ? 'The name is empty.' : `This server has no saved plan called "${shownText(name, SHOWN_NAME)}".`;
    return inputErrorReply(problem, 'one of the names `/plans list` shows.', 'Nothing was deleted');
  }
  if (!mayChangePlan(plan, context)) {
    return {
      embeds: [
        {
          title: 'Only its author or a manager can delete this plan',
          description: `"${shownText(plan.name, SHOWN_NAME)}" was saved by ${who(plan.savedById, plan.savedByName)}. Deleting someone else's plan needs the **${MANAGE_SERVER}** permission.`,
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
        description: `“${shownText(plan.name, SHOWN_NAME)}”${result === 'ok' ? ' is no longer saved in this server.' : ' had been deleted meanwhile.'}`,
        color: NEUTRAL_COLOUR,
        ...(result === 'ok' ? { fields: [saveAgainField(plan)] } : {}),
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

const SAVE_AGAIN = 'save it again';

/**
 * A deleted plan, to save again if it went by mistake: the /compare line that saves it as it was,
 * as a code block to paste, when it can be one and fits a field; else its options and name,
 * escaped, to be typed again. The name is given whole: the last options give way to it where they
 * do not all fit, "…" saying some are left off.
 */
function saveAgainField(plan: SavedPlan): APIEmbedField {
  const block = saveAgainCommand(plan);
  if (block !== undefined && codePointCount(block) <= LIMITS.fieldValue) return { name: runLead(SAVE_AGAIN), value: block };
  const name = optionTexts([['save', plan.name]]);
  const options = optionPairs(plan.inputs).map((option) => optionTexts([option]));
  const texts = (shown: number) => [...options.slice(0, shown), ...(shown < options.length ? ['…'] : []), name].join(' · ');
  let shown = options.length;
  while (codePointCount(texts(shown)) > LIMITS.fieldValue) shown -= 1;
  return { name: giveLead(SAVE_AGAIN, '/compare'), value: texts(shown) };
}

export const plans = slashCommand({
  definition,
  run(args, context) {
    const guildId = teamGuildId(context);
    if (guildId === undefined) return guildOnlyReply('Saved plans', context);
    const ctx = { ...context, guildId };
    return orUnavailable(async () => {
      switch (args.subcommand) {
        case 'list':
          return list(ctx);
        case 'delete':
          return remove(args.name, ctx);
        case 'export':
          return exportPlans(ctx);
      }
    });
  },
  component: turnPage,
  async autocomplete(focused, _args, context) {
    const guildId = teamGuildId(context);
    if (focused.name !== 'name' || guildId === undefined) return [];
    try {
      // Matched as names are (nameKey): "ｑ１" offers "Q1 launch".
      const query = nameKey(focused.value.trim());
      const plans = await context.store.plans(guildId);
      // Offer first the plans this member may delete.
      // Each group in reading order (the sort keeps it).
      return inReadingOrder(plans.filter((p) => nameKey(p.name).includes(query)))
        .sort((a, b) => Number(!mayChangePlan(a, context)) - Number(!mayChangePlan(b, context)))
        .slice(0, LIMITS.autocompleteChoices)
        .map((p): Choice => ({ name: p.name, value: p.name }));
    } catch {
      return [];
    }
  },
});
