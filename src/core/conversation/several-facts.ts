import type { FactsBot } from '../facts-bot.ts';
import type { FactRecord } from '../knowledge/schema.ts';
import { isYear, words } from '../text/normalize.ts';
import type { AskResult, Button, Lang, Reply, Source } from '../types.ts';

/** English month names, folded: a number beside one is a day, not a figure. */
const MONTH = /^(januar|februar|mark|april|mai|june|juli|august|september|oktober|november|december)/;
/** How many lines a list or a timeline shows before it says how many more there are. */
const MAX_LINES = 12;

/** A figure a fact gives: a number that is neither a year nor a day of a month, and whether it is a share. */
export interface Figure {
  value: number;
  percent: boolean;
}

/** A fact's figures, read from its English answer (the three answers carry the same numbers). */
export function figuresOf(fact: FactRecord): Figure[] {
  const tokens = words(fact.en.answer);
  return tokens.flatMap((token, i) =>
    !/^\d/.test(token) || isYear(token) || MONTH.test(tokens[i - 1] ?? '') || MONTH.test(tokens[i + 1] ?? '')
      ? []
      : [{ value: Number(token), percent: tokens[i + 1] === '%' }],
  );
}

/** A fact's figure: the first it gives. */
export function figureOf(fact: FactRecord): Figure | null {
  return figuresOf(fact)[0] ?? null;
}

/** One side of a comparison: its label, the fact that answers it, and whether the message named it (else the conversation did). */
export interface ComparedSide {
  label: string;
  fact: FactRecord | undefined;
  named: boolean;
}

/**
 * What a timeline is of: a period of years (of things of one kind, or all), a kind of thing, one thing, or a topic
 * (none: the years on record).
 */
export type TimelineTarget =
  | { date: string }
  | { period: { from: number; to: number }; kind?: string }
  | { kind: string }
  | { entity: string }
  | { concepts: readonly string[] }
  | { facts: readonly string[]; kind?: string }
  | { topic: string | undefined };

/** Whether a fact declares that it tells of every one of the concepts (its `answers.of`). */
export const tellsOfAll = (fact: FactRecord, concepts: readonly string[]): boolean => concepts.every((c) => fact.answers.of.includes(c));

/** The first sentence of an answer: what a timeline or a list line needs to say. */
export function firstSentence(answer: string): string {
  // A letter alone before a full stop is an initial or a short form ("A. Ivanova", "L.N.", «2018 г.»), not an end.
  const match = /^.+?(?<!(?:^|[\s.])\p{L})[.!?](?=\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«"“(]|$)/su.exec(answer);
  return (match ? match[0] : answer).trim();
}

/**
 * The parts of an answer a reader can point at: its sentences, and within them the clauses semicolons set apart and
 * what a colon introduces (the lead keeps its colon: "The article uses 3 methods:").
 */
export function answerParts(answer: string): string[] {
  const parts: string[] = [];
  for (let rest = answer.trim(); rest; ) {
    const sentence = firstSentence(rest);
    parts.push(...sentence.split(/(?<=:)\s+|;\s+/));
    rest = rest.slice(sentence.length).trim();
  }
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** A date as precise as the source gives it, written in the language ("17 April 2017", «апрель 2017 г.», "2016"). */
export function formatDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  return dateFormat(lang, day !== undefined).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

// A formatter costs far more to make than to use: one per language, with days and without.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}${withDay ? ' day' : ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    const locale = lang === 'en' ? 'en-GB' : lang;
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC', ...(withDay && { day: 'numeric' }) });
    dateFormats.set(key, format);
  }
  return format;
}

// A header starts with the name of what it lists, which data writes as it reads inside a sentence ("concerts").
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Replies about several facts at once: lists, timelines, comparisons, questions asked two at a time. */
export class SeveralFacts {
  constructor(private readonly bot: FactsBot) {}

