/**
 * /compare's saved plans: `save:<name>` keeps a scenario's inputs in the server, `plan:<name>`
 * runs one again with the options given now on top (a saved value that clashes with one of them
 * gives way). Saved plans belong to a server that has added Tierbot; /plans lists and deletes them.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { optionPairs, type ParseFailure } from '../domain/compare';
import { codePointCount, formatCount } from '../domain/format';
import { PLANS_PER_SERVER, StoreRefusedError, StoreUnavailableError, type PlanAuthor, type SavedPlan, type SavePlanResult } from '../store/types';
import { MANAGE_SERVER, who } from './team-settings';
import { COMPARE_OPTION_NAMES } from './compare-definition';
import { ERROR_COLOUR, hiddenInName, inputErrorReply, pasteableCommand, quoteUserText, unshownCharacter } from './embeds';
import type { Reply, RunContext } from './types';

/**
 * A name's length in characters as Discord counts them (code points: an emoji is one), as the
 * option's max_length does: a saved name comes back whole as an autocomplete choice's value (100 at most).
 */
export const MAX_PLAN_NAME = 100;

/** What a plan name may be, as each refusal of one says. */
const PLAN_NAME_ACCEPTED = `a name of 1 to ${MAX_PLAN_NAME} visible characters, such as \`q3 launch\` (no invisible or control characters).`;

/**
 * Why a name cannot be saved, or undefined when it can. Invisible characters would make two names
 * that look the same ("weekly" and "weekly\u200b"), or turn the text around them ("week\u202ely").
 */
export function planNameProblem(name: string): string | undefined {
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) return 'the name has control characters or line breaks in it; a plan name is one line of text.';
  const hidden = hiddenInName(name);
  if (hidden === 'blank') return 'the name shows nothing (only spaces or invisible characters); it needs at least one visible character.';
  if (hidden === 'invisible') return `the name has ${unshownCharacter(name) ?? 'an invisible character'} in it, which Discord shows as a blank or not at all; type it again without it.`;
  return undefined;
}

const IN_A_SERVER = inputErrorReply(
  'Saved plans belong to a server, so `save` and `plan` work only in a server’s channels, not in DMs.',
  '/compare without `save` and `plan` here, or run it in a server.',
  'Saved plans belong to a server',
);

const NOT_ADDED_HERE = inputErrorReply(
  'Saved plans belong to a server that has added Tierbot, where its members can list and delete them with /plans. Here Tierbot runs from your own apps, so `save` and `plan` are not available.',
  '/compare without `save` and `plan` here, or ask someone with Manage Server to add Tierbot to this server.',
  'Saved plans need Tierbot in this server',
);

/** Plans can be saved and loaded here: in a server that has added Tierbot (not a user install there, nor a DM). */
export function plansKeptHere(context: RunContext): context is RunContext & { guildId: string } {
  return context.guildId !== undefined && context.guildInstalled;
}

/** Whether this member may replace or delete a saved plan: its author, or a manager (the store checks the same on a save). */
export function mayChangePlan(author: Pick<PlanAuthor, 'savedById'>, context: Pick<RunContext, 'user' | 'canManageGuild'>): boolean {
  return context.canManageGuild || author.savedById === context.user.id;
}

/**
 * Why `plan:` or `save:` cannot be used here (plansKeptHere), or why a name given to either will
 * not do; undefined when they can go ahead.
 */
export function planOptionsProblem(args: { plan?: string; save?: string }, context: RunContext, planName: string | undefined, saveName: string | undefined): Reply | undefined {
  const wantsStore = args.plan !== undefined || args.save !== undefined;
  if (wantsStore && !plansKeptHere(context)) return context.guildId === undefined ? IN_A_SERVER : NOT_ADDED_HERE;
  for (const [option, name] of [['plan', planName], ['save', saveName]] as const) {
    if (name !== undefined && (name === '' || codePointCount(name) > MAX_PLAN_NAME)) {
      const counted = name === '' ? '' : ` This one has ${formatCount(codePointCount(name))} characters.`;
      return inputErrorReply(`**${option}**: a plan name is 1 to ${MAX_PLAN_NAME} characters.${counted}`, PLAN_NAME_ACCEPTED, `That ${option} name did not work`);
    }
  }
  const saveProblem = saveName === undefined ? undefined : planNameProblem(saveName);
  if (saveProblem) return inputErrorReply(`**save**: ${saveProblem} Nothing was saved.`, PLAN_NAME_ACCEPTED, 'That save name did not work');
  return undefined;
}

/** A saved plan, loaded: its name, who saved it, and its inputs with the options given now on top. */
interface LoadedPlan {
  name: string;
  author: PlanAuthor;
  inputs: Record<string, string>;
}

/** The saved plan called `planName` with `given` on top, or the reply saying there is none (naming some that are) or that the store is down. */
export async function loadPlan(context: RunContext, planName: string, given: Readonly<Record<string, string>>): Promise<LoadedPlan | Reply> {
  try {
    const saved = await context.store.plan(context.guildId!, planName);
    if (!saved) {
      const names = (await context.store.plans(context.guildId!)).map((p) => p.name).slice(0, 10);
      const known = names.length ? names.map((n) => `“${quoteUserText(n, 40)}”`).join(', ') : 'none yet: save one with `save:<name>`';
      return inputErrorReply(`**plan**: no plan called “${quoteUserText(planName, MAX_PLAN_NAME)}” is saved in this server.`, `a saved plan's name. Saved here: ${known}.`, 'No such saved plan');
    }
    return { name: saved.name, author: { savedById: saved.savedById, savedByName: saved.savedByName }, inputs: { ...saved.inputs, ...given } };
  } catch (err) {
    if (err instanceof StoreUnavailableError) return unavailable();
    throw err;
  }
}

