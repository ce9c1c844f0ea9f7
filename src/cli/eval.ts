import path from 'node:path';
import { parseArgs } from 'node:util';
import { FactsBot } from '../core/facts-bot.ts';
import { FuseBaseline } from '../eval/baseline.ts';
import { dialogueFigures, dialogueTable, type TurnOutcome } from '../eval/dialogue-report.ts';
import { isDialogueFile, readDialogueSet } from '../eval/dialogue-set.ts';
import { readEvalSet } from '../eval/eval-set.ts';
import { figures, table, type Figures, type Outcome } from '../eval/report.ts';
import { answer, ConversationRun, type AnswerRecord } from './answer.ts';
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

const USAGE = 'usage: npm run eval -- [FILE …]   (question sets, or conversation sets: one conversation per line)';

/** A conversation set: every turn answered in its conversation, and alone (the context-free baseline). */
function evalDialogues(bot: FactsBot, file: string): boolean {
  const conversations = readDialogueSet(path.resolve(file));
  const outcome = (conversation: string, turn: TurnOutcome['turn'], record: AnswerRecord): TurnOutcome => ({
    conversation,
    turn,
    reply: { answered: record.answered, smallTalk: record.status === 'smalltalk', text: record.text, lang: record.lang, factIds: record.factIds, status: record.status },
  });
  const run = new ConversationRun(bot);
  const project: TurnOutcome[] = [];
  const reference: TurnOutcome[] = [];
  for (const { id, turns } of conversations) {
    run.reset();
    for (const turn of turns) {
      project.push(outcome(id, turn, run.answer(turn.q)));
      reference.push(outcome(id, turn, answer(bot, turn.q)));
    }
  }
  const mine = dialogueFigures(project);
  console.log(`\n${file}: ${conversations.length} conversations\n${dialogueTable(mine, dialogueFigures(reference))}`);
  if (mine.misses.length) {
    console.log(`\nmisses (${mine.misses.length}):`);
    for (const miss of mine.misses) {
      const { expect } = miss.turn;
      const expected = expect === null ? 'decline' : expect === 'smalltalk' ? 'small talk' : expect.map((g) => g.join('|')).join(' & ');
      console.log(`  ${miss.conversation} ${miss.turn.kind} (${miss.turn.lang}) ${miss.turn.q}\n      expected: ${expected}; got: ${miss.reply.status} ${miss.reply.factIds.join(',')} [${miss.reply.lang}]`);
    }
  }
  return mine.accuracy >= DIALOGUE_BAR;
}

/** Conversations: CI fails below this share of turns right. */
const DIALOGUE_BAR = 0.9;

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
    if (isDialogueFile(path.resolve(file))) {
      if (!evalDialogues(bot, file)) failed = true;
      continue;
    }
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
