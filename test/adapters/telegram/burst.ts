import { ChatService, LANGS, MemoryStore } from '../../../src/core/index.ts';
import type { BotMessage, FakeUser } from './fake-bot-api.ts';
import { expected, factsBot, privateChat, startHarness } from './harness.ts';

export interface BurstResult {
  /** Messages sent by users. */
  sent: number;
  /** Per chat: the questions in order, and the bot messages the chat received. */
  chats: Array<{ user: FakeUser; questions: string[]; replies: BotMessage[] }>;
  /** Milliseconds from each update's delivery to its reply. */
  latencies: number[];
  /** From the first update to the last reply. */
  durationMs: number;
  /** Bot API calls that failed (Telegram would have rejected them). */
  rejected: number;
}

/** The questions of the burst: facts in all three languages, off-topic questions and markup. */
function questionPool(): string[] {
  const bot = factsBot();
  const facts = bot.facts.flatMap((fact) => LANGS.map((lang) => fact[lang].questions.at(-1)!));
  const extra = ['How do I bake sourdough bread?', 'Какая погода в Астане?', '<b>Конфуций</b> & *институттар* [саны]?', 'Hi!'];
  return [...facts.filter((_, i) => i % 7 === 0), ...extra];
}

/**
 * Starts the bot against a fake Bot API, has `users` users send `perUser` messages each all at once, waits for
 * every reply and stops the bot (which finishes what is in flight).
 */
export async function runBurst(users = 50, perUser = 10): Promise<BurstResult> {
  const h = await startHarness();
  try {
    const pool = questionPool();
    const codes = ['en', 'ru', 'kk', 'de', undefined];
    const chats = Array.from({ length: users }, (_, i) => ({
      user: h.api.user(`burst${i}`, codes[i % codes.length]),
      questions: Array.from({ length: perUser }, (_, j) => pool[(i * perUser + j * 13) % pool.length]!),
      replies: [] as BotMessage[],
    }));
    const first = performance.now();
    const updateIds = new Map<number, number[]>();
    for (let j = 0; j < perUser; j++) {
      for (const chat of chats) {
        h.api.sendText(chat.user, chat.questions[j]!);
        const ids = updateIds.get(chat.user.id) ?? [];
        ids.push(h.api.lastUpdateId);
        updateIds.set(chat.user.id, ids);
      }
    }
    await h.api.until(() => h.api.botMessages.length >= users * perUser, `${users * perUser} replies`, 60_000);
    const last = Math.max(...h.api.botMessages.map((m) => m.at));
    await h.bot.stop();
    const latencies: number[] = [];
    for (const chat of chats) {
      chat.replies = h.api.sentTo(chat.user.id);
      // Replies of one chat come in the order of its messages.
      chat.replies.forEach(async (reply, j) => {
        const id = updateIds.get(chat.user.id)![j];
        if (id !== undefined) latencies.push(reply.at - h.api.pushedAt.get(id)!);
      });
    }
    return {
      sent: users * perUser,
      chats,
      latencies,
      durationMs: last - first,
      rejected: h.api.calls.filter((c) => c.status !== 200).length,
    };
  } finally {
    await h.stop();
  }
}

/** What each chat of a burst should have received, computed by the core alone. */
export async function expectedReplies(chat: BurstResult['chats'][number]): Promise<string[]> {
  const mirror = new ChatService(factsBot(), new MemoryStore());
  const texts: string[] = [];
  for (const q of chat.questions) texts.push(expected(await mirror.question(privateChat(chat.user), q)).text);
  return texts;
}

/** Round trips of `count` questions sent one at a time (each after the previous reply): latency without queueing. */
export async function runSequential(count = 50): Promise<number[]> {
  const h = await startHarness();
  try {
    const pool = questionPool();
    // A new user every 10 questions keeps within the per-user rate limit.
    const users = Array.from({ length: Math.ceil(count / 10) }, (_, i) => h.api.user(`sequential${i}`, 'en'));
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const user = users[Math.floor(i / 10)]!;
      h.api.sendText(user, pool[(i * 5) % pool.length]!);
      const pushed = h.api.pushedAt.get(h.api.lastUpdateId)!;
      const [reply] = await h.api.replies(user.id, 1, i % 10);
      latencies.push(reply!.at - pushed);
    }
    return latencies;
  } finally {
    await h.stop();
  }
}
