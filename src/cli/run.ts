import dotenv from 'dotenv';
import { ConfigError, readConfig, type Config } from '../config.ts';
import { KnowledgeError } from '../core/knowledge/load.ts';

/** Wrong command-line arguments. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Failures a user can fix: one line each, never a stack trace. */
const EXPECTED = new Set(['KnowledgeError', 'UsageError', 'StoreOpenError', 'ConfigError']);

/** The configuration (from the environment and `.env`) for a command-line tool; a problem is a usage error. */
export function readCliConfig(): Config {
  dotenv.config({ quiet: true });
  try {
    return readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`invalid configuration:\n${error.message}`);
    throw error;
  }
}

/** Runs a command-line entry point: expected failures print one clear line, never a stack trace. */
export async function runCli(main: () => Promise<unknown>): Promise<void> {
  // A reader that stops early (`npm run eval | head`) is no failure: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    await main();
  } catch (error) {
    // A malformed data file or bad arguments is the user's to fix: one line. Anything else is a bug: the stack.
    const expected = error instanceof KnowledgeError || EXPECTED.has((error as Error | undefined)?.name ?? '');
    console.error(expected ? `error: ${(error as Error).message}` : error);
    process.exitCode = 1;
  }
}
