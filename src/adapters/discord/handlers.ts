import {
  Message,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { clip, findCommand, isLanguageChoice, type ChatService, type Conversation } from '../../core/index.ts';
import type { Turn } from '../turn.ts';
import { langOfLocale } from './commands.ts';
import { LIMITS } from './render.ts';
import { answerInteraction, respond } from './respond.ts';

/** What the handlers need: the core, and who the bot is (known once the client is ready). */
export interface DiscordContext {
  chat: ChatService;
  botUserId(): string;
}

/**
 * The core's view of whoever sent an event: `/lang` is stored per user; a conversation is the user's DM with the
 * bot, or the user in one server channel, so that two people talking to the bot in one channel keep apart. The
 * locale is the user's for an interaction, the server's for a message (Discord sends no user locale with one).
 */
export function conversationOf(event: Interaction | Message): Conversation {
  const user = event instanceof Message ? event.author : event.user;
  const locale = event instanceof Message ? (event.inGuild() ? event.guild.preferredLocale : undefined) : event.locale;
  const localeHint = langOfLocale(locale);
  const thread = event.inGuild() ? `${event.channelId}:${user.id}` : user.id;
  return { platform: 'discord', scope: 'discord-user', id: user.id, thread, ...(localeHint && { localeHint }) };
}

/**
 * `/ask`, `/fact`, …: the command and its options go to the core. A private command's reply is shown only to whoever
 * ran it (the core's table says which).
 */
async function onCommand(ctx: DiscordContext, interaction: ChatInputCommandInteraction, turn: Turn): Promise<void> {
  const command = findCommand(interaction.commandName);
  const args = Object.fromEntries(interaction.options.data.map((option) => [option.name, typeof option.value === 'string' ? option.value : null]));
  const ephemeral = interaction.inGuild() && !!command?.private;
  const text = Object.values(args).filter(Boolean).join(' ');
  const compute = async () => turn.replied(await ctx.chat.command(conversationOf(interaction), interaction.commandName, args), text);
  await answerInteraction(ctx.chat.bot, interaction, compute, { ephemeral });
}

/**
 * A pressed button or a chosen menu entry. The custom id (or the menu value) is the encoded action, so
 * buttons keep working after a restart. In a server the result is shown only to whoever pressed, since
 * anyone in the channel may press the buttons under someone else's answer.
 */
async function onComponent(ctx: DiscordContext, interaction: ButtonInteraction | StringSelectMenuInteraction, data: string, turn: Turn): Promise<void> {
  const ephemeral = interaction.inGuild() || isLanguageChoice(data);
  await answerInteraction(ctx.chat.bot, interaction, async () => turn.replied(await ctx.chat.action(conversationOf(interaction), data)), { ephemeral });
}

/** Autocomplete for a command option, by the option's kind: questions for text, topic names for topics. */
async function onAutocomplete(ctx: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = findCommand(interaction.commandName)?.options.find((option) => option.name === focused.name);
  const who = conversationOf(interaction);
  const typed = String(focused.value);
  let choices: { name: string; value: string }[] = [];
  if (spec?.kind === 'text' && spec.autocomplete) {
    // Choosing a suggestion sends its question, which the core answers like any typed question.
    choices = (await ctx.chat.suggest(who, typed, LIMITS.choices)).map((s) => {
      const question = clip(s.question, Math.min(LIMITS.choiceName, LIMITS.choiceValue, spec.maxLength ?? Infinity));
      return { name: question, value: question };
    });
  } else if (spec?.kind === 'topic') {
    const wanted = typed.trim().toLocaleLowerCase();
    choices = ctx.chat.bot
      .topics(await ctx.chat.language(who))
      .filter((topic) => !wanted || topic.name.toLocaleLowerCase().includes(wanted) || topic.id.includes(wanted))
      .map((topic) => ({ name: clip(topic.name, LIMITS.choiceName), value: topic.id }));
  }
  const seen = new Set<string>();
  const distinct = choices.filter((choice) => !seen.has(choice.value) && !!seen.add(choice.value));
  await interaction.respond(distinct.slice(0, LIMITS.choices));
}

/** Routes an interaction to its handler; kinds the bot does not use are ignored. Autocomplete is no message: it reports no turn. */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction, turn: Turn): Promise<void> {
  if (interaction.isAutocomplete()) await onAutocomplete(ctx, interaction);
  else if (interaction.isChatInputCommand()) await onCommand(ctx, interaction, turn);
  else if (interaction.isButton()) await onComponent(ctx, interaction, interaction.customId, turn);
  else if (interaction.isStringSelectMenu()) await onComponent(ctx, interaction, interaction.values[0] ?? '', turn);
}

/**
 * A message: a direct message, or one that mentions the bot in a server, is a question. Without the
 * privileged message-content intent Discord delivers content only for these anyway. Bots and webhooks
 * (including this bot) are ignored, so two bots can never talk to each other in a loop.
 */
export async function onMessage(ctx: DiscordContext, message: Message, turn: Turn): Promise<void> {
  if (message.author.bot || message.webhookId || message.system) return;
  const me = ctx.botUserId();
  if (message.inGuild() && !message.mentions.users.has(me)) return;
  const text = message.content.replace(new RegExp(`<@!?${me}>`, 'g'), ' ').trim();
  const reply = turn.replied(await ctx.chat.question(conversationOf(message), text), text);
  await respond(ctx.chat.bot, message, reply);
}
