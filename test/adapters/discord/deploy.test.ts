import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommands } from '../../../src/adapters/discord/commands.ts';
import { deployCommands, describeDeployError } from '../../../src/adapters/discord/deploy.ts';
import { ConfigError, readConfig } from '../../../src/config.ts';
import { COMMANDS } from '../../../src/core/index.ts';
import { FakeDiscord } from './fake-discord.ts';
import { factsBot } from './harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);

describe('npm run discord:deploy', () => {
  let fake: FakeDiscord;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    env = { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_ROOT: fake.apiRoot };
  });
  afterAll(() => fake.close());

  it('GIVEN no DISCORD_GUILD_ID THEN every command is registered globally with one bulk overwrite', async () => {
    const result = await deployCommands(readConfig(env), factsBot());
    expect(result).toEqual({ scope: 'global', names: COMMANDS.map((c) => c.name) });
    const puts = fake.callsTo(/^\/applications\/\d+\/commands$/, 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.status).toBe(200);
    expect(puts[0]!.body).toEqual(buildCommands(factsBot().t));
  });

  it('GIVEN the deploy runs again THEN nothing changes (idempotent)', async () => {
    const before = fake.commands.get('global')!.map(({ id, name }) => ({ id, name }));
    await deployCommands(readConfig(env), factsBot());
    expect(fake.commands.get('global')!.map(({ id, name }) => ({ id, name }))).toEqual(before);
  });

  it('GIVEN DISCORD_GUILD_ID THEN the commands go to that server only', async () => {
    const result = await deployCommands(readConfig({ ...env, DISCORD_GUILD_ID: fake.guildId }), factsBot());
    expect(result.scope).toEqual({ guildId: fake.guildId });
    expect(fake.callsTo(new RegExp(`^/applications/\\d+/guilds/${fake.guildId}/commands$`), 'PUT').map((c) => c.status)).toEqual([200]);
    expect(fake.commands.get(fake.guildId)!.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    // Install contexts are for global commands only.
    expect(fake.commands.get(fake.guildId)!.some((c) => 'contexts' in c)).toBe(false);
    expect(fake.commands.get('global')!.every((c) => c.contexts.length === 2)).toBe(true);
  });

  it('GIVEN a missing DISCORD_CLIENT_ID or DISCORD_TOKEN THEN one clear line, and no request', async () => {
    const calls = fake.calls.length;
    const noClient = await deployCommands(readConfig({ ...env, DISCORD_CLIENT_ID: '' }), factsBot()).catch((e: unknown) => e);
    expect(noClient).toBeInstanceOf(ConfigError);
    expect(describeDeployError(noClient, [fake.token])).toBe('error: DISCORD_CLIENT_ID: is required to register the slash commands (the application id)');
    const noToken = await deployCommands(readConfig({ DISCORD_CLIENT_ID: fake.applicationId }), factsBot()).catch((e: unknown) => e);
    expect(describeDeployError(noToken, [])).toBe('error: DISCORD_TOKEN: is required to register the slash commands');
    expect(fake.calls.length).toBe(calls);
  });

  it('GIVEN a token Discord refuses THEN one line naming the problem, without the token', async () => {
    const wrong = `${fake.token.slice(0, -4)}AAAA`;
    const error = await deployCommands(readConfig({ ...env, DISCORD_TOKEN: wrong }), factsBot()).catch((e: unknown) => e);
    const line = describeDeployError(error, [wrong]);
    expect(line).toMatch(/^error: Discord rejected the commands: 401 .*\(check DISCORD_TOKEN\)$/);
    expect(line).not.toContain(wrong);
  });

  describe('as a command', () => {
    let cwd: string;
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const script = path.join(ROOT, 'src/adapters/discord/deploy.ts');
    // A clean directory, so a developer's .env cannot leak into the test.
    beforeAll(() => {
      cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'discord-deploy-'));
    });
    afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

    it('GIVEN a valid environment THEN it registers the commands and says so in one line', async () => {
      const { stdout } = await run(tsx, [script], { cwd, env: { PATH: process.env.PATH, ...env, DISCORD_GUILD_ID: fake.guildId } });
      expect(stdout.trim()).toBe(`Registered ${COMMANDS.length} commands to server ${fake.guildId}: ${COMMANDS.map((c) => `/${c.name}`).join(' ')}`);
    });

    it('GIVEN a malformed environment THEN exit code 1 and one line per problem, never a stack trace or the token', async () => {
      const result = await run(tsx, [script], { cwd, env: { PATH: process.env.PATH, DISCORD_TOKEN: 'not a token', DISCORD_API_ROOT: 'ftp://x' } }).catch(
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect('code' in result && result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'error: DISCORD_TOKEN: does not look like a Discord bot token',
        'error: DISCORD_API_ROOT: must be an http(s) URL',
      ]);
    });
  });
});