  /** A reply naming several facts, each line a fact, each fact a button; sources once each. */
  private reply(lang: Lang, lines: readonly string[], facts: readonly FactRecord[]): Reply {
    const sources = new Map<string, Source>();
    for (const fact of facts) for (const source of this.bot.compose.factSources(fact, lang)) sources.set(source.label, source);
    const buttons: Button[][] = facts.slice(0, MAX_LINES).map((fact) => [{ label: fact[lang].title, action: { type: 'fact', factId: fact.id, lang } }]);
    return { lang, body: lines.join('\n'), sources: [...sources.values()], buttons, ...(facts[0] && { fact: this.bot.compose.factRef(facts[0], lang) }) };
  }

  private lines(facts: readonly FactRecord[], line: (fact: FactRecord) => string, lang: Lang): string[] {
    const shown = facts.slice(0, MAX_LINES).map(line);
    if (facts.length > MAX_LINES) shown.push(this.bot.t(lang, 'conversation.andMore', { count: facts.length - MAX_LINES }));
    return shown;
  }

  /**
   * The dated facts of a period ("2018", "from 2017 to 2019", "after 2019"), of a kind of thing (every alliance),
   * of one thing or of a topic, in date order, each with what happened; with no target, the years the source dates
   * anything in.
   */
  timeline(target: TimelineTarget, lang: Lang, readLang: Lang): AskResult {
    const t = this.bot.t;
    const dated = this.bot.facts.filter((f) => f.dates.length > 0);
    const inPeriod = (date: string) =>
      'date' in target
        ? date.startsWith(target.date)
        : 'period' in target && Number(date.slice(0, 4)) >= target.period.from && Number(date.slice(0, 4)) <= target.period.to;
    const ofKind = (fact: FactRecord, kind: string) => this.bot.instancesOf(kind).some((id) => fact.answers.subjects.includes(id));
    const belongs = (fact: FactRecord): boolean => {
      if ('period' in target) return fact.dates.some(inPeriod) && (target.kind === undefined || ofKind(fact, target.kind));
      if ('date' in target) return fact.dates.some(inPeriod);
      // A fact of what was told is one about a thing told of, first: an organiser told beside two exhibitions does not
      // bring in its concerts.
      if ('facts' in target) return target.facts.some((id) => id === fact.id || this.bot.fact(id)?.answers.subjects.includes(fact.answers.subjects[0] ?? ''));
      if ('kind' in target) return ofKind(fact, target.kind);
      if ('entity' in target) return this.bot.isAbout(fact, target.entity);
      if ('concepts' in target) return tellsOfAll(fact, target.concepts);
      return target.topic !== undefined && fact.topic === target.topic;
    };
    if ('topic' in target && target.topic === undefined) {
      const years = new Map<string, number>();
      for (const fact of dated) for (const year of new Set(fact.dates.map((d) => d.slice(0, 4)))) years.set(year, (years.get(year) ?? 0) + 1);
      const list = [...years].sort(([a], [b]) => a.localeCompare(b)).map(([year, count]) => `• ${year} — ${t(lang, 'factCount', { count })}`);
      return this.bot.messageResult('clarify', lang, readLang, [t(lang, 'conversation.timelineYears'), ...list].join('\n'));
    }
    const dateOf = (fact: FactRecord) => [...fact.dates].sort().find((d) => !('period' in target || 'date' in target) || inPeriod(d)) ?? '';
    // One line per happening: facts that tell of the same dated thing (a concert and its audience) share it.
    const facts = dated.filter(belongs).sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
    const name = this.targetName(target, lang);
    if (facts.length === 0) return this.bot.messageResult('declined', lang, readLang, t(lang, 'conversation.timelineEmpty', { name }));
    const lines = [upperFirst(t(lang, 'conversation.timelineHeader', { name })), ...this.lines(facts, (f) => `• ${formatDate(dateOf(f), lang)} — ${firstSentence(f[lang].answer)}`, lang)];
    return this.bot.result('timeline', lang, readLang, this.reply(lang, lines, facts), [], facts.map((f) => f.id));
  }

