import { parseArgs } from 'node:util';
import type { DeclinedSummary } from '../core/index.ts';
import { openStore } from '../store/open.ts';
import { readCliConfig, runCli, UsageError } from './run.ts';

const USAGE =
  'usage: npm run unanswered -- [--limit N] [--json | --csv]   (the most frequent questions the bot declined; DATABASE_URL or DATA_DIR selects the store)';

/** The report: one row per question group, most frequent first. */
function formatTable(rows: readonly DeclinedSummary[]): string {
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

/** One JSON object per line: `count`, `lang`, `lastAt` (ISO), `text`. */
function formatJson(rows: readonly DeclinedSummary[]): string {
  return rows.map((r) => JSON.stringify({ count: r.count, lang: r.lang, lastAt: r.lastAt.toISOString(), text: r.text })).join('\n');
}

/** A field as RFC 4180 wants it: quoted when it holds a quote, a comma or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function formatCsv(rows: readonly DeclinedSummary[]): string {
  return ['count,lang,last_at,text', ...rows.map((r) => [String(r.count), r.lang, r.lastAt.toISOString(), r.text].map(csvField).join(','))].join('\r\n');
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit must be a positive whole number\n${USAGE}`);
  return Number(value);
}

await runCli(async () => {
  let values: { limit?: string; help?: boolean; json?: boolean; csv?: boolean };
  try {
    ({ values } = parseArgs({
      options: { limit: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, csv: { type: 'boolean' } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return console.log(USAGE);
  if (values.json && values.csv) throw new UsageError(`--json and --csv exclude each other\n${USAGE}`);
  const limit = parseLimit(values.limit);
  const config = readCliConfig();
  // Reading a report must not create an empty database where there was none.
  const store = await openStore(config.store, { mustExist: true });
  const rows = store ? await store.topDeclined(limit).finally(() => store.close()) : [];
  if (values.json) return rows.length > 0 && console.log(formatJson(rows));
  if (values.csv) return console.log(formatCsv(rows));
  console.log(store ? formatTable(rows) : `No declined questions yet (no store in ${config.store.kind === 'sqlite' ? config.store.dataDir : 'the database'}).`);
});
