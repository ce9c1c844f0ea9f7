import { ChatService, FactsBot, MemoryStore, type Store } from '../../../src/core/index.ts';
import { startDiscord } from '../../../src/adapters/discord/start.ts';
import type { FatalPlatformError, RunningBot } from '../../../src/adapters/running.ts';
import type { Metrics } from '../../../src/ops/metrics.ts';
import { testDeps } from '../../helpers/deps.ts';
import type { FakeDiscord, FakeInteraction } from './fake-discord.ts';

/** The knowledge base is loaded once per test file: it is the slow part of starting a bot. */
let shared: FactsBot | undefined;
export const factsBot = (): FactsBot => (shared ??= new FactsBot());

export interface TestBot {
  running: RunningBot;
  chat: ChatService;
  store: Store;
  /** Every line the bot logged (already scrubbed by the logger). */
  logs: string[];
  metrics: Metrics;
  /** Fatal errors the bot reported. */
  fatal: FatalPlatformError[];
}

/** Starts the real Discord adapter against the fake, as `npm start` would with DISCORD_API_ROOT set. */
export async function startTestBot(fake: FakeDiscord, options: { store?: Store; chat?: ChatService } = {}): Promise<TestBot> {
  const store = options.store ?? new MemoryStore();
  const chat = options.chat ?? new ChatService(factsBot(), store);
  const deps = testDeps([fake.token]);
  const running = await startDiscord({ ...deps, config: { token: fake.token, clientId: fake.applicationId, apiRoot: fake.apiRoot }, chat });
  return { running, chat, store, logs: deps.logs, metrics: deps.metrics, fatal: deps.fatal };
}

/**
 * The reply an interaction got: its response, or, when the bot deferred it (as it does for an interaction
 * that waited too long, e.g. on a loaded machine), the edit that completed it, with the deferral's flags.
 */
export async function replyTo(fake: FakeDiscord, interaction: FakeInteraction): Promise<{ type: number; data: any }> {
  const response = await interaction.acknowledged;
  if (response.type !== 5) return { type: response.type, data: response.data };
  const edit = await fake.until(
    () => fake.callsTo(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 'PATCH').find((c) => c.path.includes(interaction.token) && c.status === 200),
    'the edit of a deferred reply',
  );
  return { type: 4, data: { ...edit.body, flags: response.data?.flags } };
}
