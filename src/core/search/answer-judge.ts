import type { Lexicon } from '../text/lexicon.ts';
import { stem } from '../text/stem.ts';
import type { EntityCatalog, EntityMention } from './entities.ts';
import type { FactProfile, FactProfiles } from './fact-profile.ts';
import type { ScoredFact, SearchResult } from './fact-index.ts';
import { ownersDiffer } from './owners.ts';
import type { Question } from './question.ts';
import type { Tuning } from './tuning.ts';

/** Why a fact does not answer a question; the evaluation counts them to show which check declines what. */
export type Mismatch =
  | 'numbers'
  | 'no-subject-words'
  | 'asks'
  | 'attribute'
  | 'event'
  | 'count-target'
  | 'which-target'
  | 'foreign-entity'
  | 'subject'
  | 'place'
  | 'count-place'
  | 'future'
  | 'planned'
  | 'list'
  | 'past'
  | 'others'
  | 'ordinal'
  | 'superlative'
  | 'owner'
  | 'unknown-subject'
  | 'place-kind'
  | 'coverage';

/**
 * Decides whether a ranked fact really answers a question, by comparing what the question asks (read with the
 * lexicon and the entity catalogue) with what the fact declares it answers. A decline beats a wrong fact.
 */
export class AnswerJudge {
  constructor(
    private readonly profiles: FactProfiles,
    private readonly catalog: EntityCatalog,
    private readonly lexicon: Lexicon,
    private readonly tuning: Tuning,
  ) {}

  /**
   * The best-ranked fact among the close candidates that answers the question, or null to decline. A fact about
   * what the question names, or set where it puts what it asks about, may answer from further down ("since when has
   * Ostrovets State University worked" ranks a fact about another university's founding first).
   */
  choose(question: Question, search: SearchResult): ScoredFact | null {
    const top = search.ranked[0];
    if (!top) return null;
    const { maxCandidates, candidateScoreShare, namedCandidateScoreShare } = this.tuning;
    // How many things the question names for a candidate fact (the setting aside), when the fact is about one of
    // them; 0 when it is about none. Worked out once: candidates are picked by it, then ranked by it.
    const namedAbout = new Map<ScoredFact, number>();
    const aboutNamed = (candidate: ScoredFact, most: number) => {
      let count = namedAbout.get(candidate);
      if (count === undefined) {
        const fact = this.profiles.get(candidate.fact);
        const named = this.namedEntities(question, fact.setting);
        count = fact.subjects.some((s) => named.some((e) => this.identifies(question, e, s))) ? named.length : 0;
        namedAbout.set(candidate, count);
      }
      return count > 0 && count <= most;
    };
    const setIn = (candidate: ScoredFact) => this.setIn(question, candidate);
    const candidates = search.ranked.filter(
      (c, i) =>
        (i < maxCandidates && c.score >= top.score * candidateScoreShare) ||
        (c.score >= top.score * namedCandidateScoreShare && (aboutNamed(c, Infinity) || setIn(c))),
    );
    const mismatches = new Map(candidates.map((candidate) => [candidate, this.mismatch(question, candidate)]));
    const answering = candidates.filter((candidate) => mismatches.get(candidate) === null);
    // A fact about the one thing a question names beats one that only mentions it ("what does the article say about
    // the epidemic": what the epidemic did, not a visit made after it). Of two things named, a fact about one is
    // half an answer. Among those, and failing them, a fact set where the question puts what it asks about ("when did
    // the centre in Marlinsk open") beats one that names that place beside another ("the first, before Marlinsk's").
    const about = answering.filter((candidate) => aboutNamed(candidate, 1));
    const chosen = about.find(setIn) ?? about[0] ?? answering.find(setIn) ?? answering[0] ?? null;
    // "Have the centres opened yet?": when a fact that tells of them as planned ranks above the one chosen, the
    // question is about the plan, and the fact below it that happens to answer is about something else.
    const planAbove = chosen !== null && candidates.some((c) => c.score > chosen.score && mismatches.get(c) === 'planned');
    return planAbove ? null : chosen;
  }

