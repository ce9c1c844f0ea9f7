import type { EntityKind, EntityRecord } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { WordForms } from '../text/morphology.ts';
import { foldText, tokenize } from '../text/normalize.ts';
import { isWordForm } from '../text/phrases.ts';
import { stem } from '../text/stem.ts';
import { LANGS, type Lang } from '../types.ts';

/** An entity named in a text: which one, and the positions of the words that name it. */
export interface EntityMention {
  id: string;
  kind: EntityKind;
  /** Positions of the words that name it, in order. */
  positions: number[];
}

interface Name {
  entity: EntityRecord;
  /** Its words, folded, without function words. */
  words: readonly string[];
  /** An abbreviation ("ENU", «ҚХА», "KazNU"): never cut, and found with endings only when longer than three letters. */
  abbreviation: boolean;
}

/** A name written in capitals, or in up to three letters. */
const isAbbreviation = (name: string, words: readonly string[]) =>
  words.length === 1 && (words[0]!.length <= 3 || (name === name.toUpperCase() && /\p{Lu}/u.test(name)));

/** A plural ending, with a possessive after it: what a name's word may add to the word a question uses. */
const PLURAL = /^([ldt][ae]r)i?$/;

/**
 * Whether a word is a misspelling of a name's word: same first letters, and one slip (two in a long word) — a
 * letter missed, added, changed or two swapped ("univeristy", "instutute").
 */
function isMisspelling(token: string, word: string): boolean {
  if (token.length < 6 || word.length < 6 || token.slice(0, 3) !== word.slice(0, 3) || Math.abs(token.length - word.length) > 2) return false;
  return editDistance(token, word) <= (word.length >= 8 ? 2 : 1);
}

/** Damerau–Levenshtein distance (adjacent swaps count one). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether a word of a text is a word of a name: a form of it, or a misspelling of it. */
function isNameWord(token: string, word: string, abbreviation: boolean, lang: Lang): boolean {
  // Endings are written apart from a short abbreviation («ЕНУ-дің»); attached, they would make other words («США»
  // is "sha", and «шамамен» is not it).
  if (abbreviation) return token === word || (word.length > 3 && isWordForm(token, word, lang, true));
  // A name given in the plural («театрлар альянсы») is still named by the singular ("театр альянсы").
  return isWordForm(token, word, lang) || (token.length > 3 && PLURAL.test(word.slice(token.length)) && word.startsWith(token)) || isMisspelling(token, word);
}

/** Abbreviations are looked for at the start of words up to this long. */
const MAX_ABBREVIATION = 12;

/** How far apart the words of a name may stand beyond its own length ("the Confucius Institute at ENU"). */
const SLACK = 2;

/**
 * The entities of `data/entities/`, found in questions and in facts by any of their names, in any word order and
 * inflection, and related to each other (an institute is a kind of something, part of a university in a city).
 */
export class EntityCatalog {
  readonly byId: ReadonlyMap<string, EntityRecord>;
  /** Each name, found through its longest word. */
  private readonly anchors = new WordForms<Name>();
  private readonly abbreviations = new Map<string, Name[]>();
  /** Each name also by the index stem of its longest word, so that a misspelled anchor ("univeristy") finds it. */
  private readonly byStem = new Map<string, Name[]>();
  /** The words of each entity's names, for telling whether a question names it in part. */
  private readonly nameWords = new Map<string, ReadonlySet<string>>();
  private readonly closures = new Map<string, ReadonlySet<string>>();

  private readonly stopwords: ReadonlySet<string>;

  constructor(entities: readonly EntityRecord[], lexicon: Lexicon) {
    this.stopwords = lexicon.stopwords;
    this.byId = new Map(entities.map((e) => [e.id, e]));
    for (const entity of entities) {
      const names = [...LANGS.flatMap((l) => entity.names[l]), ...(entity.aliases ?? [])];
      const seen = new Set<string>();
      const all = new Set<string>();
      for (const name of names) {
        const words = [...new Set(tokenize(foldText(name)).filter((w) => !lexicon.stopwords.has(w)))];
        const key = [...words].sort().join(' ');
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        for (const word of words) all.add(word);
        const entry = { entity, words, abbreviation: isAbbreviation(name, words) };
        if (entry.abbreviation) {
          const list = this.abbreviations.get(words[0]!);
          if (list) list.push(entry);
          else this.abbreviations.set(words[0]!, [entry]);
        } else {
          const anchor = words.reduce((a, b) => (b.length > a.length ? b : a));
          this.anchors.add(anchor, entry);
          if (anchor.length > 5) {
            const key = stem(anchor);
            const list = this.byStem.get(key);
            if (list) list.push(entry);
            else this.byStem.set(key, [entry]);
          }
        }
      }
      this.nameWords.set(entity.id, all);
    }
  }

