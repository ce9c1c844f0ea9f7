import type { FactsBot } from '../core/facts-bot.ts';
import type { AskOptions, Lang, Source, Suggestion } from '../core/types.ts';

/** The stable JSON shape of `npm run ask -- --json`: one object per question. */
export interface AnswerRecord {
  question: string;
  lang: Lang;
  detectedLang: Lang;
  status: string;
  answered: boolean;
  factId: string | null;
  text: string;
  sources: Source[];
  related: string[];
  suggestions: Suggestion[];
}

/** Answers one question the way the CLI and the evaluation both do. */
export function answer(bot: FactsBot, question: string, options: AskOptions = {}): AnswerRecord {
  const result = bot.ask(question, options);
  return {
    question,
    lang: result.lang,
    detectedLang: result.detectedLang,
    status: result.status,
    answered: result.answered,
    factId: result.fact?.id ?? null,
    text: result.text,
    sources: result.sources,
    related: result.related.map((r) => r.id),
    suggestions: result.suggestions,
  };
}
