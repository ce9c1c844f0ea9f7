import { ConfigError, readConfig, secretsOf, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';

/** Errors an operator can fix (configuration, store, data, start-up) are one fatal line; anything else is a bug and logs its stack. */
const EXPECTED = new Set(['ConfigError', 'KnowledgeError', 'StartError', 'StoreOpenError', 'StoreVersionError']);

/**
 * The start of every long-running process (the bot, a Discord shard, the shard manager): reads the
 * configuration, creates the logger from it, and runs `main`. Any failure is logged (as JSON when not on a
 * terminal, like every other line, secrets scrubbed) and exits 1; a configuration problem is one line per
 * problem, naming the variable.
 */
export async function runProcess(main: (config: Config, log: Logger) => Promise<void>): Promise<void> {
  let config: Config | undefined;
  let log: Logger;
  try {
    config = readConfig();
    log = createLogger({ secrets: secretsOf(config), level: config.log.level, ...(config.log.format && { format: config.log.format }) });
  } catch (error) {
    // The configuration is wrong, so the logger gets what can be read of it.
    const format = process.env.LOG_FORMAT === 'json' || process.env.LOG_FORMAT === 'pretty' ? process.env.LOG_FORMAT : undefined;
    log = createLogger({ secrets: secretsOf(undefined), ...(format && { format }) });
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.message.split('\n')) log.fatal(`configuration: ${line}`);
    process.exitCode = 1;
    return;
  }
  try {
    await main(config, log);
  } catch (error) {
    const name = (error as Error | undefined)?.name ?? '';
    if (EXPECTED.has(name)) log.fatal((error as Error).message);
    else log.fatal('could not start', error);
    process.exitCode = 1;
  }
}
