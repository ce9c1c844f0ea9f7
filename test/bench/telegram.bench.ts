import { expectedReplies, runBurst, runSequential } from '../adapters/telegram/burst.ts';
import { ms, summarize } from './stats.ts';

const USERS = 50;
const PER_USER = 10;

/**
 * The Telegram adapter under a burst: 50 users send 10 messages each at once to the real telegraf bot
 * (long polling a local fake Bot API). Latency is from the update's arrival at the fake server to the reply's.
 */
export async function run(): Promise<string> {
  await runBurst(5, 2); // warm-up: JIT, sockets, caches
  const result = await runBurst(USERS, PER_USER);
  const answered = result.chats.reduce((sum, chat) => sum + chat.replies.length, 0);
  let correct = true;
  for (const chat of result.chats) correct &&= JSON.stringify(chat.replies.map((r) => r.html)) === JSON.stringify(await expectedReplies(chat));
  const { median, p99, n } = summarize(result.latencies);
  const throughput = (answered / result.durationMs) * 1000;
  const single = summarize(await runSequential(50));
  return [
    `burst: ${result.sent} messages from ${USERS} users at once (long polling, fake Bot API on 127.0.0.1)`,
    `answered ${answered}/${result.sent} exactly once, correct and in order: ${correct ? 'yes' : 'NO'}; rejected API calls: ${result.rejected}`,
    `throughput ${throughput.toFixed(0)} updates/s (all answered in ${ms(result.durationMs)})`,
    `per-update latency in the burst (queueing included): median ${ms(median)}   p99 ${ms(p99)}   (n=${n})`,
    `one question at a time (no queue): median ${ms(single.median)}   p99 ${ms(single.p99)}   (n=${single.n})`,
  ].join('\n');
}
