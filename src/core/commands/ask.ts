import { defineCommand } from '../command.ts';
import { MAX_QUESTION_LENGTH } from '../facts-bot.ts';

/** A question, as the next message of the conversation: `/ask and in 2020?` follows up like the typed text would. */
export default defineCommand({
  name: 'ask',
  position: 10,
  private: false,
  options: [{ name: 'question', kind: 'text', required: true, maxLength: MAX_QUESTION_LENGTH, autocomplete: true }],
  run: async ({ args, converse }) => {
    const result = await converse(args.question);
    return { reply: result.reply, ask: result };
  },
});
