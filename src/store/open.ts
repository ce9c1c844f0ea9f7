import fs from 'node:fs';
import path from 'node:path';
import type { StoreConfig } from '../config.ts';
import type { Store } from '../core/index.ts';
import type { Logger } from '../log.ts';
import { StoreVersionError } from './common.ts';
import { SqliteStore, STORE_FILE } from './sqlite-store.ts';

/** The store cannot be opened: one line naming the variable to check (DATA_DIR or DATABASE_URL). */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export interface OpenOptions {
  /** Told about pooled database connections lost while idle. */
  log?: Logger;
  /** Do not create a SQLite store that does not exist yet (reports read from it): resolve undefined instead. */
  mustExist?: boolean;
}

/** A filesystem error as a phrase an operator can act on. */
function describeFsError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const uid = process.getuid?.();
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return `${target} is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `${target} cannot be written by this user${uid === undefined ? '' : ` (uid ${uid})`}: change its owner or permissions, or choose another folder`;
    case 'EROFS':
      return `${target} is on a read-only file system: choose a writable folder (a volume, in a container)`;
    default:
      return `${target} cannot be used (${code ?? (error as Error).message})`;
  }
}

/** Opens the SQLite store in `dataDir`, turning every way it can fail into one line about DATA_DIR. */
function openSqlite(dataDir: string, mustExist: boolean): SqliteStore | undefined {
  const file = path.join(dataDir, STORE_FILE);
  if (mustExist && !fs.existsSync(file)) return undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // As root every permission check passes; otherwise this finds a read-only folder before SQLite does.
    fs.accessSync(dataDir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    const target = (error as NodeJS.ErrnoException).path === file ? file : dataDir;
    throw new StoreOpenError(`DATA_DIR: ${describeFsError(error, target)}`);
  }
  try {
    return SqliteStore.open(dataDir);
  } catch (error) {
    if (error instanceof StoreVersionError) throw new StoreOpenError(`DATA_DIR: ${error.message}`);
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
      throw new StoreOpenError(`DATA_DIR: ${file} cannot be written by this user (${code}): it may belong to another user, or its folder is read-only`);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new StoreOpenError(`DATA_DIR: ${file} is not a usable SQLite database (${code})`);
    throw error;
  }
}

/** Where a database URL points, without its password. */
function describeUrl(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || 5432}${pathname}`;
  } catch {
    return 'the configured server';
  }
}

/** Opens the PostgreSQL store, turning every way it can fail into one line about DATABASE_URL. */
async function openPostgres(url: string, log: Logger | undefined): Promise<Store> {
  const { PostgresStore } = await import('./postgres-store.ts');
  try {
    return await PostgresStore.open(url, { onIdleError: (error) => log?.warn('database connection lost while idle; the pool replaces it', error) });
  } catch (error) {
    const e = error as Error & { code?: string };
    const what = e instanceof StoreVersionError ? e.message : `${e.code ? `${e.code} ` : ''}${e.message}`;
    throw new StoreOpenError(`DATABASE_URL: cannot use the database at ${describeUrl(url)}: ${what}`);
  }
}

/**
 * The one place that chooses the store from the configuration: PostgreSQL when DATABASE_URL is set (several
 * replicas share it), else SQLite in DATA_DIR. The bot, the Discord shards and the CLIs all open it here.
 */
export function openStore(config: StoreConfig, options: OpenOptions & { mustExist: true }): Promise<Store | undefined>;
export function openStore(config: StoreConfig, options?: OpenOptions & { mustExist?: false }): Promise<Store>;
export async function openStore(config: StoreConfig, options: OpenOptions = {}): Promise<Store | undefined> {
  return config.kind === 'postgres' ? openPostgres(config.url, options.log) : openSqlite(config.dataDir, options.mustExist === true);
}
