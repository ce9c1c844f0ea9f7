import type { EntityKind, EntityRecord } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { WordForms } from '../text/morphology.ts';
import { foldText, tokenize } from '../text/normalize.ts';
import { isWordForm, PhraseSet } from '../text/phrases.ts';
import { stem } from '../text/stem.ts';
import { LANGS, perLang, type Lang } from '../types.ts';

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
  /** An abbreviation ("RSU", «ПМУ», "PavSU"): never cut, and found with endings only when longer than three letters. */
  abbreviation: boolean;
  /** How each of its words begins (see `beginning`). */
  starts: readonly number[];
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
  // A name given in the plural («көл орталықтары») is still named by the singular («көл орталығы»).
  return isWordForm(token, word, lang) || (token.length > 3 && PLURAL.test(word.slice(token.length)) && word.startsWith(token)) || isMisspelling(token, word);
}

/** Whether `i` is among the first `count` positions taken (no slice: this runs for every word near every name). */
function isTaken(taken: readonly number[], count: number, i: number): boolean {
  for (let k = 0; k < count; k++) if (taken[k] === i) return true;
  return false;
}

/** A name's word in a text of `lang`, or of another language when the text's own does not tell (Latin Kazakh). */
function isNameWordOfAnyLanguage(token: string, word: string, abbreviation: boolean, lang: Lang): boolean {
  return isNameWord(token, word, abbreviation, lang) || LANGS.some((l) => l !== lang && isNameWord(token, word, abbreviation, l));
}

/** Abbreviations are looked for at the start of words up to this long. */
const MAX_ABBREVIATION = 12;

/** What is known of one word of questions in one language, as a word of names. */
interface NameWordFacts {
  /** A function word: no name's word (names are kept without them). */
  functionWord: boolean;
  names: readonly Name[];
  /** Name word → whether the word is it (in a form of its own or another language, or misspelt). */
  isWord: Map<string, boolean>;
  /** Abbreviation → whether the word is it. */
  isAbbreviation: Map<string, boolean>;
  /** Name word → whether the word is a form of it in the question's language. */
  isForm: Map<string, boolean>;
  /** Entity → whether the word is a form of one of its names' words (a conversation asks it of many siblings). */
  namesEntity: Map<string, boolean>;
}

/** How many words' answers about name words are remembered before they are forgotten all at once. */
const MAX_REMEMBERED = 20_000;

/** How many first letters a word of a text shares with a name's word it is a form or a misspelling of. */
const NAME_WORD_START = 3;

/** A word's first `length` letters as one number (no string is made: this runs for every word of every message). */
function beginning(word: string, length: number): number {
  let key = length;
  for (let i = 0; i < length; i++) key = key * 65_536 + word.charCodeAt(i);
  return key;
}

/** How far apart the words of a name may stand beyond its own length ("the Language Centre at RSU"). */
const SLACK = 2;

/**
 * The entities of `data/entities/`, found in questions and in facts by any of their names, in any word order and
 * inflection, and related to each other (an institute is a kind of something, part of a university in a city).
 */
export class EntityCatalog {
  readonly byId: ReadonlyMap<string, EntityRecord>;
  private readonly placeClasses: ReadonlySet<string>;
  /** Each name, found through its longest word. */
  private readonly anchors = new WordForms<Name>();
  private readonly abbreviations = new Map<string, Name[]>();
  /** Each name also by the index stem of its longest word, so that a misspelled anchor ("univeristy") finds it. */
  private readonly byStem = new Map<string, Name[]>();
  /** The words of each entity's names, for telling whether a question names it in part. */
  private readonly nameWords = new Map<string, ReadonlySet<string>>();
  /** The words of each of an entity's names, one list per name, for telling what a name holds whole. */
  private readonly namesAsWords = new Map<string, ReadonlyArray<readonly string[]>>();
  private readonly closures = new Map<string, ReadonlySet<string>>();
  private readonly wordFacts = new Map<string, NameWordFacts>();
  private readonly scratch: number[] = [];

  private readonly stopwords: ReadonlySet<string>;
  private readonly adjectives: Record<Lang, PhraseSet<string>>;
  private readonly placeNames: Record<Lang, PhraseSet<string>>;
  private readonly lastWordsOf = new Map<string, readonly string[]>();

