import fs from 'node:fs';
import { z } from 'zod';
import { normalizeNumbers } from '../core/text/normalize.ts';
import { LANGS } from '../core/types.ts';

export const evalQuestionSchema = z.strictObject({
  id: z.string().min(1),
  lang: z.enum(LANGS),
  q: z.string(),
  /** Groups of alternatives: the reply must contain one alternative of every group; null: must decline. */
  expect: z.array(z.array(z.string().min(1)).min(1)).nullable(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Reads a JSON Lines evaluation set; a malformed line is reported with its number. */
export function readEvalSet(file: string): EvalQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${number}: not valid JSON`);
      }
      const result = evalQuestionSchema.safeParse(parsed);
      if (!result.success) throw new Error(`${file}:${number}: ${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`);
      return result.data;
    });
}

/** Case-folded, ё→е, thousands separators dropped, decimal comma read as a point. */
export function normalizeForMatch(text: string): string {
  return normalizeNumbers(text.toLowerCase().replaceAll('ё', 'е'));
}

/** Whether a reply meets a question's expectation. */
export function meetsExpectation(question: EvalQuestion, answered: boolean, text: string): boolean {
  if (question.expect === null) return !answered;
  if (!answered) return false;
  const reply = normalizeForMatch(text);
  return question.expect.every((group) => group.some((alternative) => reply.includes(normalizeForMatch(alternative))));
}
