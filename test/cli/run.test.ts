import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, UsageError } from '../../src/cli/run.ts';
import { KnowledgeError } from '../../src/core/index.ts';
import { DATA_DIR, ROOT } from '../helpers/bot.ts';
import { runTs, STACK_FRAME, type Finished } from '../helpers/spawn.ts';

describe('runCli (in process)', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
    vi.restoreAllMocks();
  });

  async function capture(main: () => Promise<unknown>): Promise<{ printed: unknown[][]; exitCode: typeof process.exitCode }> {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await runCli(main);
    const result = { printed: error.mock.calls, exitCode: process.exitCode };
    process.exitCode = exitCode;
    return result;
  }

  it('GIVEN a main that succeeds THEN prints nothing and leaves the exit code alone', async () => {
    const { printed, exitCode: code } = await capture(async () => 'done');
    expect(printed).toEqual([]);
    expect(code).toBe(exitCode);
  });

  it.each([
    ['KnowledgeError', new KnowledgeError('data/facts/x.json: fact "a": kk.answer: missing')],
    ['UsageError', new UsageError('--lang must be en, ru or kk')],
  ])('GIVEN a %s THEN prints one line "error: <message>" and exits 1', async (_name, thrown) => {
    const { printed, exitCode: code } = await capture(async () => {
      throw thrown;
    });
    expect(printed).toEqual([[`error: ${thrown.message}`]]);
    expect(code).toBe(1);
  });

  it('GIVEN an unexpected error THEN prints the error itself (a bug needs its stack) and exits 1', async () => {
    const bug = new TypeError('boom');
    const { printed, exitCode: code } = await capture(async () => {
      throw bug;
    });
    expect(printed).toEqual([[bug]]);
    expect(code).toBe(1);
  });
});

describe('runCli with a malformed knowledge base (a real process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-cli-'));
  let run: Finished;

  beforeAll(async () => {
    fs.cpSync(DATA_DIR, path.join(dir, 'data'), { recursive: true });
    fs.rmSync(path.join(dir, 'data', 'facts'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'data', 'facts'));
    const [fact] = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'facts', 'economy.json'), 'utf8')) as Array<{ id: string; kk: Record<string, unknown> }>;
    delete fact!.kk.answer;
    fs.writeFileSync(path.join(dir, 'data', 'facts', 'economy.json'), JSON.stringify([fact]));
    // .mts: the temp dir has no package.json saying "type": "module".
    const script = path.join(dir, 'start.mts');
    const url = (file: string) => pathToFileURL(path.join(ROOT, file)).href;
    fs.writeFileSync(
      script,
      [
        `import { runCli } from '${url('src/cli/run.ts')}';`,
        `import { FactsBot } from '${url('src/core/facts-bot.ts')}';`,
        `await runCli(async () => new FactsBot({ dataDir: process.argv[2] }));`,
      ].join('\n'),
    );
    run = await runTs([script, path.join(dir, 'data')]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a fact without kk.answer THEN exits 1 with one line naming the file, the fact and the field', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(path.join(dir, 'data', 'facts', 'economy.json'));
    expect(lines[0]).toMatch(/fact "[a-z0-9-]+": kk\.answer/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('runCli when the reader stops early (a real process)', () => {
  it('GIVEN `npm run ask | head -1` THEN exits 0 without an EPIPE stack', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // The first answer arrives, then the reader goes away while hundreds more are being written.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('how many confucius institutes in kazakhstan\n'.repeat(2000));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(code).toBe(0);
  });
});