  private targetName(target: TimelineTarget, lang: Lang): string {
    if ('date' in target) return formatDate(target.date, lang);
    if ('period' in target) {
      const { from, to } = target.period;
      const years = from === to ? String(from) : to >= 9999 ? `${from}–` : from <= 0 ? `–${to}` : `${from}–${to}`;
      return target.kind === undefined ? years : `${this.pluralName(target.kind, lang)}, ${years}`;
    }
    if ('facts' in target) return target.kind ? this.pluralName(target.kind, lang) : this.bot.t(lang, 'conversation.theseFacts');
    if ('kind' in target) return this.pluralName(target.kind, lang);
    if ('entity' in target) return this.bot.entities.displayName(target.entity, lang);
    if ('concepts' in target) return this.bot.t(lang, 'conversation.whatWasAsked');
    return target.topic ? this.bot.topicName(target.topic, lang) : '';
  }

  /** A class's name in the plural ("Confucius Institutes"), or its display name when the data gives none. */
  pluralName(kind: string, lang: Lang): string {
    return this.bot.entities.byId.get(kind)?.plural?.[lang] ?? this.bot.entities.displayName(kind, lang);
  }

  /**
   * A class's name after `count` ("3 concerts", «3 концерта», «3 концерт»), in the form the count's plural category
   * takes — or, with `category`, in that one: after "of the 5" Russian takes the genitive plural, its "many" form.
   */
  private countedName(kind: string, count: number, lang: Lang, category?: Intl.LDMLPluralRule): string {
    const forms = this.bot.entities.byId.get(kind)?.counted?.[lang];
    if (!forms) return this.pluralName(kind, lang);
    return forms[category ?? new Intl.PluralRules(lang).select(count)] ?? forms.other;
  }

  /**
   * The things of a kind the source names ("the Confucius Institutes"), each with the fact about it; when a fact
   * counts more of them than the source names, it says so ("the article names 1 of the 5"). With `beyondNamed`, the
   * reply to "which is the fifth?" past those it names: a decline that shows them.
   */
  list(kind: string, lang: Lang, readLang: Lang, { beyondNamed = false } = {}): AskResult {
    const t = this.bot.t;
    const { items, counting, total } = this.namedOf(kind);
    const some = total !== undefined && total > items.length;
    const ofTotal = { count: items.length, total: total ?? items.length, name: this.countedName(kind, total ?? items.length, lang, 'many') };
    const header = beyondNamed
      ? t(lang, 'conversation.onlyNamed', ofTotal)
      : some
        ? t(lang, 'conversation.listSome', ofTotal)
        : t(lang, 'conversation.listAll', { count: items.length, name: this.countedName(kind, items.length, lang) });
    const facts = [...(counting ? [counting] : []), ...items.map((i) => i.fact).filter((f) => f !== counting)];
    const lines = [header, ...this.lines(items.map((i) => i.fact), (f) => `• ${this.bot.entities.displayName(items.find((i) => i.fact === f)!.id, lang)}`, lang)];
    return this.bot.result(beyondNamed ? 'declined' : 'list', lang, readLang, this.reply(lang, lines, facts), [], facts.map((f) => f.id));
  }

  /** Whether the source names some, not all, of the things of a kind a fact counts ("5 Confucius Institutes", one named). */
  namesSome(kind: string): boolean {
    const { items, total } = this.namedOf(kind);
    return items.length > 0 && total !== undefined && total > items.length;
  }

  /** The things of a kind the source names, in the order a list shows them. */
  itemsOf(kind: string): string[] {
    return this.namedOf(kind).items.map((item) => item.id);
  }

  /** The fact about each thing of a kind the source names, in the order a list shows them. */
  itemFactsOf(kind: string): FactRecord[] {
    return this.namedOf(kind).items.map((item) => item.fact);
  }

