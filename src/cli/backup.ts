import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../store/open.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { readCliConfig, runCli, UsageError } from './run.ts';

const USAGE = 'usage: npm run backup -- FILE   (a consistent copy of the SQLite store in DATA_DIR, taken while the bot runs)';

await runCli(async () => {
  let positionals: string[];
  let help: boolean | undefined;
  try {
    ({ positionals, values: { help } } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (help) return console.log(USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`name one backup file\n${USAGE}`);
  const config = readCliConfig();
  if (config.store.kind === 'postgres') {
    // PostgreSQL's own tool takes a consistent snapshot while replicas keep writing; restore with pg_restore.
    throw new UsageError(`the store is PostgreSQL (DATABASE_URL): back it up with its own tool, e.g.\n  pg_dump --format=custom --file=${file} "$DATABASE_URL"`);
  }
  const store = await openStore(config.store, { mustExist: true });
  if (!(store instanceof SqliteStore)) throw new UsageError(`there is no store in ${config.store.dataDir} yet: nothing to back up`);
  try {
    await store.backup(file);
  } finally {
    await store.close();
  }
  console.log(`Backed up ${store.file} to ${path.resolve(file)}`);
});
