import { Message, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { FactsBot, Reply } from '../../core/index.ts';
import { componentsOf, embedOf } from './render.ts';

/** What a reply answers: an interaction (slash command, button, menu) or a message (mention, DM). */
export type ReplyTarget = RepliableInteraction | Message;

export interface RespondOptions {
  /** Visible only to the user who interacted (interactions only). */
  ephemeral?: boolean;
}

/**
 * Sends a core reply to Discord. Every message the bot sends goes through here, so every one of them
 * pings nobody: not `@everyone`/`@here`, not a role or user named in a fact or a question, not the asker.
 * An interaction is acknowledged exactly once: with this reply, or by editing a deferred one.
 */
export async function respond(bot: FactsBot, target: ReplyTarget, reply: Reply, options: RespondOptions = {}): Promise<void> {
  const message = { embeds: [embedOf(reply, bot.t)], components: componentsOf(reply, bot.t) };
  if (target instanceof Message) {
    await target.reply({ ...message, allowedMentions: { parse: [], repliedUser: false } });
  } else if (target.deferred) {
    await target.editReply({ ...message, allowedMentions: { parse: [] } });
  } else if (!target.replied) {
    await target.reply({ ...message, allowedMentions: { parse: [] }, ...(options.ephemeral && { flags: MessageFlags.Ephemeral }) });
  }
}
