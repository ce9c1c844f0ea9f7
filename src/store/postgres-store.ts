import pg from 'pg';
import type { DeclinedQuestion, DeclinedSummary, EntryChange, EntryNamespace, Lang, PreferenceScope, Store } from '../core/index.ts';
import { isLang } from '../core/index.ts';
import { MAX_TEXT, normalizeQuestion, StoreVersionError } from './common.ts';

/**
 * Schema migrations, applied in order; the `silkroad_schema` table records how many have run. Append new steps,
 * never edit a released one. Times are milliseconds since the epoch, as in the SQLite store.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE languages (
     scope TEXT NOT NULL,
     id TEXT NOT NULL,
     lang TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (scope, id)
   );
   CREATE TABLE declined (
     id BIGSERIAL PRIMARY KEY,
     text TEXT NOT NULL,
     normalized TEXT NOT NULL,
     lang TEXT NOT NULL,
     platform TEXT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX declined_by_text ON declined (normalized, at);
   CREATE INDEX declined_by_time ON declined (at);
   CREATE TABLE entries (
     namespace TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (namespace, key)
   );`,
];

/** Any number: it only has to be the same in every replica, so that one of them migrates while the others wait. */
const MIGRATION_LOCK = 0x51_4b_52_44;

/** One entry's lock for the length of a transaction: updates of the same entry from several replicas take turns. */
const LOCK_ENTRY = 'SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(31) || $2, 0))';

const UPSERT_ENTRY = `INSERT INTO entries (namespace, key, value, expires_at, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at`;

const SELECT_ENTRY = 'SELECT value FROM entries WHERE namespace = $1 AND key = $2 AND expires_at > $3';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** The clock that expires entries (tests pass their own). */
  now?: () => number;
  /** Told about a connection the pool lost while it was idle (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

/**
 * The store for several replicas: one PostgreSQL database shared by every process, through a pool of
 * connections. Behaves exactly as the SQLite store (one contract test suite runs against both).
 */
export class PostgresStore implements Store {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number,
  ) {}

  /** Connects, migrates the schema (one replica at a time) and returns the store. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
    // Without a listener an idle connection dropped by the server would crash the process.
    pool.on('error', (error) => options.onIdleError?.(error));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, options.now ?? Date.now);
  }

  async getLanguage(scope: PreferenceScope, id: string): Promise<Lang | undefined> {
    const { rows } = await this.pool.query<{ lang: string }>('SELECT lang FROM languages WHERE scope = $1 AND id = $2', [scope, id]);
    const lang = rows[0]?.lang;
    return isLang(lang) ? lang : undefined;
  }

  async setLanguage(scope: PreferenceScope, id: string, lang: Lang): Promise<void> {
    await this.pool.query(
      `INSERT INTO languages (scope, id, lang, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope, id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
      [scope, id, lang, this.now()],
    );
  }

  async clearLanguage(scope: PreferenceScope, id: string): Promise<void> {
    await this.pool.query('DELETE FROM languages WHERE scope = $1 AND id = $2', [scope, id]);
  }

  async logDeclined({ text, lang, platform, at }: DeclinedQuestion): Promise<void> {
    const stored = text.trim().slice(0, MAX_TEXT);
    await this.pool.query('INSERT INTO declined (text, normalized, lang, platform, at) VALUES ($1, $2, $3, $4, $5)', [
      stored,
      normalizeQuestion(stored),
      lang,
      platform,
      at.getTime(),
    ]);
  }

  async topDeclined(limit: number): Promise<DeclinedSummary[]> {
    if (!(limit > 0)) return [];
    // Groups by normalized text; shows the latest wording and its language.
    const { rows } = await this.pool.query<{ text: string; lang: string; count: string; last_at: string }>(
      `SELECT latest.text AS text, latest.lang AS lang, grouped.count AS count, grouped.last_at AS last_at
       FROM (SELECT normalized, COUNT(*) AS count, MAX(at) AS last_at, MAX(id) AS last_id FROM declined GROUP BY normalized) AS grouped
       JOIN declined AS latest ON latest.id = grouped.last_id
       ORDER BY grouped.count DESC, grouped.last_at DESC
       LIMIT $1`,
      [Math.floor(limit)],
    );
    return rows.map((row) => ({ text: row.text, lang: isLang(row.lang) ? row.lang : 'en', count: Number(row.count), lastAt: new Date(Number(row.last_at)) }));
  }

  async getEntry(namespace: EntryNamespace, key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(SELECT_ENTRY, [namespace, key, this.now()]);
    return rows[0]?.value;
  }

  async putEntry(namespace: EntryNamespace, key: string, value: string, expiresAt: Date): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(LOCK_ENTRY, [namespace, key]);
      await client.query(UPSERT_ENTRY, [namespace, key, value, expiresAt.getTime(), this.now()]);
    });
  }

  async updateEntry<T>(namespace: EntryNamespace, key: string, change: (current: string | undefined) => EntryChange<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query(LOCK_ENTRY, [namespace, key]);
      const now = this.now();
      const { rows } = await client.query<{ value: string }>(SELECT_ENTRY, [namespace, key, now]);
      const { result, write } = change(rows[0]?.value);
      if (write) await client.query(UPSERT_ENTRY, [namespace, key, write.value, write.expiresAt.getTime(), now]);
      return result;
    });
  }

  async prune(before: Date): Promise<{ declined: number; entries: number }> {
    const declined = await this.pool.query('DELETE FROM declined WHERE at < $1', [before.getTime()]);
    const entries = await this.pool.query('DELETE FROM entries WHERE expires_at <= $1 OR updated_at < $2', [this.now(), before.getTime()]);
    return { declined: declined.rowCount ?? 0, entries: entries.rowCount ?? 0 };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Runs `work` in one transaction on one pooled connection: committed if it succeeds, rolled back if it throws. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function migrate(pool: pg.Pool): Promise<void> {
  return inTransaction(pool, async (client) => {
    // Replicas starting together: the first migrates, the others wait here and then find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS silkroad_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM silkroad_schema');
    const version = rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length) {
      throw new StoreVersionError(`the database has schema version ${version}; this version of the bot knows up to ${MIGRATIONS.length}`);
    }
    for (const step of MIGRATIONS.slice(version)) await client.query(step);
    if (rows.length === 0) await client.query('INSERT INTO silkroad_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE silkroad_schema SET version = $1', [MIGRATIONS.length]);
  });
}