  constructor(entities: readonly EntityRecord[], lexicon: Lexicon) {
    this.stopwords = lexicon.stopwords;
    this.byId = new Map(entities.map((e) => [e.id, e]));
    this.placeClasses = new Set(entities.filter((e) => e.kind === 'place').flatMap((e) => e.isA ?? []));
    const adjectives = (lang: Lang) => entities.flatMap((e) => (e.adjectives?.[lang] ?? []).map((a) => [a, e.id] as const));
    this.adjectives = perLang((lang) => new PhraseSet(lang, adjectives(lang)));
    const placeNames = (lang: Lang) =>
      entities.filter((e) => e.adjectives !== undefined).flatMap((e) => [...e.names[lang], ...(e.aliases ?? [])].map((name) => [name, e.id] as const));
    this.placeNames = perLang((lang) => new PhraseSet(lang, placeNames(lang)));
    for (const entity of entities) {
      const names = [...LANGS.flatMap((l) => entity.names[l]), ...(entity.aliases ?? [])];
      const seen = new Set<string>();
      const all = new Set<string>();
      const lists: string[][] = [];
      for (const name of names) {
        const words = [...new Set(tokenize(foldText(name)).filter((w) => !lexicon.stopwords.has(w)))];
        const key = [...words].sort().join(' ');
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        lists.push(words);
        for (const word of words) all.add(word);
        const starts = words.map((word) => beginning(word, Math.min(NAME_WORD_START, word.length)));
        const entry = { entity, words, abbreviation: isAbbreviation(name, words), starts };
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
      this.namesAsWords.set(entity.id, lists);
    }
  }

  /**
   * The entities folded words name, read as `lang`. Where names share a word ("RSU" in "the Language Centre at
   * RSU"), only the longer one counts.
   */
  find(tokens: readonly string[], lang: Lang): EntityMention[] {
    const candidates: Array<EntityMention & { inOrder: boolean }> = [];
    const seen = new Set<string>();
    const words = tokens.map((token) => this.wordOf(token, lang));
    // A word of a text that is a name's word, in any form or misspelt, begins with the name word's first three letters
    // (all of them, in a shorter word): a name with a word no word of the text begins like is not there.
    const beginnings = new Set<number>();
    for (const token of tokens) for (let k = 1; k <= Math.min(NAME_WORD_START, token.length); k++) beginnings.add(beginning(token, k));
    words.forEach(({ names }, at) => {
      for (const name of names) {
        if (!name.starts.every((start) => beginnings.has(start))) continue;
        const placed = this.place(name, tokens, words, at, lang);
        if (!placed) continue;
        const { positions, inOrder } = placed;
        const key = `${name.entity.id}:${positions.join(',')}:${inOrder}`;
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ id: name.entity.id, kind: name.entity.kind, positions, inOrder });
      }
    });
    // Of two names of the same words, the one written in their order ("the Embassy of Veloria in Quornland" is not
    // Quornland's embassy in Veloria).
    candidates.sort((a, b) => b.positions.length - a.positions.length || span(a) - span(b) || Number(b.inOrder) - Number(a.inOrder));
    const covered = new Set<number>();
    const mentions: EntityMention[] = [];
    const found = new Set<string>();
    // A word names one thing: the longest name that claims it wins («Көл зерттеулері орталығы» keeps «орталығы»
    // from "the centre" of another name).
    for (const mention of candidates) {
      if (mention.positions.some((p) => covered.has(p))) continue;
      for (const p of mention.positions) covered.add(p);
      if (found.has(mention.id)) continue;
      found.add(mention.id);
      mentions.push({ id: mention.id, kind: mention.kind, positions: mention.positions });
    }
    return mentions.sort((a, b) => a.positions[0]! - b.positions[0]!);
  }

  /**
   * What is known of a word of a question read in `lang`: the names it may anchor, and which names' words it is
   * (remembered as they are asked: a question asks it of every name near each word).
   */
  private wordOf(token: string, lang: Lang): NameWordFacts {
    const key = `${lang} ${token}`;
    let facts = this.wordFacts.get(key);
    if (!facts) {
      const names = new Set<Name>();
      for (const l of LANGS) {
        for (const name of this.abbreviationsIn(token, l)) names.add(name);
        for (const name of this.anchors.find(token, l)) names.add(name);
      }
      // (The stem only proposes a misspelt name's anchor; its words must still each match as a form or a misspelling.)
      if (token.length > 5) for (const name of this.byStem.get(stem(token)) ?? []) names.add(name);
      facts = { functionWord: this.stopwords.has(token), names: [...names], isWord: new Map(), isAbbreviation: new Map(), isForm: new Map(), namesEntity: new Map() };
      if (this.wordFacts.size >= MAX_REMEMBERED) this.wordFacts.clear();
      this.wordFacts.set(key, facts);
    }
    return facts;
  }

  /** Whether a word is a name's word, as remembered of it or else found out and remembered. */
  private isNameWordIn(facts: NameWordFacts, token: string, word: string, abbreviation: boolean, lang: Lang): boolean {
    const known = abbreviation ? facts.isAbbreviation : facts.isWord;
    let answer = known.get(word);
    if (answer === undefined) {
      known.set(word, (answer = isNameWordOfAnyLanguage(token, word, abbreviation, lang)));
    }
    return answer;
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

  /** The positions of every word of a name near its anchor at `at`, and whether they stand in its order; null when one is missing. */
  private place(name: Name, tokens: readonly string[], words: readonly NameWordFacts[], at: number, lang: Lang): { positions: number[]; inOrder: boolean } | null {
    // As far as the name's length and a little slack, in words that are not function words ("the Society of the
    // Friends of the Music of the Reed" spans twice its five words).
    const reach = name.words.length + SLACK;
    let from = at;
    for (let counted = 0; from > 0 && counted < reach; ) if (!words[--from]!.functionWord) counted++;
    let to = at;
    for (let counted = 0; to < tokens.length - 1 && counted < reach; ) if (!words[++to]!.functionWord) counted++;
    // Most names near a word are not there: they are ruled out before anything is allocated for them.
    const taken = this.scratch;
    let count = 0;
    const steps = 2 * Math.max(at - from, to - at);
    for (const word of name.words) {
      // Outwards from the anchor, the left one first at equal distance: the nearest free word that is this one.
      let best = -1;
      for (let step = 0; best < 0 && step <= steps; step++) {
        const i = step % 2 === 1 ? at - (step + 1) / 2 : at + step / 2;
        if (i < from || i > to || words[i]!.functionWord || isTaken(taken, count, i)) continue;
        if (this.isNameWordIn(words[i]!, tokens[i]!, word, name.abbreviation, lang)) best = i;
      }
      if (best < 0) return null;
      taken[count++] = best;
    }
    const inOrder = taken.slice(1, count).every((p, i) => p > taken[i]!);
    const positions = taken.slice(0, count).sort((a, b) => a - b);
    // The words of a name stand together, in any order, with a word or two between them at most (function words
    // aside: "the Society of the Friends of Music").
    let between = 0;
    for (let i = positions[0]!; i <= positions[count - 1]!; i++) if (!words[i]!.functionWord) between++;
    return between < name.words.length + SLACK ? { positions, inOrder } : null;
  }

  /** The entity, the classes it is an instance of and everything it is part of, transitively. */
  closure(id: string): ReadonlySet<string> {
    let found = this.closures.get(id);
    if (!found) this.closures.set(id, (found = this.reach(id, (entity) => [...(entity?.isA ?? []), ...(entity?.partOf ?? [])])));
    return found;
  }

  /** What an entity is part of, transitively (a major, its university, that university's city). */
  wholes(id: string): string[] {
    return [...this.reach(id, (entity) => entity?.partOf ?? [])].filter((whole) => whole !== id);
  }

  /** The entity and every entity its links lead to, transitively. */
  private reach(id: string, links: (entity: EntityRecord | undefined) => readonly string[]): Set<string> {
    const all = new Set<string>();
    const visit = (current: string) => {
      if (all.has(current)) return;
      all.add(current);
      for (const next of links(this.byId.get(current))) visit(next);
    };
    visit(id);
    return all;
  }

  /** The classes an entity is an instance of, itself included. */
  identities(id: string): string[] {
    return [id, ...(this.byId.get(id)?.isA ?? [])];
  }

  /**
   * Whether a mention's words all belong to one of the entity's names ("Green Valley" in "the Green Valley Crafts
   * Fair"), so that a fact about the entity names what the mention names.
   */
  namesWithin(id: string, mention: EntityMention, tokens: readonly string[], lang: Lang): boolean {
    return mention.positions.every((p) => this.namesWord(id, tokens[p]!, lang));
  }

  /**
   * Whether one of an entity's names holds the whole of one of another's, in some language: the opening of the
   * Veloria Museum is named after the museum, and "this museum" means the museum, not its opening.
   */
  namedAfter(id: string, other: string, lang: Lang): boolean {
    const own = this.namesAsWords.get(id) ?? [];
    return (this.namesAsWords.get(other) ?? []).some((words) =>
      own.some((name) => name.length > words.length && words.every((w) => name.some((t) => isWordForm(t, w, lang)))),
    );
  }

  /** The last word of each of an entity's names, aliases and adjectives, folded: where its endings go. */
  lastWords(id: string): readonly string[] {
    let found = this.lastWordsOf.get(id);
    if (!found) {
      const entity = this.byId.get(id);
      const names = entity ? [...LANGS.flatMap((l) => [...entity.names[l], ...(entity.adjectives?.[l] ?? [])]), ...(entity.aliases ?? [])] : [];
      this.lastWordsOf.set(id, (found = [...new Set(names.map((name) => tokenize(foldText(name)).at(-1) ?? ''))]));
    }
    return found;
  }

  /** The adjectives of places in a language ("Velorian", «кворнский»), each standing for its place. */
  placeAdjectives(lang: Lang): PhraseSet<string> {
    return this.adjectives[lang];
  }

  /**
   * The names of places that have adjectives (countries, whose people and things are spoken of as theirs), each
   * standing for its place: found wherever they occur, not once per place as by `find`.
   */
  placeNamesIn(lang: Lang): PhraseSet<string> {
    return this.placeNames[lang];
  }

  /** Whether a folded word of a question is a word of one of the entity's names, in some form. */
  namesWord(id: string, token: string, lang: Lang): boolean {
    const facts = this.wordOf(token, lang);
    let names = facts.namesEntity.get(id);
    if (names === undefined) {
      names = false;
      for (const word of this.nameWords.get(id) ?? []) {
        let answer = facts.isForm.get(word);
        if (answer === undefined) facts.isForm.set(word, (answer = isWordForm(token, word, lang)));
        if (answer) {
          names = true;
          break;
        }
      }
      facts.namesEntity.set(id, names);
    }
    return names;
  }

  /** Whether some place is an instance of the class ("city"). */
  isPlaceClass(id: string): boolean {
    return this.placeClasses.has(id);
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
