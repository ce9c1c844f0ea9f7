import { z } from 'zod';
import { LANGS, type Lang } from '../types.ts';

/** What a conversation remembers between messages, so that a follow-up can be read against it. */
export interface ConversationState {
  /** The last question, follow-ups resolved: what "and in 2020?" continues. */
  question?: string;
  /** The question before it: what "compare the two" weighs the last one against. */
  previous?: string;
  /** The language of the last reply. */
  lang?: Lang;
  /** Facts the last reply gave, the main one first. */
  facts: string[];
  /** Every fact told in full in this conversation (not as a line of a list or a timeline): "tell me more" never repeats one. */
  given: string[];
  /** The entities the last reply is about: what "it" and «он» point to. */
  subjects: string[];
  /** Facts the last reply offered (suggestions, related facts): what "the first one" or "2" picks. */
  offered: string[];
  /** The things the last ordinal picked among ("the first one"): what "and the second?" picks among. */
  items?: string[];
}

export const EMPTY_STATE: ConversationState = { facts: [], given: [], subjects: [], offered: [] };

/** A conversation forgets what it held after this much quiet, by default. */
export const DEFAULT_CONVERSATION_TTL_MS = 30 * 60 * 1000;

/** How many given facts a conversation keeps in mind: enough for "more", bounded for the store. */
const MAX_GIVEN = 50;

const stateSchema = z.object({
  question: z.string().optional(),
  previous: z.string().optional(),
  lang: z.enum(LANGS).optional(),
  facts: z.array(z.string()),
  given: z.array(z.string()),
  subjects: z.array(z.string()),
  offered: z.array(z.string()),
  items: z.array(z.string()).optional(),
});

/** The state as stored: JSON, with the given facts bounded. */
export function serializeState(state: ConversationState): string {
  return JSON.stringify({ ...state, given: state.given.slice(-MAX_GIVEN) });
}

/** A stored state read back; anything unreadable (an older format, a damaged row) is a fresh conversation. */
export function parseState(json: string | undefined): ConversationState {
  if (!json) return EMPTY_STATE;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_STATE;
  } catch {
    return EMPTY_STATE;
  }
}
