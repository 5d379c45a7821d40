import { randomBytes } from 'node:crypto';
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { AnyCommand, CommandContext, MessageCommand, OptionValue } from '../command/command.ts';
import type { Answer } from '../answers/answer.ts';
import type { ReloadOutcome } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import { invoke, type Invocation } from '../command/invoke.ts';
import type { Logger } from '../app/log.ts';
import { SHARE_BUTTON, readFeedbackId, toNotice, type DiscordReply, type Paging } from '../render/discord.ts';
import { figuresOf } from '../render/chart/chart.ts';
import type { Charts } from '../app/charts.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import { defer, failureAnswer, notify, respond, respondChoices, share, turnPage, type Extras } from './respond.ts';
import { afterAsk, onFeedback } from './feedback.ts';
import { privateBecauseBlocked, publicRepliesBlocked } from './install.ts';
import { msg, type Locale } from '../messages/message.ts';
import { resolveLocale } from '../messages/words.ts';
import { corpusVersion, isPageId, pageId, readPageId, type PageState } from './pages.ts';

/**
 * Discord drops an interaction not answered within 3 s. Past this much work the
 * router defers, leaving time for the round trip even on a slow connection.
 */
export const DEFER_AFTER_MS = 1500;

export interface RouterDeps {
  engine: () => Engine;
  commands: readonly AnyCommand[];
  messageCommands: readonly MessageCommand[];
  log: Logger;
  reload?: () => Promise<ReloadOutcome>;
  /** Draws the charts of commands that have them; absent, answers go as text alone. */
  charts?: Charts;
  /** Keeps refused /ask questions and 👎 answers for /gaps; absent or off, nothing is kept. */
  feedback?: FeedbackStore;
}

export function createRouter(deps: RouterDeps) {
  return async (interaction: Interaction): Promise<void> => {
    const started = performance.now();
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? `button:${interaction.customId}`
          : undefined;
    const log = deps.log.child({ interaction: interaction.id, command: name, user: interaction.user.id });
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction, deps);
      else if (interaction.isChatInputCommand()) await command(interaction, deps, log);
      else if (interaction.isMessageContextMenuCommand()) await messageCommand(interaction, deps, log);
      else if (interaction.isButton() && interaction.customId === SHARE_BUTTON) await share(interaction);
      else if (interaction.isButton() && isPageId(interaction.customId)) await pageButton(interaction, deps);
      else if (interaction.isButton() && readFeedbackId(interaction.customId)) {
        const pressed = readFeedbackId(interaction.customId)!;
        await onFeedback(interaction, pressed, { ...deps, store: deps.feedback, locale: localeOf(interaction), log });
      } else return;
      log.info({ ms: Math.round(performance.now() - started) }, 'answered');
    } catch (error) {
      await fail(interaction, error, log);
    }
  };
}

/** The member's own language, else the server's, else English: Discord sends both with every interaction. */
function localeOf(interaction: Interaction): Locale {
  return resolveLocale(interaction.locale, interaction.guildLocale);
}

function context(interaction: Interaction, deps: RouterDeps): CommandContext {
  return {
    engine: deps.engine(),
    locale: localeOf(interaction),
    commands: deps.commands,
    ...(deps.reload ? { reload: deps.reload } : {}),
    // memberPermissions is null in DMs, where nobody moderates.
    caller: {
      canManageMessages: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
      guild: interaction.guildId ?? undefined,
    },
    ...(deps.feedback ? { feedback: deps.feedback } : {}),
  };
}

async function command(interaction: ChatInputCommandInteraction, deps: RouterDeps, log: Logger): Promise<void> {
  const raw = new Map<string, OptionValue>();
  for (const option of interaction.options.data) {
    if (option.value !== undefined) raw.set(option.name, option.value);
  }
  // A member's install in a server that keeps members' apps from posting: private from the start.
  const blocked = publicRepliesBlocked(interaction);
  const hide = raw.get('hide') === true || blocked;
  const ctx = context(interaction, deps);
  const name = interaction.commandName;
  await answerInTime(interaction, hide, ctx.locale!, log, async () => {
    const result = await invoke(name, raw, ctx);
    const answer = blocked ? privateBecauseBlocked(result.answer) : result.answer;
    const feedback =
      name === 'ask'
        ? afterAsk(deps.feedback, interaction, String(raw.get('question') ?? ''), result.answer, ctx.locale!)
        : undefined;
    return { ...result, answer, ...feedback, ...(await extrasFor(name, raw, answer, ctx, deps)) };
  });
}

