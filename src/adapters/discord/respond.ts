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
 * An interaction is acknowledged exactly once: by this reply, or (if `answerInteraction` deferred it) by
 * the deferral, which this reply then edits.
 */
export async function respond(bot: FactsBot, target: ReplyTarget, reply: Reply, options: RespondOptions = {}): Promise<void> {
  const message = { embeds: [embedOf(reply, bot.t)], components: componentsOf(reply, bot.t) };
  if (target instanceof Message) {
    // The question's id as nonce: should a retried request (after a 5xx or a lost response) reach Discord
    // twice, Discord returns the first message instead of posting a duplicate.
    await target.reply({ ...message, allowedMentions: { parse: [], repliedUser: false }, nonce: target.id, enforceNonce: true });
  } else if (target.deferred) {
    await target.editReply({ ...message, allowedMentions: { parse: [] } });
  } else {
    await target.reply({ ...message, allowedMentions: { parse: [] }, ...(options.ephemeral && { flags: MessageFlags.Ephemeral }) });
  }
}

/**
 * How old an interaction may be when its handler starts and still be answered directly. The core answers in
 * about a millisecond, but in a burst interactions queue behind each other; an older one is acknowledged
 * at once with "thinking…" (a cheap request) and edited when its answer is ready, so none misses Discord's
 * 3-second window.
 */
export const DEFER_AFTER_MS = 1000;

/** Answers an interaction with `compute()`'s reply, deferring first when the interaction has waited too long. */
export async function answerInteraction(bot: FactsBot, interaction: RepliableInteraction, compute: () => Promise<Reply>, options: RespondOptions = {}): Promise<void> {
  if (Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS) {
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
  await respond(bot, interaction, await compute(), options);
}
