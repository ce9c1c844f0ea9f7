import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { ConfigError, readConfig } from '../config.ts';
import type { DeclinedSummary } from '../core/index.ts';
import { SqliteStore, STORE_FILE } from '../store/sqlite-store.ts';
import { runCli, UsageError } from './run.ts';

const USAGE = 'usage: npm run unanswered -- [--limit N]   (the most frequent questions the bot declined; DATA_DIR selects the store)';

/** The report: one row per question group, most frequent first. */
function formatUnanswered(rows: readonly DeclinedSummary[]): string {
  if (rows.length === 0) return 'No declined questions yet.';
  const countWidth = Math.max('count'.length, ...rows.map((r) => String(r.count).length));
  const header = `${'count'.padStart(countWidth)}  lang  last seen (UTC)   question`;
  const lines = rows.map((r) => {
    const when = r.lastAt.toISOString().slice(0, 16).replace('T', ' ');
    // Questions are user text: keep each on one line.
    return `${String(r.count).padStart(countWidth)}  ${r.lang.padEnd(4)}  ${when}  ${r.text.replace(/\s+/g, ' ')}`;
  });
  return [header, ...lines].join('\n');
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit must be a positive whole number\n${USAGE}`);
  return Number(value);
}

await runCli(async () => {
  let values: { limit?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { limit: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return console.log(USAGE);
  const limit = parseLimit(values.limit);
  dotenv.config({ quiet: true });
  let dataDir: string;
  try {
    dataDir = readConfig(process.env).dataDir;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`invalid configuration:\n${error.message}`);
    throw error;
  }
  // Reading a report must not create an empty database where there was none.
  if (!fs.existsSync(path.join(dataDir, STORE_FILE))) return console.log(`No declined questions yet (no store in ${dataDir}).`);
  const store = SqliteStore.open(dataDir);
  try {
    console.log(formatUnanswered(store.topDeclined(limit)));
  } finally {
    store.close();
  }
});