  /**
   * The entities folded words name, read as `lang`. Where names share a word ("ENU" in "the Confucius Institute at
   * ENU"), only the longer one counts.
   */
  find(tokens: readonly string[], lang: Lang): EntityMention[] {
    const candidates: EntityMention[] = [];
    const seen = new Set<string>();
    tokens.forEach((token, at) => {
      const names = new Set([
        ...LANGS.flatMap((l) => [...this.abbreviationsIn(token, l), ...this.anchors.find(token, l)]),
        ...(token.length > 5 ? (this.byStem.get(stem(token)) ?? []) : []),
      ]);
      // (The stem only proposes a misspelt name's anchor; its words must still each match as a form or a misspelling.)
      for (const name of names) {
        const positions = this.place(name, tokens, at, lang);
        if (!positions) continue;
        const key = `${name.entity.id}:${positions.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ id: name.entity.id, kind: name.entity.kind, positions });
      }
    });
    candidates.sort((a, b) => b.positions.length - a.positions.length || span(a) - span(b));
    const covered = new Set<number>();
    const mentions: EntityMention[] = [];
    const found = new Set<string>();
    // A word names one thing: the longest name that claims it wins («Орталық Азия», Central Asia, keeps «орталық»
    // from "the centre" of another name).
    for (const mention of candidates) {
      if (mention.positions.some((p) => covered.has(p))) continue;
      for (const p of mention.positions) covered.add(p);
      if (found.has(mention.id)) continue;
      found.add(mention.id);
      mentions.push(mention);
    }
    return mentions.sort((a, b) => a.positions[0]! - b.positions[0]!);
  }

  /** A name's word in a text of `lang`, or of another language when the text's own does not tell (Latin Kazakh). */
  private isNameWordIn(token: string, word: string, abbreviation: boolean, lang: Lang): boolean {
    return isNameWord(token, word, abbreviation, lang) || LANGS.some((l) => l !== lang && isNameWord(token, word, abbreviation, l));
  }

  /** Abbreviations a word may be, with any endings it carries. */
  private abbreviationsIn(token: string, lang: Lang): Name[] {
    const found: Name[] = [];
    for (let length = Math.min(token.length, MAX_ABBREVIATION); length >= 1; length--) {
      for (const name of this.abbreviations.get(token.slice(0, length)) ?? []) {
        if (isNameWord(token, name.words[0]!, true, lang)) found.push(name);
      }
    }
    return found;
  }

  /** The positions of every word of a name near its anchor at `at`, or null when one is missing. */
  private place(name: Name, tokens: readonly string[], at: number, lang: Lang): number[] | null {
    const reach = name.words.length + SLACK;
    const from = Math.max(0, at - reach);
    const to = Math.min(tokens.length - 1, at + reach);
    const positions: number[] = [];
    for (const word of name.words) {
      let best = -1;
      for (let i = from; i <= to; i++) {
        if (positions.includes(i) || !this.isNameWordIn(tokens[i]!, word, name.abbreviation, lang)) continue;
        if (best < 0 || Math.abs(i - at) < Math.abs(best - at)) best = i;
      }
      if (best < 0) return null;
      positions.push(best);
    }
    positions.sort((a, b) => a - b);
    // The words of a name stand together, in any order, with a word or two between them at most (function words
    // aside: "the Assembly of the People of Kazakhstan").
    const between = tokens.slice(positions[0]!, positions[positions.length - 1]! + 1).filter((t) => !this.stopwords.has(t)).length;
    return between < name.words.length + SLACK ? positions : null;
  }

  /** The entity, the classes it is an instance of and everything it is part of, transitively. */
  closure(id: string): ReadonlySet<string> {
    let found = this.closures.get(id);
    if (!found) {
      const all = new Set<string>();
      const visit = (current: string) => {
        if (all.has(current)) return;
        all.add(current);
        const entity = this.byId.get(current);
        for (const next of [...(entity?.isA ?? []), ...(entity?.partOf ?? [])]) visit(next);
      };
      visit(id);
      this.closures.set(id, (found = all));
    }
    return found;
  }

  /** The classes an entity is an instance of, itself included. */
  identities(id: string): string[] {
    return [id, ...(this.byId.get(id)?.isA ?? [])];
  }

  /**
   * Whether a mention's words all belong to one of the entity's names ("Silk Road" in "the Silk Road Cultural
   * Industry Belt"), so that a fact about the entity names what the mention names.
   */
  namesWithin(id: string, mention: EntityMention, tokens: readonly string[], lang: Lang): boolean {
    return mention.positions.every((p) => this.namesWord(id, tokens[p]!, lang));
  }

  /** Whether a folded word of a question is a word of one of the entity's names, in some form. */
  namesWord(id: string, token: string, lang: Lang): boolean {
    for (const word of this.nameWords.get(id) ?? []) if (isWordForm(token, word, lang)) return true;
    return false;
  }

  kind(id: string): EntityKind | undefined {
    return this.byId.get(id)?.kind;
  }

  /** The entity's display name in a language. */
  displayName(id: string, lang: Lang): string {
    return this.byId.get(id)?.names[lang][0] ?? id;
  }
}

const span = (mention: EntityMention) => mention.positions[mention.positions.length - 1]! - mention.positions[0]!;
