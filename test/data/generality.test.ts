import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactsBot } from '../../src/core/index.ts';
import type { Lang } from '../../src/core/types.ts';
import { meetsExpectation, readEvalSet, type EvalQuestion } from '../../src/eval/eval-set.ts';
import { DATA_DIR } from '../helpers/bot.ts';

/*
 * A new source is a data edit and nothing else: a fixture source about universities the article never names
 * (its own entities, facts and questions written apart from the engine) joins a copy of data/, and the bot answers
 * questions about it as well as about the article, while what it answered before stays answered.
 */
const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'knowledge-extension');
const OWN_SET = join(import.meta.dirname, '..', 'eval', 'questions.jsonl');
const FIXTURE_SOURCE = 'fixture-universities-digest';

function accuracy(bot: FactsBot, questions: readonly EvalQuestion[]): { right: number; wrongIds: string[] } {
  const wrongIds = questions.filter((q) => {
    const result = bot.ask(q.q);
    return !meetsExpectation(q, result.answered, result.text);
  }).map((q) => q.id);
  return { right: (questions.length - wrongIds.length) / questions.length, wrongIds };
}

describe('a new source joins as data', () => {
  let dataDir: string;
  let extended: FactsBot;
  const questions = readEvalSet(join(FIXTURE_DIR, 'questions.jsonl'));

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'facts-extension-'));
    cpSync(DATA_DIR, dataDir, { recursive: true });
    for (const folder of ['sources', 'entities', 'facts']) {
      for (const file of readdirSync(join(FIXTURE_DIR, folder))) cpSync(join(FIXTURE_DIR, folder, file), join(dataDir, folder, `extension-${file}`));
    }
    extended = new FactsBot({ dataDir, random: () => 0 });
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN the fixture source THEN its questions are asked in all three languages, some to decline', () => {
    expect(new Set(questions.map((q) => q.lang))).toEqual(new Set(['en', 'ru', 'kk']));
    expect(questions.length).toBeGreaterThanOrEqual(30);
  });

  it('GIVEN questions about the new entities THEN at least 90% are answered right', () => {
    const { right, wrongIds } = accuracy(extended, questions);
    expect(right, `wrong: ${wrongIds.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('GIVEN an answer from the new source THEN it is a fact of that source and cites it in the reply language', () => {
    const source = JSON.parse(readFileSync(join(FIXTURE_DIR, 'sources', `${FIXTURE_SOURCE}.json`), 'utf8')) as { title: Record<Lang, string> };
    const replies = questions.filter((q) => q.expect !== null).map((q) => extended.ask(q.q)).filter((r) => r.answered);
    expect(replies.length).toBeGreaterThan(0);
    const cited = replies.filter((r) => extended.fact(r.fact!.id)?.sources.some((s) => s.source === FIXTURE_SOURCE) && r.sources[0]?.label.includes(source.title[r.lang]));
    expect(cited.length / replies.length).toBeGreaterThanOrEqual(0.9);
  });

  it('GIVEN the questions about the article THEN the new source moves their accuracy by one point at most', () => {
    const own = readEvalSet(OWN_SET);
    const before = accuracy(new FactsBot({ dataDir: DATA_DIR, random: () => 0 }), own).right;
    const after = accuracy(extended, own).right;
    expect(Math.abs(after - before)).toBeLessThanOrEqual(0.01);
  });
});
