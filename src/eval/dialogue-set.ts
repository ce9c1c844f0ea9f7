import fs from 'node:fs';
import { z } from 'zod';
import { LANGS } from '../core/types.ts';
import { meetsExpectation } from './eval-set.ts';

/** What a turn of a conversation tests. */
export const TURN_KINDS = [
  'question',
  'ellipsis',
  'pronoun',
  'more',
  'smalltalk',
  'list',
  'timeline',
  'compare',
  'compound',
  'oos',
  'topic-switch',
  'lang-switch',
] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

const turnSchema = z.strictObject({
  lang: z.enum(LANGS),
  kind: z.enum(TURN_KINDS),
  q: z.string(),
  /** Groups of alternatives the reply must contain (one of each group); null: must decline; "smalltalk": must answer in kind. */
  expect: z.union([z.array(z.array(z.string().min(1)).min(1)), z.null(), z.literal('smalltalk')]),
  /** A compound question one part of which the source does not answer. */
  partial: z.boolean().optional(),
});

export const dialogueSchema = z.strictObject({ id: z.string().min(1), turns: z.array(turnSchema).min(1) });
export type DialogueTurn = z.infer<typeof turnSchema>;
export type DialogueRecord = z.infer<typeof dialogueSchema>;

/** Whether a line of a JSON Lines file is a conversation (it has turns) rather than a single question. */
export function isDialogueFile(file: string): boolean {
  const first = fs.readFileSync(file, 'utf8').split('\n').find((line) => line.trim());
  return first !== undefined && /"turns"\s*:/.test(first);
}

/** Reads a JSON Lines set of conversations; a malformed line is reported with its number. */
export function readDialogueSet(file: string): DialogueRecord[] {
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
      const result = dialogueSchema.safeParse(parsed);
      if (!result.success) throw new Error(`${file}:${number}: ${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`);
      return result.data;
    });
}

/** How a reply to a turn came out, as the scoring needs it. */
export interface TurnReply {
  answered: boolean;
  smallTalk: boolean;
  text: string;
}

/** Whether a reply meets a turn's expectation. */
export function meetsTurn(turn: DialogueTurn, reply: TurnReply): boolean {
  if (turn.expect === 'smalltalk') return reply.smallTalk;
  if (reply.smallTalk) return false;
  return meetsExpectation({ id: '', lang: turn.lang, q: turn.q, expect: turn.expect }, reply.answered, reply.text);
}
