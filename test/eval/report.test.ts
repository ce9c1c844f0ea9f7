import { describe, expect, it } from 'vitest';
import { FuseBaseline } from '../../src/eval/baseline.ts';
import type { EvalQuestion } from '../../src/eval/eval-set.ts';
import { figures, table, type Outcome } from '../../src/eval/report.ts';
import type { Lang } from '../../src/core/index.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { DATA_DIR } from '../helpers/bot.ts';

let n = 0;
function outcome(lang: Lang, expect: EvalQuestion['expect'], answered: boolean, text: string, replyLang: Lang = lang): Outcome {
  return { question: { id: `q${++n}`, lang, q: 'question', expect }, answered, lang: replyLang, factId: answered ? 'some-fact' : null, text };
}

const OUTCOMES: Outcome[] = [
  outcome('en', [['5']], true, 'There are 5 institutes'), // right
  outcome('en', [['2014']], true, 'It was in 2013'), // wrong fact
  outcome('ru', [['108']], true, 'подписано 108 документов'), // right
  outcome('ru', null, false, 'не знаю'), // declined, as it should
  outcome('kk', null, true, 'бір факт'), // answered out of scope
  outcome('kk', [['2017']], true, '2017 жылы', 'ru'), // right text, wrong language
];

describe('figures', () => {
  const f = figures(OUTCOMES);

  it('GIVEN outcomes THEN overall and per-language accuracy count the met expectations', () => {
    expect(f.total).toBe(6);
    expect(f.accuracy).toBeCloseTo(4 / 6);
    expect(f.byLang).toEqual({
      en: { total: 2, accuracy: 0.5, wrong: 0.5 },
      ru: { total: 2, accuracy: 1, wrong: 0 },
      kk: { total: 2, accuracy: 0.5, wrong: 0.5 },
    });
  });

  it('GIVEN outcomes THEN the wrong-answer rate counts answers that miss, not declines', () => {
    // The wrong fact (en) and a fact for an out-of-scope question (kk); the right text in the wrong language is no
    // miss of the expectation.
    expect(f.wrong).toBeCloseTo(2 / 6);
    const declinedOnly = figures([outcome('en', [['5']], false, 'I do not know')]);
    expect(declinedOnly).toMatchObject({ accuracy: 0, wrong: 0 });
  });

  it('GIVEN outcomes THEN answerable accuracy, out-of-scope declines and language detection are apart', () => {
    expect(f.answerable).toEqual({ total: 4, accuracy: 0.75, wrong: 0.25 });
    expect(f.outOfScope).toEqual({ total: 2, declined: 0.5 });
    expect(f.languageDetection).toBeCloseTo(5 / 6);
  });

  it('GIVEN outcomes THEN misses are the outcomes that did not meet their expectation', () => {
    expect(f.misses).toEqual([OUTCOMES[1], OUTCOMES[4]]);
  });

  it('GIVEN no outcomes THEN every share is 1, not NaN', () => {
    const empty = figures([]);
    expect(empty.accuracy).toBe(1);
    expect(empty.outOfScope.declined).toBe(1);
    expect(empty.languageDetection).toBe(1);
  });
});

describe('table', () => {
  it('GIVEN project and baseline figures THEN one row per measure with both columns', () => {
    const baseline = figures(OUTCOMES.map((o) => ({ ...o, answered: true, text: '' })));
    const lines = table(figures(OUTCOMES), baseline).split('\n');
    expect(lines[0]).toMatch(/measure\s+project\s+baseline/);
    expect(lines).toHaveLength(1 + 1 + 3 + 1 + 3 + 3);
    expect(lines[1]).toMatch(/^overall \(6\)\s+66\.7%\s+0\.0%$/);
    for (const lang of ['en', 'ru', 'kk']) expect(lines.some((l) => l.trim().startsWith(`${lang} (2)`))).toBe(true);
    expect(lines[5]).toMatch(/^wrong answers\s+33\.3%\s+100\.0%$/);
  });

  it('GIVEN a set in one language THEN the other languages get no rows', () => {
    const english = OUTCOMES.filter((o) => o.question.lang === 'en');
    const lines = table(figures(english), figures(english));
    expect(lines).not.toMatch(/\b(ru|kk)\b/);
  });
});

describe('FuseBaseline', () => {
  const { facts } = loadKnowledge(DATA_DIR);
  const baseline = new FuseBaseline(facts);

  it('GIVEN a question THEN answers with a fact of the base, in the language of the text it matched', () => {
    const result = baseline.ask('Confucius Institutes Kazakhstan');
    expect(result.answered).toBe(true);
    const fact = facts.find((f) => f.id === result.factId);
    expect(fact).toBeDefined();
    expect(result.text).toBe(fact![result.lang].answer);
  });

  it('GIVEN nothing fuse.js can match THEN declines', () => {
    expect(baseline.ask('zzzzzzzzzzzzzzzz')).toEqual({ answered: false, lang: 'en', factId: null, text: '' });
  });
});
