import type { FatalPlatformError } from '../../src/adapters/running.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { Metrics } from '../../src/ops/metrics.ts';

export interface TestDeps {
  log: Logger;
  metrics: Metrics;
  onFatal: (error: FatalPlatformError) => void;
  /** Every line logged, in the human-readable form (`<time> <LEVEL> <message>…`), already scrubbed. */
  logs: string[];
  /** Fatal errors the adapter reported. */
  fatal: FatalPlatformError[];
}

/** What an adapter is started with in tests: a logger that keeps its lines, fresh metrics, a recorder of fatal errors. */
export function testDeps(secrets: readonly string[] = []): TestDeps {
  const logs: string[] = [];
  const fatal: FatalPlatformError[] = [];
  return {
    log: createLogger({ secrets, format: 'pretty', level: 'debug', write: (line) => logs.push(line) }),
    // The process's default metrics are left out: every test bot would register its own collectors.
    metrics: new Metrics({ defaultMetrics: false }),
    onFatal: (error) => fatal.push(error),
    logs,
    fatal,
  };
}