/**
 * Two options that cannot be given together (`failure.option` and `failure.clashesWith`) where
 * one came from the saved plan: that one gives way, as "any other option given overrides the
 * saved value". If the user typed one of them, the saved other goes; if both are saved (an
 * option typed now, such as micro_fee, made them disagree), the one the error names goes. If the
 * user typed both, nothing gives way: that is the user's own input error.
 */
export function savedValueGivingWay(failure: ParseFailure, inputs: Readonly<Record<string, string>>, given: Readonly<Record<string, string>>): { option: string; line: string } | null {
  const other = failure.clashesWith;
  if (other === undefined) return null;
  const typed = (o: string) => Object.hasOwn(given, o);
  const saved = (o: string) => Object.hasOwn(inputs, o) && !typed(o);
  if (typed(failure.option) && saved(other)) return { option: other, line: `${other} from the saved plan left out: you gave ${failure.option}.` };
  if (typed(other) && saved(failure.option)) return { option: failure.option, line: `${failure.option} from the saved plan left out: you gave ${other}.` };
  if (saved(other) && saved(failure.option)) {
    return { option: failure.option, line: `${failure.option} from the saved plan left out: with your options it no longer agrees with the saved ${other}.` };
  }
  return null;
}

/** Saves `inputs` as the plan `saveName` in this server: the line saying so (and what it replaced), or the reply refusing it. */
export async function savePlan(context: RunContext, saveName: string, inputs: Record<string, string>): Promise<string | Reply> {
  const plan = { name: saveName, inputs, savedById: context.user.id, savedByName: context.user.name, savedAt: context.now };
  let saved: SavePlanResult;
  try {
    saved = await context.store.savePlan(context.guildId!, plan, { replaceAnyAuthor: context.canManageGuild });
  } catch (err) {
    // A value the database will not keep (a NUL the checks above missed): that save alone is refused.
    if (err instanceof StoreRefusedError) {
      return inputErrorReply(`**save**: ${err.field === 'name' ? 'the name' : 'a value'} ${err.reason}. Nothing was saved.`, PLAN_NAME_ACCEPTED, 'That save name did not work');
    }
    if (err instanceof StoreUnavailableError) return unavailable();
    throw err;
  }
  if (saved.outcome === 'not-author') return notYourPlan(saveName, saved.author);
  if (saved.outcome === 'full') {
    return inputErrorReply(
      `**save**: this server already has ${PLANS_PER_SERVER} saved plans, the limit.`,
      'an existing plan’s name (saving replaces it), or delete one with /plans first.',
      'Saved plans are full',
    );
  }
  // Whose plan it replaced as the write found it: a save by someone else a moment before is named too.
  const { replaced } = saved;
  const replacing = !replaced ? '' : replaced.savedById === context.user.id ? ', replacing your earlier plan of that name' : `, replacing the plan ${who(replaced.savedById, replaced.savedByName)} saved`;
  return `💾 Saved as “${quoteUserText(saveName, MAX_PLAN_NAME)}” for this server${replacing}: run it again ${rerunCommand(saveName)}.`;
}

/**
 * "with `/compare plan:Spring launch`", the command to paste, the name as saved; a name that
 * cannot be shown in code (pasteableCode: a backtick, a mention) is given beside the option,
 * escaped as all user text is.
 */
function rerunCommand(name: string): string {
  const command = pasteableCommand('/compare', [['plan', name]], COMPARE_OPTION_NAMES);
  return command ? `with ${command}` : `by giving \`/compare plan:\` the name “${quoteUserText(name, MAX_PLAN_NAME)}”`;
}

/**
 * The /compare line that saves `plan` again as it was, its options as typed in the order /compare
 * lists them, as a code block to paste; undefined when it is no code (pasteableCode: a backtick
 * fence, a mention), or when a value has a word that starts another option ("… save:x"), which
 * Discord would read as that option.
 */
export function saveAgainCommand(plan: Pick<SavedPlan, 'name' | 'inputs'>): string | undefined {
  return pasteableCommand('/compare', [...optionPairs(plan.inputs), ['save', plan.name]], COMPARE_OPTION_NAMES, 'block');
}

/** `save:` under a name another member saved: replacing their plan is for them or a manager, as deleting it is. */
function notYourPlan(name: string, author: PlanAuthor): Reply {
  return inputErrorReply(
    `**save**: “${quoteUserText(name, MAX_PLAN_NAME)}” was saved by ${who(author.savedById, author.savedByName)}. Replacing someone else’s plan needs the **${MANAGE_SERVER}** permission; nothing was saved.`,
    'a name of your own, or one of your plans’ names (saving replaces it).',
    'That plan is someone else’s',
  );
}

/** The database is down: no plan can be saved or loaded, though /compare without them still runs. */
function unavailable(): Reply {
  return {
    embeds: [
      {
        title: 'Saved plans are unavailable right now',
        description: 'The settings are unavailable right now, so plans cannot be saved or loaded. Try again in a minute; /compare without `save` or `plan` still works.',
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    unavailable: true,
  };
}