/** The page buttons and the chart a command's answer gets, when it is long or has figures to compare. */
async function extrasFor(
  name: string,
  raw: ReadonlyMap<string, OptionValue>,
  answer: Answer,
  ctx: CommandContext,
  deps: RouterDeps,
): Promise<Extras> {
  const command = deps.commands.find((c) => c.data.name === name);
  if (!command || !answer.found) return {};
  const paging = pagingFor({ command: name, options: raw, version: corpusVersion(ctx.engine), page: 1 }, command);
  const chart = command.chart && deps.charts ? await deps.charts.image(figuresOf(answer), ctx.locale!) : undefined;
  return { paging, chart };
}

function pagingFor(state: PageState, command: AnyCommand): Paging {
  return { page: state.page, idOf: (page) => pageId({ ...state, page }, command.data) };
}

/**
 * ◀ ▶: answers the command in the button again and shows the page asked for. The
 * buttons of a private answer are the asker's alone; a page of a corpus that has
 * changed since is not shown as if it were the same answer.
 */
async function pageButton(interaction: ButtonInteraction, deps: RouterDeps): Promise<void> {
  const ctx = context(interaction, deps);
  const locale = ctx.locale!;
  const state = readPageId(interaction.customId, (name) => deps.commands.find((c) => c.data.name === name)?.data);
  const command = state && deps.commands.find((c) => c.data.name === state.command);
  if (!state || !command) return notify(interaction, toNotice(msg('pageGone'), locale));
  const asker = interaction.message.interactionMetadata?.user.id;
  if (interaction.message.flags.has(MessageFlags.Ephemeral) && asker && asker !== interaction.user.id)
    return notify(interaction, toNotice(msg('pageNotYours'), locale));
  const paging = pagingFor({ ...state, version: corpusVersion(ctx.engine) }, command);
  if (state.version !== corpusVersion(ctx.engine)) {
    const first = paging.idOf(1);
    return notify(
      interaction,
      toNotice(msg('pageStale'), locale, first ? [{ label: msg('pageCurrent'), id: first }] : []),
    );
  }
  const { answer } = await invoke(state.command, state.options, ctx);
  await turnPage(interaction, answer, locale, paging);
}

async function messageCommand(
  interaction: MessageContextMenuCommandInteraction,
  deps: RouterDeps,
  log: Logger,
): Promise<void> {
  const command = deps.messageCommands.find((c) => c.data.name === interaction.commandName);
  if (!command) throw new Error(`no message command "${interaction.commandName}"`);
  const ctx = context(interaction, deps);
  const blocked = publicRepliesBlocked(interaction);
  await answerInTime(interaction, blocked, ctx.locale!, log, async () => {
    const answer = await command.execute({ content: interaction.targetMessage.content }, ctx);
    return { answer: blocked ? privateBecauseBlocked(answer) : answer, hide: blocked };
  });
}

/** Runs the work and answers with its result, deferring first if it is not done in time. */
async function answerInTime(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  hide: boolean,
  locale: Locale,
  log: Logger,
  work: () => Promise<Invocation & Extras & { rows?: DiscordReply['components']; keep?: () => void }>,
): Promise<void> {
  let deferring: Promise<void> | undefined;
  const timer = setTimeout(() => {
    log.debug('deferring');
    deferring = defer(interaction, hide);
  }, DEFER_AFTER_MS);
  try {
    const result = await work();
    clearTimeout(timer);
    await deferring;
    await respond(interaction, result.answer, { ...result, locale });
    result.keep?.();
  } finally {
    clearTimeout(timer);
  }
}

async function autocomplete(interaction: AutocompleteInteraction, deps: RouterDeps): Promise<void> {
  const command = deps.commands.find((c) => c.data.name === interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices =
    command?.autocomplete?.({ name: focused.name, value: String(focused.value) }, context(interaction, deps)) ?? [];
  await respondChoices(interaction, choices);
}

async function fail(interaction: Interaction, error: unknown, log: Logger): Promise<void> {
  const errorId = randomBytes(4).toString('hex');
  log.error({ err: error, errorId }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  try {
    await respond(interaction, failureAnswer(errorId), { hide: true, locale: localeOf(interaction) });
  } catch (second) {
    // The interaction may have expired or the callback failed outright: nothing left to tell the user.
    log.warn({ err: second, errorId }, 'could not report the failure to the user');
  }
}
