import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreVersionError } from '../../src/store/common.ts';
import { SqliteStore, STORE_FILE } from '../../src/store/sqlite-store.ts';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'store-writer.fixture.ts');

let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const total = async (store: SqliteStore) => (await store.topDeclined(1e9)).reduce((sum, group) => sum + group.count, 0);

/** Runs the writer fixture in a child process; `onLine` sees each committed write number. */
function writer(label: string, count: number, onLine?: (n: number, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, label, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let last = 0;
  let buffered = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      last = Number(line);
      onLine?.(last, child);
    }
  });
  return new Promise<{ last: number; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ last, code, signal, stderr })),
  );
}

describe('SqliteStore', () => {
  it('GIVEN a missing data dir THEN creates it and the database file, in WAL mode, at schema version 2', async () => {
    const nested = path.join(dir, 'a', 'b');
    const store = SqliteStore.open(nested);
    await store.close();
    expect(fs.existsSync(path.join(nested, STORE_FILE))).toBe(true);
    const db = new Database(path.join(nested, STORE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('GIVEN the schema THEN stores no user ids with declined questions', async () => {
    const store = SqliteStore.open(dir);
    await store.close();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    const columns = (db.pragma('table_info(declined)') as Array<{ name: string }>).map((c) => c.name);
    db.close();
    expect(columns.sort()).toEqual(['at', 'id', 'lang', 'normalized', 'platform', 'text']);
  });

  it('GIVEN a database from a newer version THEN refuses to open it', async () => {
    await SqliteStore.open(dir).close();
    const db = new Database(path.join(dir, STORE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStore.open(dir)).toThrow(StoreVersionError);
  });

  it('GIVEN two connections and three processes writing at once THEN every write is kept', async () => {
    const a = SqliteStore.open(dir);
    const b = SqliteStore.open(dir);
    const children = ['p1', 'p2', 'p3'].map((label) => writer(label, 150));
    for (let i = 0; i < 150; i++) {
      (i % 2 ? a : b).logDeclined({ text: `local question ${i}`, lang: 'en', platform: 'console', at: new Date() });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.all(children);
    expect(results.map((r) => ({ code: r.code, stderr: r.stderr }))).toEqual(Array(3).fill({ code: 0, stderr: '' }));
    expect(await total(a)).toBe(600);
    expect(await b.getLanguage('telegram-chat', 'p1')).toBe('en');
    await a.close();
    await b.close();
  });

  it('GIVEN a process killed with SIGKILL in the middle of writing THEN the database is intact and keeps every committed write', async () => {
    await SqliteStore.open(dir).close();
    const result = await writer('victim', 0, (n, child) => {
      if (n === 400) child.kill('SIGKILL');
    });
    expect({ signal: result.signal, stderr: result.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(result.last).toBeGreaterThanOrEqual(400);
    const store = SqliteStore.open(dir);
    expect(store.integrityCheck()).toBe('ok');
    expect(await total(store)).toBeGreaterThanOrEqual(result.last);
    expect(['en', 'ru', 'kk']).toContain(await store.getLanguage('telegram-chat', 'victim'));
    // And it still takes writes.
    await store.logDeclined({ text: 'after the crash', lang: 'en', platform: 'telegram', at: new Date() });
    expect((await store.topDeclined(1))[0]!.text).toBe('after the crash');
    await store.close();
  });
});
