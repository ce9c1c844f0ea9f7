import { Dialogue } from '../core/conversation/dialogue.ts';
import { EMPTY_STATE, type ConversationState } from '../core/conversation/state.ts';
import type { FactsBot } from '../core/facts-bot.ts';
import type { AskOptions, AskResult, Lang, Source, Suggestion } from '../core/types.ts';

/** The stable JSON shape of `npm run ask -- --json`: one object per question. */
export interface AnswerRecord {
  question: string;
  lang: Lang;
  detectedLang: Lang;
  /** `answered`, `declined`, `smalltalk`, `list`, `timeline`, `compare`, `compound`, `clarify`, `empty`, `too-long`. */
  status: string;
  /** Whether the reply gives facts (a fact, a list, a timeline, a comparison, a compound answer). */
  answered: boolean;
  /** The main fact, or null. */
  factId: string | null;
  /** Every fact the reply gives. */
  factIds: string[];
  text: string;
  sources: Source[];
  related: string[];
  suggestions: Suggestion[];
}

function record(question: string, result: AskResult): AnswerRecord {
  return {
    question,
    lang: result.lang,
    detectedLang: result.detectedLang,
    status: result.status,
    answered: result.answered,
    factId: result.fact?.id ?? null,
    factIds: result.factIds,
    text: result.text,
    sources: result.sources,
    related: result.related.map((r) => r.id),
    suggestions: result.suggestions,
  };
}

/** Answers one question on its own, as the first message of a conversation: the way the CLI and the evaluation both do. */
export function answer(bot: FactsBot, question: string, options: AskOptions = {}): AnswerRecord {
  return record(question, new Dialogue(bot).turn(EMPTY_STATE, question, options).result);
}

/** One conversation, message by message, as the CLI's `--dialogue` and the evaluation of conversations read it. */
export class ConversationRun {
  private readonly dialogue: Dialogue;
  private state: ConversationState = EMPTY_STATE;

  constructor(bot: FactsBot) {
    this.dialogue = new Dialogue(bot);
  }

  /** Answers the next message against what came before. */
  answer(question: string, options: AskOptions = {}): AnswerRecord {
    const turn = this.dialogue.turn(this.state, question, options);
    this.state = turn.state;
    return record(question, turn.result);
  }

  /** Forgets the conversation: the next message starts a new one. */
  reset(): void {
    this.state = EMPTY_STATE;
  }
}
