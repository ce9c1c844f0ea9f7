import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeclinedQuestion, DeclinedSummary, EntryChange, EntryNamespace, Lang, PreferenceScope, Store } from '../core/index.ts';
import { isLang } from '../core/index.ts';
import { MAX_TEXT, normalizeQuestion, StoreVersionError } from './common.ts';

/** The database file inside DATA_DIR. */
export const STORE_FILE = 'silkroad.sqlite';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new steps, never edit a released one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE languages (
     scope TEXT NOT NULL,
     id TEXT NOT NULL,
     lang TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (scope, id)
   ) WITHOUT ROWID;
   CREATE TABLE declined (
     id INTEGER PRIMARY KEY,
     text TEXT NOT NULL,
     normalized TEXT NOT NULL,
     lang TEXT NOT NULL,
     platform TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX declined_by_text ON declined (normalized, at);`,
  `CREATE TABLE entries (
     namespace TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (namespace, key)
   ) WITHOUT ROWID;
   CREATE INDEX declined_by_time ON declined (at);`,
];

function prepareStatements(db: Database.Database) {
  return {
    getLanguage: db.prepare<[string, string], { lang: string }>('SELECT lang FROM languages WHERE scope = ? AND id = ?'),
    setLanguage: db.prepare<[string, string, string, number]>(
      `INSERT INTO languages (scope, id, lang, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
    ),
    clearLanguage: db.prepare<[string, string]>('DELETE FROM languages WHERE scope = ? AND id = ?'),
    logDeclined: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO declined (text, normalized, lang, platform, at) VALUES (?, ?, ?, ?, ?)',
    ),
    // Groups by normalized text; shows the latest wording and its language.
    topDeclined: db.prepare<[number], { text: string; lang: string; count: number; lastAt: number }>(
      `SELECT latest.text AS text, latest.lang AS lang, grouped.count AS count, grouped.lastAt AS lastAt
       FROM (SELECT normalized, COUNT(*) AS count, MAX(at) AS lastAt, MAX(id) AS lastId FROM declined GROUP BY normalized) AS grouped
       JOIN declined AS latest ON latest.id = grouped.lastId
       ORDER BY grouped.count DESC, grouped.lastAt DESC
       LIMIT ?`,
    ),
    getEntry: db.prepare<[string, string, number], { value: string }>('SELECT value FROM entries WHERE namespace = ? AND key = ? AND expires_at > ?'),
    putEntry: db.prepare<[string, string, string, number, number]>(
      `INSERT INTO entries (namespace, key, value, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at`,
    ),
    pruneDeclined: db.prepare<[number]>('DELETE FROM declined WHERE at < ?'),
    pruneEntries: db.prepare<[number, number]>('DELETE FROM entries WHERE expires_at <= ? OR updated_at < ?'),
  };
}

/**
 * The default store: one SQLite file in WAL mode. Every write is its own transaction, and WAL with
 * `synchronous=NORMAL` keeps committed transactions when the process is killed (only a power loss can drop
 * the last few), so a crash mid-write never leaves a corrupt or half-written database.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;

  /** Opens (creating if needed) `<dataDir>/silkroad.sqlite`. */
  static open(dataDir: string): SqliteStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(path.join(dataDir, STORE_FILE));
  }

  /** `now` is the clock that expires entries (tests pass their own). */
  constructor(
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Another process (a second bot, `npm run unanswered`) may hold the write lock for a moment.
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = prepareStatements(this.db);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreVersionError(`${this.file} has schema version ${version}; this version of the bot knows up to ${MIGRATIONS.length}`);
    }
    for (let step = version; step < MIGRATIONS.length; step++) {
      // IMMEDIATE takes the write lock first, so two processes starting together do not both migrate.
      this.db.transaction(() => {
        const current = this.db.pragma('user_version', { simple: true }) as number;
        if (current !== step) return;
        this.db.exec(MIGRATIONS[step]!);
        this.db.pragma(`user_version = ${step + 1}`);
      }).immediate();
    }
  }

  async getLanguage(scope: PreferenceScope, id: string): Promise<Lang | undefined> {
    const row = this.statements.getLanguage.get(scope, id);
    return row && isLang(row.lang) ? row.lang : undefined;
  }

  async setLanguage(scope: PreferenceScope, id: string, lang: Lang): Promise<void> {
    this.statements.setLanguage.run(scope, id, lang, this.now());
  }

  async clearLanguage(scope: PreferenceScope, id: string): Promise<void> {
    this.statements.clearLanguage.run(scope, id);
  }

  async logDeclined({ text, lang, platform, at }: DeclinedQuestion): Promise<void> {
    const stored = text.trim().slice(0, MAX_TEXT);
    this.statements.logDeclined.run(stored, normalizeQuestion(stored), lang, platform, at.getTime());
  }

  async topDeclined(limit: number): Promise<DeclinedSummary[]> {
    if (!(limit > 0)) return [];
    return this.statements.topDeclined.all(Math.floor(limit)).map((row) => ({
      text: row.text,
      lang: isLang(row.lang) ? row.lang : 'en',
      count: row.count,
      lastAt: new Date(row.lastAt),
    }));
  }

  async getEntry(namespace: EntryNamespace, key: string): Promise<string | undefined> {
    return this.statements.getEntry.get(namespace, key, this.now())?.value;
  }

  async putEntry(namespace: EntryNamespace, key: string, value: string, expiresAt: Date): Promise<void> {
    this.statements.putEntry.run(namespace, key, value, expiresAt.getTime(), this.now());
  }

  async updateEntry<T>(namespace: EntryNamespace, key: string, change: (current: string | undefined) => EntryChange<T>): Promise<T> {
    // IMMEDIATE takes the write lock before reading: another process waits (busy_timeout) instead of interleaving.
    return this.db
      .transaction(() => {
        const now = this.now();
        const { result, write } = change(this.statements.getEntry.get(namespace, key, now)?.value);
        if (write) this.statements.putEntry.run(namespace, key, write.value, write.expiresAt.getTime(), now);
        return result;
      })
      .immediate();
  }

  async prune(before: Date): Promise<{ declined: number; entries: number }> {
    return this.db
      .transaction(() => ({
        declined: this.statements.pruneDeclined.run(before.getTime()).changes,
        entries: this.statements.pruneEntries.run(this.now(), before.getTime()).changes,
      }))
      .immediate();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Copies the database to `file` while the bot keeps running (SQLite's online backup). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /** Checks the database file; 'ok' when it is intact. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
