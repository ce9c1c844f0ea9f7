import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../adapters/discord/fake-discord.ts';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.ts';
import { say } from '../adapters/telegram/harness.ts';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import { freePort } from '../helpers/net.ts';
import { cleanupAfterEach } from '../helpers/cleanup.ts';

const cleanup = cleanupAfterEach();

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-ops-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function bot(env: Record<string, string>): BotProcess {
  const running = startBotProcess(env);
  cleanup.push(() => {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
  });
  return running;
}

const get = (port: number, route: string) => fetch(`http://127.0.0.1:${port}${route}`).then(async (r) => ({ status: r.status, body: await r.text() }));

/** SIGTERM, then how long the process took to exit and with what. */
async function terminate(running: BotProcess): Promise<{ code: number | null; ms: number }> {
  const sent = performance.now();
  running.child.kill('SIGTERM');
  const { code, at } = await running.exited;
  return { code, ms: at - sent };
}

/** What every line of every mode must be: JSON with level, time and msg, and no secret anywhere. */
function expectCleanLogs(running: BotProcess, secrets: string[]): void {
  expect(running.raw.length).toBeGreaterThan(0);
  for (const line of running.raw) expect(() => JSON.parse(line), line).not.toThrow();
  for (const line of running.lines) {
    expect(typeof line.level).toBe('string');
    expect(typeof line.time).toBe('string');
    expect(typeof line.msg).toBe('string');
  }
  for (const secret of secrets) expect(running.raw.join('\n')).not.toContain(secret);
}

describe('GIVEN OPS_PORT and LOG_FORMAT=json', () => {
  it('WHEN polling THEN /healthz, /readyz and /metrics answer, every line is JSON, and SIGTERM exits 0 promptly', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const ops = await freePort();
    const running = bot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, OPS_PORT: String(ops), DATA_DIR: tempDir() });
    await running.waitFor((l) => l.msg.startsWith('ops:'), 'the ops listener');
    expect(await get(ops, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect(await get(ops, '/readyz')).toEqual({ status: 200, body: 'ready\n' });
    await say(api, api.user('Ops', 'en'), 'how many confucius institutes in kazakhstan');
    const handled = await running.waitFor((l) => l.msg === 'message handled', 'the message log line');
    expect(handled).toMatchObject({ level: 'info', platform: 'telegram', outcome: 'answered', lang: 'en' });
    expect(handled).not.toHaveProperty('text');
    const metrics = await get(ops, '/metrics');
    expect(metrics.body).toContain('facts_bot_messages_total{platform="telegram",outcome="answered"} 1');
    expect(metrics.body).toContain('facts_bot_reply_seconds_bucket');
    expect(metrics.body).toContain('process_resident_memory_bytes');
    expect((await get(ops, '/nothing')).status).toBe(404);

    // Telegram's API fails: the bot is alive but not ready.
    api.inject('getUpdates', { status: 502 }, 50);
    api.sendText(api.user('Wake', 'en'), 'hi');
    await running.waitFor((l) => l.msg.startsWith('Telegram getUpdates failed'), 'a failed poll');
    expect(await get(ops, '/readyz')).toEqual({ status: 503, body: 'not ready: telegram\n' });
    expect((await get(ops, '/healthz')).status).toBe(200);

    const { code, ms } = await terminate(running);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expectCleanLogs(running, [api.token.split(':')[1]!]);
  });

  it('WHEN in webhook mode THEN ready once listening, the webhook and ops ports are separate, and SIGHUP reloads the facts', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const [ops, port] = [await freePort(), await freePort()];
    const running = bot({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
      PORT: String(port),
      OPS_PORT: String(ops),
      DATA_DIR: tempDir(),
    });
    await running.waitFor((l) => l.msg.startsWith('ops:'), 'the ops listener');
    expect(api.webhook?.url).toBe('https://bot.example.org/telegram');
    expect(await get(ops, '/readyz')).toEqual({ status: 200, body: 'ready\n' });
    expect((await get(port, '/healthz')).status).toBe(403);
    running.child.kill('SIGHUP');
    expect((await running.waitFor((l) => l.msg.startsWith('facts reloaded'), 'the reload')).msg).toMatch(/^facts reloaded \(SIGHUP\): \d+ facts$/);
    const { code, ms } = await terminate(running);
    expect({ code, fast: ms < 10_000 }).toEqual({ code: 0, fast: true });
    expectCleanLogs(running, [api.token.split(':')[1]!]);
  });

  it('WHEN running the Discord bot THEN ready once connected, with its metrics, and SIGTERM exits 0', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const ops = await freePort();
    const running = bot({ DISCORD_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, OPS_PORT: String(ops), DATA_DIR: tempDir() });
    await running.waitFor((l) => l.msg.startsWith('ops:'), 'the ops listener');
    expect(await get(ops, '/readyz')).toEqual({ status: 200, body: 'ready\n' });
    expect((await get(ops, '/metrics')).body).toContain('# TYPE facts_bot_messages_total counter');
    const { code, ms } = await terminate(running);
    expect({ code, fast: ms < 10_000 }).toEqual({ code: 0, fast: true });
    expectCleanLogs(running, [fake.token]);
  });

  it('WHEN the token is revoked while polling THEN one fatal line and exit 1, so a supervisor restarts the bot', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const running = bot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: tempDir() });
    await running.waitFor((l) => l.msg.includes('started (long polling)'), 'the start');
    api.revoke();
    api.sendText(api.user('Gone', 'en'), 'hi');
    const { code } = await running.exited;
    expect(code).toBe(1);
    const fatal = running.lines.filter((l) => l.level === 'fatal');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.msg).toMatch(/401.*TELEGRAM_BOT_TOKEN/);
    expectCleanLogs(running, [api.token.split(':')[1]!]);
  });

  it('WHEN OPS_PORT is taken THEN one fatal line naming it, the bots are stopped, and exit 1', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    cleanup.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const running = bot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, OPS_PORT: String(port), DATA_DIR: tempDir() });
    const { code } = await running.exited;
    expect(code).toBe(1);
    expect(running.lines.filter((l) => l.level === 'fatal').map((l) => l.msg)).toEqual([`OPS_PORT: cannot listen on port ${port} (EADDRINUSE)`]);
    expect(running.lines.some((l) => l.msg === 'Telegram bot stopped')).toBe(true);
  });
});