  /** Whether what the fact is about lies in every place (beyond its sources' setting) the question puts things in. */
  private setIn(question: Question, candidate: ScoredFact): boolean {
    // A comparison is about two things, wherever each one lies.
    if (question.places.size === 0 || question.compares) return false;
    const fact = this.profiles.get(candidate.fact);
    const places = [...question.places.keys()].filter((place) => !fact.setting.has(place));
    return places.length > 0 && places.every((place) => fact.subjects.some((s) => this.catalog.closure(s).has(place)));
  }

  /**
   * What a question names that a fact must be about: its entities but the setting's, and but the places it asks
   * "in" (those qualify it: a place named otherwise may be what it asks about, "when was the park laid out").
   */
  private namedEntities(question: Question, setting: ReadonlySet<string>): EntityMention[] {
    return question.entities.filter((e) => !setting.has(e.id) && !(e.kind === 'place' && question.places.has(e.id)));
  }

  /** The first reason the fact does not answer the question, or null when it does. */
  mismatch(question: Question, candidate: ScoredFact): Mismatch | null {
    const fact = this.profiles.get(candidate.fact);
    // A number the fact does not hold ("the trade turnover in 2015"), or nothing but numbers and framing.
    if (candidate.missingNumbers > 0 && candidate.missingNumbers > this.numbersInNames(question, fact)) return 'numbers';
    if (candidate.matchedSubjectWords === 0) return 'no-subject-words';
    // "Who built it?" needs a fact that tells who; "when?" one that gives a date.
    for (const kind of question.asks) if (!fact.gives.has(kind)) return 'asks';
    // "In which city?": a fact that places things in no city (only in countries, or at a university) cannot say.
    if (question.asks.has('place') && question.placeKinds.size > 0 && !this.placesOne(fact, question.placeKinds)) return 'place-kind';
    // "Its price", "the director", "in dollars": only a fact that gives it can say.
    const specific = question.asks.has('date') || question.asks.has('place') || question.asks.has('agent');
    const events = [...question.concepts].filter((c) => this.lexicon.conceptType(c) === 'event');
    for (const concept of question.concepts) {
      if (this.lexicon.conceptType(concept) === 'attribute' && !fact.of.has(concept)) return 'attribute';
    }
    // "When was it founded?" is not answered by the date it was visited; the events of one question ("which city
    // hosted the founding") tell of one happening, so one of them is enough.
    if (specific && events.length > 0 && !events.some((e) => fact.of.has(e))) return 'event';
    if (question.countTarget && !this.counts(fact, question.countTarget)) return 'count-target';
    // "Which museums are there in Marlinsk?": a fact that names no museums cannot say which.
    const which = question.whichTarget;
    if (which && !fact.of.has(which.concept) && !fact.stems.has(stem(which.word)) && !this.namesOne(fact, which.concept)) return 'which-target';
    if (which && question.asks.has('agent') && this.lexicon.isPeople(which.concept) && !fact.of.has(which.concept)) return 'which-target';
    // "Which festivals exactly?": a fact that only speaks of festivals, listing none and naming none, cannot say.
    if (which && question.exactly && !(fact.gives.has('list') && fact.of.has(which.concept)) && !this.namesOne(fact, which.concept)) return 'which-target';
    // "Which countries took part?": a fact that counts them without listing them cannot say which. A question that
    // also counts, or compares counts ("which one has more members"), or asks who (the fact may tell what kind of
    // people), is answered by the count.
    const asksOnlyWhich = !question.asks.has('count') && !question.asks.has('agent') && !question.compares;
    // One that names the one that stands out among them ("the leading one") can say which one.
    if (which && asksOnlyWhich && fact.of.has(which.concept) && fact.gives.has('count') && !fact.gives.has('list') && !fact.gives.has('agent')) return 'which-target';
    const setting = (id: string) => fact.setting.has(id);
    // "How many of the festival's musicians…": a fact that never names what the question names is about something else.
    for (const entity of question.entities) {
      if (setting(entity.id) || fact.mentions.has(entity.id)) continue;
      // "The centres of the lake": a fact about the Centre for Lake Studies names the lake too.
      if (fact.subjects.some((s) => this.catalog.namesWithin(s, entity, question.tokens, question.lang))) continue;
      return entity.kind === 'place' ? 'place' : 'foreign-entity';
    }
    // "When was OSU founded?" is not answered by the founding of a centre at OSU: a question that asks for a
    // figure, a date, a place or a person must name what the fact is about, or its class.
    if (specific || question.asks.has('count')) {
      const named = this.namedEntities(question, fact.setting);
      // "Who met the Quornish minister of culture?": a person of the ministry named, when it asks who.
      const memberAsked = (e: EntityMention, s: string) =>
        question.asks.has('agent') && this.catalog.byId.get(s)?.kind === 'person' && this.catalog.wholes(s).includes(e.id);
      if (named.length > 0 && fact.subjects.length > 0 && !fact.subjects.some((s) => named.some((e) => this.identifies(question, e, s) || memberAsked(e, s)))) {
        return 'subject';
      }
    }
    if (!this.countsWhere(question, fact)) return 'count-place';
    if (question.future && !fact.futureYears) return 'future';
    // "Have the centres opened yet?": a fact that tells of them as planned cannot say what has happened since.
    if (question.byNow && fact.planned) return 'planned';
    // "List all five links": a fact that tells of one of them cannot list them.
    if (question.listed && !fact.gives.has('list')) return 'list';
    // "Who is the ambassador now?": a fact of 2021 tells who was.
    if (question.present && fact.past) return 'past';
    // "The Velorian ambassador" is not answered by a fact about Quornland's, nor "Quornish cities" by Velorian ones.
    if (ownersDiffer(question.owners, fact)) return 'owner';
    // "The other four lake centres, apart from the one at OSU": a fact about the one set aside cannot say, nor one
    // about the kind that does not list them; one about another of them can.
    if (question.othersOf !== null && !fact.gives.has('list') && !this.aboutAnother(question, fact, question.othersOf)) return 'others';
    // "When did the second lake centre open?": a fact about the first one cannot say, nor one that numbers
    // nothing ("who was the first ambassador?" is not answered by a fact about one who never says first); "the
    // second author" is answered by a fact that lists them.
    if (question.ordinal !== null && !fact.ordinals.has(question.ordinal) && !this.ranksNamed(question, fact)) {
      if (fact.ordinals.size > 0 || !fact.gives.has('list')) return 'ordinal';
    }
    // "Which of them has the most students?": a fact that ranks nothing cannot say.
    if (question.superlative && !fact.superlative) return 'superlative';
    // "Палау қалай дайындалады?" (how is pilaf made): one word in common, and the subject unknown to the knowledge base.
    if (candidate.matchedSubjectWords === 1 && question.unknownSubject) return 'unknown-subject';
    return candidate.coverage >= this.tuning.minCoverage ? null : 'coverage';
  }

