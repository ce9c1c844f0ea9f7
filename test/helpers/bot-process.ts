import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './bot.ts';

/** One line the bot wrote, parsed from JSON (LOG_FORMAT=json). */
export type LogLine = { level: string; time: string; msg: string } & Record<string, unknown>;

export interface BotProcess {
  child: ChildProcess;
  /** Every line written to standard output and standard error, as written. */
  raw: string[];
  /** The lines that are JSON, parsed. */
  lines: LogLine[];
  /** Waits until a logged line satisfies `predicate`; fails after `timeoutMs` or when the process exits first. */
  waitFor(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code and how long after `since` (performance.now()) the process exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Runs the bot (`src/main.ts`, as `npm start` does) with `env` added to a clean environment and JSON logs. */
export function startBotProcess(env: Record<string, string>, script = 'src/main.ts'): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    // No .env file is read in tests: only what is given here.
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffered = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        raw.push(line);
        try {
          lines.push(JSON.parse(line) as LogLine);
        } catch {
          // Kept in `raw`: a test asserting every line is JSON sees it there.
        }
      }
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve({ code, signal, at: performance.now() });
      for (const listener of listeners) listener();
    }),
  );
  const waitFor = (predicate: (line: LogLine) => boolean, what: string, timeoutMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = lines.find(predicate);
        if (found) return done(() => resolve(found));
        if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`the bot exited before ${what}:\n${raw.join('\n')}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}:\n${raw.join('\n')}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });
  return { child, raw, lines, waitFor, exited };
}

/** Waits until the process's ops listener on `opsPort` says it is ready; fails when it exits or takes too long. */
export async function waitReady(opsPort: number, running: BotProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${opsPort}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (running.child.exitCode !== null || Date.now() > deadline) throw new Error(`the bot did not become ready:\n${running.raw.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
