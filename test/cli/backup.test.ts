import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore, STORE_FILE } from '../../src/store/sqlite-store.ts';
import { ROOT } from '../helpers/bot.ts';

const run = promisify(execFile);

/** Runs `npm run backup` (without npm) in a clean environment. */
async function backup(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-backup-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.concurrent('npm run backup', () => {
  it('GIVEN a SQLite store in use by the bot THEN a consistent copy that opens with the same data', async () => {
    const data = path.join(dir, 'data');
    const store = SqliteStore.open(data);
    await store.setLanguage('telegram-chat', '7', 'kk');
    await store.logDeclined({ text: 'Who won the cup?', lang: 'en', platform: 'telegram', at: new Date('2024-01-01T00:00:00Z') });
    const target = path.join(dir, 'copy.sqlite');
    // The store stays open, as it would in the running bot.
    const { code, stdout } = await backup([target], { DATA_DIR: data });
    await store.close();
    expect(code).toBe(0);
    expect(stdout).toContain(`Backed up ${path.join(data, STORE_FILE)} to ${target}`);
    const copy = new SqliteStore(target);
    expect(copy.integrityCheck()).toBe('ok');
    expect(await copy.getLanguage('telegram-chat', '7')).toBe('kk');
    expect((await copy.topDeclined(1))[0]!.text).toBe('Who won the cup?');
    await copy.close();
  });

  it('GIVEN DATABASE_URL THEN says to use pg_dump, and exits 1', async () => {
    const { code, stderr } = await backup([path.join(dir, 'x.dump')], { DATABASE_URL: 'postgres://bot:s3cret@db/bot' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: the store is PostgreSQL \(DATABASE_URL\): back it up with its own tool, e\.g\.\n {2}pg_dump --format=custom/);
    expect(stderr).not.toContain('s3cret');
  });

  it('GIVEN no store yet THEN says there is nothing to back up', async () => {
    const { code, stderr } = await backup([path.join(dir, 'y.sqlite')], { DATA_DIR: path.join(dir, 'empty') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: there is no store in .*empty yet/);
  });

  it('GIVEN no file THEN the usage', async () => {
    const { code, stderr } = await backup([], {});
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: name one backup file\nusage: npm run backup -- FILE/);
  });
});
