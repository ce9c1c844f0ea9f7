import { LANGS, type Lang } from '../core/types.ts';
import { meetsTurn, TURN_KINDS, type DialogueTurn, type TurnKind, type TurnReply } from './dialogue-set.ts';

/** A turn of a conversation and the reply it got. */
export interface TurnOutcome {
  conversation: string;
  turn: DialogueTurn;
  reply: TurnReply & { lang: Lang; factIds: readonly string[]; status: string };
}

export interface TurnRate {
  total: number;
  accuracy: number;
  /** Answered with facts that miss the expectation (a decline is no wrong answer). */
  wrong: number;
}

export interface DialogueFigures extends TurnRate {
  byKind: Record<TurnKind, TurnRate>;
  byLang: Record<Lang, TurnRate>;
  /** Small-talk turns answered with a fact or a "couldn't find". */
  smallTalkMisses: number;
  misses: TurnOutcome[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Accuracy and wrong answers per kind of turn and per language. */
export function dialogueFigures(outcomes: readonly TurnOutcome[]): DialogueFigures {
  const correct = (o: TurnOutcome) => meetsTurn(o.turn, o.reply);
  const rate = (list: readonly TurnOutcome[]): TurnRate => ({
    total: list.length,
    accuracy: share(list.filter(correct).length, list.length),
    wrong: list.length === 0 ? 0 : list.filter((o) => o.reply.answered && !correct(o)).length / list.length,
  });
  return {
    ...rate(outcomes),
    byKind: Object.fromEntries(TURN_KINDS.map((kind) => [kind, rate(outcomes.filter((o) => o.turn.kind === kind))])) as DialogueFigures['byKind'],
    byLang: Object.fromEntries(LANGS.map((lang) => [lang, rate(outcomes.filter((o) => o.turn.lang === lang))])) as DialogueFigures['byLang'],
    smallTalkMisses: outcomes.filter((o) => o.turn.expect === 'smalltalk' && (o.reply.answered || o.reply.status === 'declined')).length,
    misses: outcomes.filter((o) => !correct(o)),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Conversation figures beside a context-free baseline measured on the same turns. */
export function dialogueTable(project: DialogueFigures, baseline: DialogueFigures): string {
  const row = (label: string, a: TurnRate, b: TurnRate): [string, string, string] => [`${label} (${a.total})`, pct(a.accuracy), pct(b.accuracy)];
  const rows: Array<[string, string, string]> = [
    row('turns', project, baseline),
    ...TURN_KINDS.filter((k) => project.byKind[k].total > 0).map((k) => row(`  ${k}`, project.byKind[k], baseline.byKind[k])),
    ...LANGS.filter((l) => project.byLang[l].total > 0).map((l) => row(`  ${l}`, project.byLang[l], baseline.byLang[l])),
    ['wrong answers', pct(project.wrong), pct(baseline.wrong)],
    ['small talk answered with a fact or a decline', String(project.smallTalkMisses), String(baseline.smallTalkMisses)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [`${'measure'.padEnd(width)}  project  no context`, ...rows.map(([a, b, c]) => `${a.padEnd(width)}  ${b.padStart(7)}  ${c.padStart(10)}`)].join('\n');
}
