import type { FactRecord, Gives, SourceRecord } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { words } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { LANGS } from '../types.ts';
import type { EntityCatalog } from './entities.ts';
import { askingWords, ownersIn, type Owners } from './owners.ts';
import { placesIn, type PlaceMention } from './places.ts';

const YEAR = /\b(1[89]|20)\d\d\b/g;

/** What a fact answers, in the terms a question is read into: its declaration in data, and what its texts name. */
export interface FactProfile {
  subjects: readonly string[];
  gives: ReadonlySet<Gives>;
  of: ReadonlySet<string>;
  /** Entities its title and answers name, its subjects, and all they are instances and parts of. */
  mentions: ReadonlySet<string>;
  /** Entities a question may name without the fact naming them: the setting of its sources. */
  setting: ReadonlySet<string>;
  /** The places it puts things in, and how ("in Veloria" alone, or in a list of countries). */
  places: ReadonlyMap<string, PlaceMention>;
  /** Years after its sources were written: forecasts and plans. */
  futureYears: boolean;
  /** It tells of a plan, a proposal or a forecast (declared in data). */
  planned: boolean;
  /** Every year it gives is before its sources were written: it tells how things stood then, not how they stand. */
  past: boolean;
  /** Its texts rank things ("the largest", «ең үлкен»). */
  superlative: boolean;
  /** The ordinals its texts use. */
  ordinals: ReadonlySet<number>;
  /** Whose its texts say the things they name are, in any language ("Quornland's *ambassador*"). */
  owners: Owners;
  /** Stems of every word it uses, in any field and language, and the digits of the numbers it spells ("seven": 7). */
  stems: ReadonlySet<string>;
}

/** Builds each fact's profile on first use: only facts that rank for a question ever need one. */
export class FactProfiles {
  private readonly built = new Map<number, FactProfile>();

  constructor(
    private readonly facts: readonly FactRecord[],
    private readonly sources: ReadonlyMap<string, SourceRecord>,
    private readonly catalog: EntityCatalog,
    private readonly lexicon: Lexicon,
  ) {}

  get(position: number): FactProfile {
    let profile = this.built.get(position);
    if (!profile) this.built.set(position, (profile = this.build(this.facts[position]!)));
    return profile;
  }

  private build(fact: FactRecord): FactProfile {
    const { catalog, lexicon } = this;
    const mentions = new Set<string>();
    const places = new Map<string, PlaceMention>();
    const ordinals = new Set<number>();
    let superlative = false;
    const owners = new Map<string, Set<string>>();
    const add = (id: string) => {
      for (const related of catalog.closure(id)) mentions.add(related);
    };
    for (const lang of LANGS) {
      const tokens = words(`${fact[lang].title}. ${fact[lang].answer}`);
      const found = catalog.find(tokens, lang);
      for (const mention of found) add(mention.id);
      for (const [place, how] of placesIn(found, tokens, lang, catalog, lexicon)) {
        if (how === 'alone' || !places.has(place)) places.set(place, how);
      }
      for (const match of lexicon.ordinals[lang].find(tokens)) ordinals.add(match.value);
      superlative ||= [tokens, ...fact[lang].questions.map(words)].some((text) => lexicon.superlatives[lang].in(text));
      const asking = askingWords(lexicon.which[lang].find(tokens), lexicon.asks[lang].find(tokens));
      for (const [concept, places] of ownersIn(tokens, lang, lexicon.concepts[lang].find(tokens), asking, catalog, lexicon)) {
        owners.set(concept, new Set([...(owners.get(concept) ?? []), ...places]));
      }
    }
    for (const id of [...fact.answers.subjects, ...fact.answers.of]) if (catalog.byId.has(id)) add(id);
    const sources = fact.sources.map((s) => this.sources.get(s.source)!);
    const writtenIn = Math.max(...sources.map((s) => s.year));
    const years = [
      ...fact.dates.map((date) => Number(date.slice(0, 4))),
      ...LANGS.flatMap((l) => (fact[l].answer.match(YEAR) ?? []).map(Number)),
    ];
    const texts = LANGS.flatMap((l) => [fact[l].title, fact[l].answer, ...fact[l].questions, ...fact[l].keywords]);
    return {
      subjects: fact.answers.subjects,
      // A dated fact gives a date, whatever it declares.
      gives: new Set([...fact.answers.gives, ...(fact.dates.length > 0 ? (['date'] as const) : [])]),
      of: new Set(fact.answers.of),
      mentions,
      setting: new Set(sources.flatMap((s) => s.setting)),
      places,
      futureYears: years.some((year) => year > writtenIn),
      planned: fact.answers.planned ?? false,
      past: years.length > 0 && years.every((year) => year < writtenIn),
      superlative,
      ordinals,
      owners,
      stems: new Set(texts.flatMap(words).flatMap((word) => [stem(word), lexicon.cardinals.get(word) ?? []].flat())),
    };
  }
}
