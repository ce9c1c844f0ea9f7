/**
 * Discord burst benchmark: 300 `/ask` interactions, then 300 autocomplete requests, dispatched at once by the
 * fake Discord to the real bot. The bot runs as in production — its own process (the shard entry), the
 * SQLite store — so the fake's work does not share its event loop. Latency is from the fake dispatching an
 * interaction to it receiving the interaction's response (the acknowledgement Discord wants within 3 s).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FactsBot, LANGS } from '../../src/core/index.ts';
import { FakeDiscord, type FakeInteraction } from '../adapters/discord/fake-discord.ts';
import { summarize } from './stats.ts';

const BURST = 300;

interface BurstResult {
  latencies: number[];
  elapsedMs: number;
  failed: number;
  /** Acknowledged with "thinking…" first, because they waited behind the burst. */
  deferred: number;
}

/** Past Discord's 3 s window the fake rejects responses anyway; this only bounds a bot that never answers. */
const GIVE_UP_MS = 10_000;

async function burst(make: (i: number) => FakeInteraction): Promise<BurstResult> {
  const started = performance.now();
  const interactions = Array.from({ length: BURST }, (_, i) => make(i));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(interactions.map((i) => i.settled)),
    new Promise((resolve) => (timer = setTimeout(resolve, GIVE_UP_MS))),
  ]);
  clearTimeout(timer);
  const elapsedMs = performance.now() - started;
  const latencies: number[] = [];
  let failed = 0;
  let deferred = 0;
  for (const interaction of interactions) {
    const accepted = interaction.attempts.find((a) => a.status === 204 || a.status === 200);
    if (accepted) latencies.push(accepted.at - interaction.createdAt);
    else failed++;
    if (accepted?.body?.type === 5) deferred++;
  }
  return { latencies: latencies.sort((a, b) => a - b), elapsedMs, failed, deferred };
}

function line(name: string, { latencies, elapsedMs, failed, deferred }: BurstResult): string {
  const { median, p99 } = summarize(latencies);
  const max = latencies.at(-1) ?? NaN;
  const throughput = (latencies.length / elapsedMs) * 1000;
  return `${name.padEnd(14)} acknowledged ${latencies.length}/${BURST}  median ${median} ms  p99 ${p99} ms  max ${max} ms  ${throughput.toFixed(0)} interactions/s${deferred ? `  (${deferred} deferred)` : ''}${failed ? `  FAILED ${failed}` : ''}`;
}

const SHARD_ENTRY = fileURLToPath(new URL('../../src/adapters/discord/shard.ts', import.meta.url));

/** Runs both bursts against a fresh fake Discord and returns the report. */
export async function run(): Promise<string> {
  const fake = await FakeDiscord.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'discord-bench-'));
  const bot = spawn(process.execPath, ['--import', 'tsx', SHARD_ENTRY], {
    env: { PATH: process.env.PATH, DISCORD_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(bot, 'exit');
  const questions = new FactsBot().facts.flatMap((fact) => LANGS.flatMap((lang) => fact[lang].questions));
  const users = Array.from({ length: 50 }, (_, i) => fake.newUser(`user${i}`));
  try {
    await Promise.race([fake.ready(), exited.then(() => Promise.reject(new Error(`the bot exited: ${stderr}`)))]);
    // Warm-up: the first requests open HTTP connections, compile hot code and fill caches.
    for (let i = 0; i < 30; i++) await fake.slash('ask', { question: questions[i]! }).acknowledged;
    const ask = await burst((i) => fake.slash('ask', { question: questions[(i * 7) % questions.length]! }, { from: users[i % users.length]! }));
    const autocomplete = await burst((i) => {
      const question = questions[(i * 11) % questions.length]!;
      return fake.autocomplete('ask', 'question', question.slice(0, 3 + (i % 12)), { from: users[i % users.length]! });
    });
    return [
      `Discord burst: ${BURST} interactions each, dispatched at once over the gateway (fake Discord on 127.0.0.1; the bot in its own process with discord.js and SQLite)`,
      line('/ask', ask),
      line('autocomplete', autocomplete),
    ].join('\n');
  } finally {
    if (bot.exitCode === null) {
      bot.kill('SIGTERM');
      await exited;
    }
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await run());
