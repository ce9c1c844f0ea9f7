import { inject } from 'vitest';
import { createDatabase } from './postgres-server.ts';

/**
 * A new, empty database on the PostgreSQL server the test run started (see postgres-server.ts), so that each
 * test file or test gets a store of its own. Returns its URL.
 */
export function freshDatabase(): Promise<string> {
  return createDatabase(inject('postgresUrl'));
}
