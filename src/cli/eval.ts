import path from 'node:path';
import { parseArgs } from 'node:util';
import { FactsBot } from '../core/facts-bot.ts';
import { FuseBaseline } from '../eval/baseline.ts';
import { readEvalSet } from '../eval/eval-set.ts';
import { figures, table, type Figures, type Outcome } from '../eval/report.ts';
import { answer } from './answer.ts';
import { runCli, UsageError } from './run.ts';

/** The quality bar: CI fails below it. */
export const BARS = { accuracy: 0.95, languageDetection: 0.97, outOfScopeDeclined: 0.9 };

const DEFAULT_SET = 'test/eval/questions.jsonl';

function failures(f: Figures): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const problems: string[] = [];
  if (f.accuracy < BARS.accuracy) problems.push(`accuracy ${pct(f.accuracy)} < ${pct(BARS.accuracy)}`);
  if (f.languageDetection < BARS.languageDetection) {
    problems.push(`language detection ${pct(f.languageDetection)} < ${pct(BARS.languageDetection)}`);
  }
  if (f.outOfScope.declined < BARS.outOfScopeDeclined) {
    problems.push(`out-of-scope declined ${pct(f.outOfScope.declined)} < ${pct(BARS.outOfScopeDeclined)}`);
  }
  return problems;
}

const USAGE = 'usage: npm run eval -- [FILE …]';

function parseArguments() {
  try {
    return parseArgs({ options: {}, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

await runCli(async () => {
  const { positionals: files } = parseArguments();
  const bot = new FactsBot();
  const baseline = new FuseBaseline(bot.facts);
  let failed = false;
  for (const file of files.length ? files : [DEFAULT_SET]) {
    const questions = readEvalSet(path.resolve(file));
    const project: Outcome[] = questions.map((question) => ({ ...answer(bot, question.q), question }));
    const reference: Outcome[] = questions.map((question) => ({ ...baseline.ask(question.q), question }));
    const mine = figures(project);
    console.log(`\n${file}: ${questions.length} questions\n${table(mine, figures(reference))}`);
    if (mine.misses.length) {
      console.log(`\nmisses (${mine.misses.length}):`);
      for (const miss of mine.misses) {
        const expected = miss.question.expect === null ? 'decline' : miss.question.expect.map((g) => g.join('|')).join(' & ');
        const got = miss.answered ? `${miss.factId} [${miss.lang}]` : `declined [${miss.lang}]`;
        console.log(`  ${miss.question.id} (${miss.question.lang}) ${miss.question.q}\n      expected: ${expected}; got: ${got}`);
      }
    }
    const problems = failures(mine);
    if (problems.length) {
      failed = true;
      console.log(`\nBELOW THE BAR: ${problems.join('; ')}`);
    }
  }
  if (failed) process.exitCode = 1;
});