  /**
   * Whether what a question names identifies a fact's subject: it is the subject or its class, or the subject is
   * part of it (or named after it) and the question also names the subject in part ("the *festival* in
   * Marlinsk", "the lake studies *centre* at OSU", "the Reed Flute *festival*"; but not "when was OSU founded").
   */
  private identifies(question: Question, named: EntityMention, subject: string): boolean {
    if (this.catalog.identities(subject).includes(named.id)) return true;
    // What the subject is part of, or a name inside its own ("Reed Flute" in «Қамыс сыбызғы фестивалі»).
    const within = this.catalog.closure(subject).has(named.id) || this.catalog.namesWithin(subject, named, question.tokens, question.lang);
    if (!within) return false;
    return question.tokens.some(
      (token, i) =>
        !named.positions.includes(i) &&
        !this.lexicon.stopwords.has(token) &&
        !this.lexicon.isFraming(token, question.lang) &&
        this.catalog.namesWord(subject, token, question.lang) &&
        !this.catalog.namesWord(named.id, token, question.lang),
    );
  }

  /**
   * "Was the lake centre at OSU the first one?": a question that asks nothing but its place in line, of a thing the
   * fact names and ranks, is answered by the rank the fact gives ("the fourth"), whichever it guesses.
   */
  private ranksNamed(question: Question, fact: FactProfile): boolean {
    if (!fact.gives.has('rank') || [...question.asks].some((kind) => kind !== 'rank')) return false;
    return question.entities.some((e) => fact.subjects.includes(e.id));
  }

