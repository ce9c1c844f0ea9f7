import { LANGS, type Lang } from '../core/types.ts';
import { meetsExpectation, type EvalQuestion } from './eval-set.ts';

export interface Outcome {
  question: EvalQuestion;
  answered: boolean;
  lang: Lang;
  factId: string | null;
  text: string;
}

/** A share of questions answered right, and a share answered with the wrong fact (a decline is neither). */
export interface Rate {
  total: number;
  accuracy: number;
  wrong: number;
}

export interface Figures extends Rate {
  byLang: Record<Lang, Rate>;
  answerable: Rate;
  outOfScope: { total: number; declined: number };
  languageDetection: number;
  misses: Outcome[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Accuracy and the wrong-answer rate overall, per language and on answerable questions; out-of-scope declines and
 * language detection. A wrong answer is an answer that does not meet the expectation: the wrong fact, or any fact
 * for a question the source does not answer.
 */
export function figures(outcomes: readonly Outcome[]): Figures {
  const correct = (o: Outcome) => meetsExpectation(o.question, o.answered, o.text);
  const rate = (list: readonly Outcome[]): Rate => ({
    total: list.length,
    accuracy: share(list.filter(correct).length, list.length),
    wrong: list.length === 0 ? 0 : list.filter((o) => o.answered && !correct(o)).length / list.length,
  });
  const outOfScope = outcomes.filter((o) => o.question.expect === null);
  return {
    ...rate(outcomes),
    byLang: Object.fromEntries(LANGS.map((lang) => [lang, rate(outcomes.filter((o) => o.question.lang === lang))])) as Figures['byLang'],
    answerable: rate(outcomes.filter((o) => o.question.expect !== null)),
    outOfScope: { total: outOfScope.length, declined: share(outOfScope.filter((o) => !o.answered).length, outOfScope.length) },
    languageDetection: share(outcomes.filter((o) => o.lang === o.question.lang).length, outcomes.length),
    misses: outcomes.filter((o) => !correct(o)),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A side-by-side table of this project's figures and the baseline's (languages without questions left out). */
export function table(project: Figures, baseline: Figures): string {
  const rows: Array<[string, string, string]> = [
    [`overall (${project.total})`, pct(project.accuracy), pct(baseline.accuracy)],
    ...LANGS.filter((lang) => project.byLang[lang].total > 0).map((lang): [string, string, string] => [
      `  ${lang} (${project.byLang[lang].total})`,
      pct(project.byLang[lang].accuracy),
      pct(baseline.byLang[lang].accuracy),
    ]),
    [`wrong answers`, pct(project.wrong), pct(baseline.wrong)],
    ...LANGS.filter((lang) => project.byLang[lang].total > 0).map((lang): [string, string, string] => [
      `  ${lang}`,
      pct(project.byLang[lang].wrong),
      pct(baseline.byLang[lang].wrong),
    ]),
    [`answerable (${project.answerable.total})`, pct(project.answerable.accuracy), pct(baseline.answerable.accuracy)],
    [`out of scope declined (${project.outOfScope.total})`, pct(project.outOfScope.declined), pct(baseline.outOfScope.declined)],
    ['language detection', pct(project.languageDetection), pct(baseline.languageDetection)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [`${'measure'.padEnd(width)}  project  baseline`, ...rows.map(([a, b, c]) => `${a.padEnd(width)}  ${b.padStart(7)}  ${c.padStart(8)}`)].join('\n');
}
