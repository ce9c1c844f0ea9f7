import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { normalizeQuestion } from '../../src/store/common.ts';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { freshDatabase } from '../helpers/postgres.ts';
import { cleanupAfterEach } from '../helpers/cleanup.ts';

/** A clock the test moves by hand: entries expire by it. */
function clock(start = Date.UTC(2024, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

interface Subject {
  /** Opens a store on a new, empty database. */
  create(now: () => number): Promise<Store>;
  /** Opens a second store on the database `create` made last, as another process (a replica) would. */
  reopen(now: () => number): Promise<Store>;
}

const cleanup = cleanupAfterEach();

const sqlite = (): Subject => {
  let file = '';
  const open = async (now: () => number) => {
    const store = new SqliteStore(file, now);
    cleanup.push(() => store.close());
    return store;
  };
  return {
    create: (now) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-contract-'));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      file = path.join(dir, 'store.sqlite');
      return open(now);
    },
    reopen: open,
  };
};

const postgres = (): Subject => {
  let url = '';
  const open = async (now: () => number) => {
    const store = await PostgresStore.open(url, { now });
    cleanup.push(() => store.close());
    return store;
  };
  return {
    create: async (now) => {
      url = await freshDatabase();
      return open(now);
    },
    reopen: open,
  };
};

const at = (iso: string) => new Date(iso);

/** The behaviour every store must have, exactly: the SQLite store (one host) and the PostgreSQL store (replicas). */
describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
])('the %s store', (_name, subject) => {
  it('GIVEN a language choice THEN it is upserted per scope and id, and seen by another connection', async () => {
    const s = subject();
    const c = clock();
    const store = await s.create(c.now);
    expect(await store.getLanguage('telegram-chat', '42')).toBeUndefined();
    await store.setLanguage('telegram-chat', '42', 'ru');
    await store.setLanguage('telegram-chat', '42', 'kk');
    await store.setLanguage('discord-user', '42', 'en');
    const other = await s.reopen(c.now);
    expect(await other.getLanguage('telegram-chat', '42')).toBe('kk');
    expect(await other.getLanguage('discord-user', '42')).toBe('en');
    expect(await other.getLanguage('telegram-chat', '43')).toBeUndefined();
  });

  it('GIVEN a language choice cleared THEN it is gone for every connection, only for that scope and id; clearing none is no error', async () => {
    const s = subject();
    const c = clock();
    const store = await s.create(c.now);
    await store.setLanguage('telegram-chat', '42', 'ru');
    await store.setLanguage('discord-user', '42', 'kk');
    await store.setLanguage('telegram-chat', '43', 'en');
    const other = await s.reopen(c.now);
    await other.clearLanguage('telegram-chat', '42');
    expect(await store.getLanguage('telegram-chat', '42')).toBeUndefined();
    expect(await store.getLanguage('discord-user', '42')).toBe('kk');
    expect(await store.getLanguage('telegram-chat', '43')).toBe('en');
    await expect(store.clearLanguage('telegram-chat', '42')).resolves.toBeUndefined();
    await expect(store.clearLanguage('console', 'never-set')).resolves.toBeUndefined();
    await store.setLanguage('telegram-chat', '42', 'kk');
    expect(await other.getLanguage('telegram-chat', '42')).toBe('kk');
  });

  it('GIVEN declined questions THEN groups them by normalized text, most frequent first, with the latest wording', async () => {
    const store = await subject().create(Date.now);
    await store.logDeclined({ text: 'What is the weather?', lang: 'en', platform: 'telegram', at: at('2024-01-01T10:00:00Z') });
    await store.logDeclined({ text: '  what is the WEATHER  ', lang: 'en', platform: 'discord', at: at('2024-01-02T10:00:00Z') });
    await store.logDeclined({ text: 'Какая погода?', lang: 'ru', platform: 'telegram', at: at('2024-01-03T10:00:00Z') });
    await store.logDeclined({ text: 'Ауа райы қандай?', lang: 'kk', platform: 'telegram', at: at('2024-01-01T09:00:00Z') });
    const top = await store.topDeclined(10);
    expect(top[0]).toEqual({ text: 'what is the WEATHER', lang: 'en', count: 2, lastAt: at('2024-01-02T10:00:00Z') });
    // Equal counts: the most recent first.
    expect(top.slice(1).map((g) => g.text)).toEqual(['Какая погода?', 'Ауа райы қандай?']);
    expect(await store.topDeclined(1)).toHaveLength(1);
    expect(await store.topDeclined(0)).toEqual([]);
  });

  it('GIVEN a very long declined question THEN it is stored cut to 1000 characters', async () => {
    const store = await subject().create(Date.now);
    await store.logDeclined({ text: 'x'.repeat(5000), lang: 'en', platform: 'console', at: new Date() });
    expect((await store.topDeclined(1))[0]!.text).toHaveLength(1000);
    expect(normalizeQuestion('  Қазақстан  туралы!!! ')).toBe(normalizeQuestion('қазақстан туралы'));
  });

  it('GIVEN entries THEN they are read until they expire, and replaced by a put', async () => {
    const c = clock();
    const store = await subject().create(c.now);
    await store.putEntry('rate', 'u1', 'one', new Date(c.now() + 1000));
    expect(await store.getEntry('rate', 'u1')).toBe('one');
    expect(await store.getEntry('telegram-update', 'u1')).toBeUndefined();
    await store.putEntry('rate', 'u1', 'two', new Date(c.now() + 1000));
    expect(await store.getEntry('rate', 'u1')).toBe('two');
    c.advance(1000);
    expect(await store.getEntry('rate', 'u1')).toBeUndefined();
  });

  it('GIVEN an update of an entry THEN the change sees the current value (none once expired) and may leave it alone', async () => {
    const c = clock();
    const store = await subject().create(c.now);
    const seen: Array<string | undefined> = [];
    const bump = (current: string | undefined) => {
      seen.push(current);
      return { result: Number(current ?? 0) + 1, write: { value: String(Number(current ?? 0) + 1), expiresAt: new Date(c.now() + 500) } };
    };
    expect(await store.updateEntry('rate', 'k', bump)).toBe(1);
    expect(await store.updateEntry('rate', 'k', bump)).toBe(2);
    expect(await store.updateEntry('rate', 'k', (current) => ({ result: current }))).toBe('2');
    c.advance(500);
    expect(await store.updateEntry('rate', 'k', bump)).toBe(1);
    expect(seen).toEqual([undefined, '1', undefined]);
  });

  it('GIVEN a hundred concurrent updates of one entry from two connections THEN none is lost', async () => {
    const s = subject();
    const first = await s.create(Date.now);
    const second = await s.reopen(Date.now);
    const increment = (store: Store) =>
      store.updateEntry('rate', 'counter', (current) => {
        const next = Number(current ?? 0) + 1;
        return { result: next, write: { value: String(next), expiresAt: new Date(Date.now() + 60_000) } };
      });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => increment(i % 2 ? first : second)));
    expect(new Set(results).size).toBe(100);
    expect(await first.getEntry('rate', 'counter')).toBe('100');
  });

  it('GIVEN a change that throws THEN nothing is written and the error reaches the caller', async () => {
    const store = await subject().create(Date.now);
    await expect(
      store.updateEntry('rate', 'k', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store.getEntry('rate', 'k')).toBeUndefined();
  });

  it('GIVEN prune THEN declined questions before the date and entries expired or last written before it go', async () => {
    const c = clock(Date.parse('2024-06-01T00:00:00Z'));
    const store = await subject().create(c.now);
    await store.logDeclined({ text: 'old', lang: 'en', platform: 'telegram', at: at('2024-01-01T00:00:00Z') });
    await store.logDeclined({ text: 'new', lang: 'en', platform: 'telegram', at: at('2024-05-31T00:00:00Z') });
    await store.putEntry('rate', 'expired', 'x', new Date(c.now() - 1));
    await store.putEntry('rate', 'stale', 'x', new Date(c.now() + 365 * 86_400_000));
    c.advance(30 * 86_400_000);
    await store.putEntry('rate', 'fresh', 'x', new Date(c.now() + 1000));
    expect(await store.prune(at('2024-06-15T00:00:00Z'))).toEqual({ declined: 2, entries: 2 });
    expect((await store.topDeclined(10)).map((d) => d.text)).toEqual([]);
    expect(await store.getEntry('rate', 'fresh')).toBe('x');
    expect(await store.getEntry('rate', 'stale')).toBeUndefined();
  });

  it('GIVEN conversations THEN retention prunes them like any entry: once quiet past their expiry, or written before the date', async () => {
    const c = clock(Date.parse('2024-06-01T00:00:00Z'));
    const store = await subject().create(c.now);
    const thirtyMinutes = 30 * 60_000;
    await store.putEntry('conversation', 'telegram:1', '{"facts":[]}', new Date(c.now() + thirtyMinutes));
    await store.putEntry('conversation', 'discord:300:400', '{"facts":[]}', new Date(c.now() + 365 * 86_400_000));
    c.advance(thirtyMinutes);
    await store.putEntry('conversation', 'console:console', '{"facts":[]}', new Date(c.now() + thirtyMinutes));
    expect(await store.prune(new Date(c.now() - 1))).toEqual({ declined: 0, entries: 2 });
    expect(await store.getEntry('conversation', 'console:console')).toBe('{"facts":[]}');
    expect(await store.getEntry('conversation', 'telegram:1')).toBeUndefined();
    expect(await store.getEntry('conversation', 'discord:300:400')).toBeUndefined();
  });

  it('GIVEN ping and close THEN ping answers while open', async () => {
    const store = await subject().create(Date.now);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('the PostgreSQL store alone', () => {
  it('GIVEN five replicas opening a new database at once THEN one migrates and all work', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(url)));
    cleanup.push(() => Promise.all(stores.map((s) => s.close())).then(() => {}));
    await stores[0]!.setLanguage('console', 'x', 'kk');
    expect(await stores[4]!.getLanguage('console', 'x')).toBe('kk');
  });

  it('GIVEN a database from a newer version THEN refuses to open it', async () => {
    const url = await freshDatabase();
    await (await PostgresStore.open(url)).close();
    const client = new pg.Client(url);
    await client.connect();
    await client.query('UPDATE silkroad_schema SET version = 99');
    await client.end();
    await expect(PostgresStore.open(url)).rejects.toThrow(/schema version 99/);
  });
});