  /**
   * The numbers a question writes inside the name of something the fact is about that the fact itself does not
   * write ("Lake Fever-9" of a fact that says "the fever"): they belong to the name, not to what is asked.
   */
  private numbersInNames(question: Question, fact: FactProfile): number {
    const inNames = new Set(question.entities.filter((e) => fact.mentions.has(e.id)).flatMap((e) => e.positions));
    return question.tokens.filter((token, i) => inNames.has(i) && /^\d/.test(token) && !fact.stems.has(token)).length;
  }

  /** Whether a fact is about a thing of `kind` other than those the question names. */
  private aboutAnother(question: Question, fact: FactProfile, kind: string): boolean {
    const named = this.namedEntities(question, fact.setting).filter((e) => e.id !== kind);
    // "The other lake centres", the one set aside unnamed: the others beyond the one the source tells of.
    if (!named.some((e) => this.catalog.identities(e.id).includes(kind))) return false;
    return fact.subjects.some((s) => this.catalog.identities(s).includes(kind) && s !== kind && !named.some((e) => this.identifies(question, e, s)));
  }

  /**
   * Whether the fact can say which thing of a kind: it places things in a place of that kind ("which city"), or names
   * a thing of it ("which organisation": one that names the Lake Council names an organisation).
   */
  private namesOne(fact: FactProfile, kind: string): boolean {
    // A city only named ("the one at Marlinsk University") is no city the fact puts anything in.
    if (this.catalog.isPlaceClass(kind)) return this.placesOne(fact, new Set([kind]));
    return [...fact.mentions].some((id) => {
      const entity = this.catalog.byId.get(id);
      return entity !== undefined && (entity.kind === kind || (entity.isA ?? []).includes(kind));
    });
  }

  /** Whether the fact places things in a place of one of the kinds ("city"). */
  private placesOne(fact: FactProfile, kinds: ReadonlySet<string>): boolean {
    return [...fact.places.keys()].some((p) => this.catalog.byId.get(p)?.isA?.some((k) => kinds.has(k)));
  }

  /** Whether the fact gives a count of what the question counts. */
  private counts(fact: FactProfile, target: NonNullable<Question['countTarget']>): boolean {
    if (!fact.gives.has('count')) return false;
    if ('concept' in target) return fact.of.has(target.concept);
    if ('entity' in target) {
      return [...fact.of, ...fact.subjects].some((id) => this.catalog.identities(id).includes(target.entity));
    }
    return fact.stems.has(stem(target.word));
  }

  /**
   * "How many lake centres are there in Quornland?" is not answered by a count for "Veloria, Quornland
   * and Marlinsk", nor by one for somewhere else. The setting's countries are named by nearly every fact, so a count
   * there needs a fact that counts "in" them.
   */
  private countsWhere(question: Question, fact: FactProfile): boolean {
    if (!question.asks.has('count') || question.places.size !== 1) return true;
    const [place] = question.places.keys() as unknown as [string];
    const how = fact.places.get(place);
    if (how === 'alone') return true;
    if (how === 'in-list' || fact.setting.has(place)) return false;
    return fact.mentions.has(place);
  }
}
