import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeclinedQuestion, DeclinedSummary, Lang, PreferenceScope, Store } from '../core/index.ts';
import { isLang } from '../core/index.ts';

/** The database file inside DATA_DIR. */
export const STORE_FILE = 'silkroad.sqlite';

/** Declined questions are stored up to this length; longer ones are declined as too long anyway. */
const MAX_TEXT = 1000;

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
];

/** A newer version of the bot created this database. */
export class StoreVersionError extends Error {
  override name = 'StoreVersionError';
}

/** The grouping key of a declined question: case, punctuation and spacing do not matter. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function prepareStatements(db: Database.Database) {
  return {
    getLanguage: db.prepare<[string, string], { lang: string }>('SELECT lang FROM languages WHERE scope = ? AND id = ?'),
    setLanguage: db.prepare<[string, string, string, number]>(
      `INSERT INTO languages (scope, id, lang, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
    ),
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

  constructor(readonly file: string) {
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

  getLanguage(scope: PreferenceScope, id: string): Lang | undefined {
    const row = this.statements.getLanguage.get(scope, id);
    return row && isLang(row.lang) ? row.lang : undefined;
  }

  setLanguage(scope: PreferenceScope, id: string, lang: Lang): void {
    this.statements.setLanguage.run(scope, id, lang, Date.now());
  }

  logDeclined({ text, lang, platform, at }: DeclinedQuestion): void {
    const stored = text.trim().slice(0, MAX_TEXT);
    this.statements.logDeclined.run(stored, normalizeQuestion(stored), lang, platform, at.getTime());
  }

  topDeclined(limit: number): DeclinedSummary[] {
    if (!(limit > 0)) return [];
    return this.statements.topDeclined.all(Math.floor(limit)).map((row) => ({
      text: row.text,
      lang: isLang(row.lang) ? row.lang : 'en',
      count: row.count,
      lastAt: new Date(row.lastAt),
    }));
  }

  /** Checks the database file; 'ok' when it is intact. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
