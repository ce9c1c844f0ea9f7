import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreOpenError } from '../../src/store/open.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { ROOT } from '../helpers/bot.ts';
import { STACK_FRAME } from '../helpers/spawn.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-open-'));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** `nobody`, when the tests run as root: root passes every permission check, so another user must try. */
const asOtherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Starts the bot as `npm start` would with a token, so that it opens the store, and returns what it printed. */
function startBot(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        // Never reached: the store is opened first.
        TELEGRAM_BOT_TOKEN: '123456789:AAFakeTokenForTestsOnly_abcdefghijklmn',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        LOG_FORMAT: 'pretty',
        ...env,
      },
      ...asOtherUser,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('openStore with SQLite', () => {
  it('GIVEN DATA_DIR naming a file THEN one line naming DATA_DIR', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    await expect(openStore({ kind: 'sqlite', dataDir: file })).rejects.toThrow(new StoreOpenError(`DATA_DIR: ${file} is a file, not a folder`));
  });

  it('GIVEN a file that is no database THEN one line naming DATA_DIR', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'silkroad.sqlite'), 'this is not SQLite, but long enough to have a header...'.repeat(20));
    await expect(openStore({ kind: 'sqlite', dataDir: dir })).rejects.toThrow(/^DATA_DIR: .*silkroad\.sqlite is not a usable SQLite database/);
  });

  it('GIVEN mustExist and no store yet THEN undefined, and nothing is created', async () => {
    const dir = path.join(tempDir(), 'nothing');
    expect(await openStore({ kind: 'sqlite', dataDir: dir }, { mustExist: true })).toBeUndefined();
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('openStore with PostgreSQL', () => {
  it('GIVEN a server that does not answer THEN one line naming DATABASE_URL and where it points, never the password', async () => {
    const error = await openStore({ kind: 'postgres', url: 'postgres://bot:s3cret-pass@127.0.0.1:9/bot' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(/^DATABASE_URL: cannot use the database at 127\.0\.0\.1:9\/bot: ECONNREFUSED/);
    expect((error as Error).message).not.toContain('s3cret-pass');
  });
});

describe('the bot with an unusable DATA_DIR (a real process)', () => {
  it('GIVEN a read-only folder THEN exits 1 with one line naming DATA_DIR, no stack trace', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    const { code, stderr, stdout } = await startBot({ DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`FATAL DATA_DIR: ${dir} cannot be written by this user`));
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('GIVEN a database file owned by another user THEN exits 1 with one line naming DATA_DIR and the file', async () => {
    const dir = tempDir();
    await new SqliteStore(path.join(dir, 'silkroad.sqlite')).close();
    fs.chmodSync(path.join(dir, 'silkroad.sqlite'), 0o600);
    // The folder is writable by everyone; the file is not.
    fs.chmodSync(dir, 0o777);
    if (!('uid' in asOtherUser)) fs.chmodSync(path.join(dir, 'silkroad.sqlite'), 0o400);
    const { code, stderr } = await startBot({ DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/FATAL DATA_DIR: .*silkroad\.sqlite cannot be written by this user/)]);
  });
});
