import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { SqliteStore, STORE_FILE } from '../../src/store/sqlite-store.ts';
import { freshDatabase } from '../helpers/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** Runs `npm run unanswered` (without npm) in a clean environment. */
async function unanswered(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/unanswered.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-cli-'));
  const store = SqliteStore.open(dir);
  const log = (text: string, lang: 'en' | 'ru' | 'kk', iso: string) => store.logDeclined({ text, lang, platform: 'telegram', at: new Date(iso) });
  await log('Who won the 2022 World Cup?', 'en', '2024-03-01T12:00:00Z');
  await log('who won the 2022 world cup', 'en', '2024-03-02T08:30:00Z');
  await log('who won the 2022 World Cup?!', 'en', '2024-03-02T09:45:00Z');
  await log('Какая погода в Астане?', 'ru', '2024-03-01T10:00:00Z');
  await log('Ауа райы қандай?', 'kk', '2024-02-01T10:00:00Z');
  await store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.concurrent('npm run unanswered', () => {
  it('GIVEN declined questions THEN prints count, language, last seen and text, most frequent first', async () => {
    const { code, stdout } = await unanswered([], { DATA_DIR: dir });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/count\s+lang\s+last seen/);
    expect(lines[1]).toMatch(/^\s*3\s+en\s+2024-03-02 09:45\s+who won the 2022 World Cup\?!$/);
    expect(lines[2]).toMatch(/^\s*1\s+ru\s+2024-03-01 10:00\s+Какая погода в Астане\?$/);
    expect(lines).toHaveLength(4);
  });

  it('GIVEN --json THEN one object per line, most frequent first', async () => {
    const { code, stdout } = await unanswered(['--json'], { DATA_DIR: dir });
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(rows[0]).toEqual({ count: 3, lang: 'en', lastAt: '2024-03-02T09:45:00.000Z', text: 'who won the 2022 World Cup?!' });
    expect(rows).toHaveLength(3);
  });

  it('GIVEN --csv THEN a header and one quoted-as-needed row per question', async () => {
    const { code, stdout } = await unanswered(['--csv', '--limit', '2'], { DATA_DIR: dir });
    expect(code).toBe(0);
    expect(stdout.trim().split('\r\n')).toEqual(['count,lang,last_at,text', '3,en,2024-03-02T09:45:00.000Z,who won the 2022 World Cup?!', '1,ru,2024-03-01T10:00:00.000Z,Какая погода в Астане?']);
  });

  it('GIVEN DATABASE_URL THEN reads the PostgreSQL store', async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.open(url);
    await store.logDeclined({ text: 'Who painted the Mona Lisa, "really"?', lang: 'en', platform: 'discord', at: new Date('2024-04-01T00:00:00Z') });
    await store.close();
    const { code, stdout } = await unanswered(['--csv'], { DATABASE_URL: url });
    expect(code).toBe(0);
    expect(stdout.trim().split('\r\n')[1]).toBe('1,en,2024-04-01T00:00:00.000Z,"Who painted the Mona Lisa, ""really""?"');
  });

  it('GIVEN --limit 1 THEN prints only the top question', async () => {
    const { stdout } = await unanswered(['--limit', '1'], { DATA_DIR: dir });
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });

  it('GIVEN a bad --limit THEN one error line and exit code 1', async () => {
    const { code, stderr } = await unanswered(['--limit', 'ten'], { DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: --limit must be a positive whole number/);
  });

  it('GIVEN no store yet THEN says so without creating one', async () => {
    const empty = path.join(dir, 'nothing-here');
    const { code, stdout } = await unanswered([], { DATA_DIR: empty });
    expect(code).toBe(0);
    expect(stdout).toMatch(/No declined questions yet/);
    expect(fs.existsSync(path.join(empty, STORE_FILE))).toBe(false);
  });

  it('GIVEN a malformed token in the environment THEN reports it without printing it', async () => {
    const { code, stderr } = await unanswered([], { DATA_DIR: dir, TELEGRAM_BOT_TOKEN: 'not-a-token-SECRETVALUE' });
    expect(code).toBe(1);
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(stderr).not.toContain('SECRETVALUE');
  });
});