  /** The things of a kind the source names, each with the fact about it, and the fact that counts them, if any. */
  private namedOf(kind: string): { items: Array<{ id: string; fact: FactRecord }>; counting?: FactRecord; total?: number } {
    // In the order they came about, as the source dates them: "the first of them" is then the first shown.
    // Dates are ISO ("2015", "2015-11-16"), so the earliest sorts first as text; a thing never dated goes last.
    const since = (id: string) => this.bot.facts.filter((f) => f.answers.subjects.includes(id)).flatMap((f) => f.dates).sort()[0] ?? '9999';
    const items = this.bot
      .instancesOf(kind)
      .flatMap((id) => {
        const fact = this.bot.facts.find((f) => f.answers.subjects.includes(id));
        return fact ? [{ id, fact, since: since(id) }] : [];
      })
      .sort((a, b) => a.since.localeCompare(b.since))
      .map(({ id, fact }) => ({ id, fact }));
    const counting = this.bot.facts.find((f) => f.answers.gives.includes('count') && f.answers.of.includes(kind));
    const total = counting && figureOf(counting)?.value;
    return { items, ...(counting && { counting }), ...(total !== undefined && { total }) };
  }

  /**
   * Two answers side by side, with the difference of their figures when both give one (unless `difference` is off:
   * not every figure of a fact is what was asked); or which side is missing.
   */
  comparison(lang: Lang, readLang: Lang, sides: ReadonlyArray<ComparedSide>, { difference = true } = {}): AskResult {
    const t = this.bot.t;
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const first = a.fact;
    // One fact for both sides tells nothing of the difference: the second side is then not in the source.
    const second = b.fact?.id === first?.id ? undefined : b.fact;
    if (!first && !second) return this.bot.messageResult('declined', lang, readLang, t(lang, 'conversation.compareNeither', { a: a.label, b: b.label }));
    const line = (label: string, fact: FactRecord | undefined) =>
      fact ? `• ${label}: ${fact[lang].answer}` : `• ${label}: ${t(lang, 'conversation.compareMissing', { label })}`;
    const lines = [line(a.label, first), line(b.label, second)];
    const x = first && figureOf(first);
    const y = second && figureOf(second);
    if (difference && x && y && x.percent === y.percent) {
      const change = y.value - x.value;
      lines.push(
        t(lang, x.percent ? 'conversation.differencePoints' : 'conversation.difference', {
          a: a.label,
          b: b.label,
          change: formatNumber(change, lang, true),
          percent: x.percent || x.value === 0 ? '' : formatNumber(Math.round((change / x.value) * 1000) / 10, lang, true),
        }),
      );
    }
    const facts = [first, second].filter((f): f is FactRecord => !!f);
    // With one side missing the reply says which, and gives the other: half a comparison, as a compound question
    // answered in part — unless all it gives is a side the message did not name ("and 2021?", after 2019 and 2020:
    // what was asked is missing).
    const told = (first && second) || (first && a.named) || (second && b.named);
    return this.bot.result(told ? 'compare' : 'declined', lang, readLang, this.reply(lang, lines, facts), [], facts.map((f) => f.id));
  }

  /** Two questions asked in one message, each answered by its fact or said not to be in the source; null when neither is. */
  combined(lang: Lang, readLang: Lang, parts: ReadonlyArray<FactRecord | undefined>, questions: readonly string[]): AskResult | null {
    // One fact may answer both parts ("when was it founded and who came"): it is told once.
    const facts = [...new Set(parts.filter((part): part is FactRecord => part !== undefined))];
    if (facts.length === 0) return null;
    const lines = parts.flatMap((part, i) => {
      if (!part) return [`• ${this.bot.t(lang, 'conversation.partUnknown', { question: questions[i] })}`];
      return parts.indexOf(part) < i ? [] : [`• ${part[lang].answer}`];
    });
    return this.bot.result('compound', lang, readLang, this.reply(lang, lines, facts), [], facts.map((f) => f.id));
  }
}

/** A number as the language writes it, signed when asked ("+3,000", «−3 000»). */
function formatNumber(value: number, lang: Lang, signed = false): string {
  const key = `${lang}${signed ? ' signed' : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { maximumFractionDigits: 2, ...(signed && { signDisplay: 'exceptZero' }) });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
