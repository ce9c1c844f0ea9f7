import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/bot.ts';

// CI trusts the exit code of `npm test`. The PostgreSQL helper's package once ended every test run with code 0,
// failed tests included; a run with one failing test must end with 1.
describe('the test run', () => {
  it('GIVEN a failing test, with the PostgreSQL server of the project started for it THEN the run exits with code 1', () => {
    const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
    const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/fixtures/failing-run/vitest.config.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('fails on purpose');
    expect(run.status).toBe(1);
  }, 120_000);
});
