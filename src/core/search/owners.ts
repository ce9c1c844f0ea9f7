import type { AskKind } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import type { PhraseMatch } from '../text/phrases.ts';
import type { Lang } from '../types.ts';
import type { EntityCatalog } from './entities.ts';
import { isPlacedAt } from './places.ts';

/** The places each concept of a text is said to belong to: "Velorian *cities*", "Quornland's *ambassador*". */
export type Owners = ReadonlyMap<string, ReadonlySet<string>>;

const NO_OWNERS: Owners = new Map();

/**
 * The things a text says belong to a place: a concept with a place's adjective or name right before it ("Velorian
 * cities", "Quornland's ambassador", «велорийские студенты», «велориялық студенттер»), or its name right after it
 * («посол Велории»); places joined by "and" before a concept all qualify it ("Velorian and Quornish students"). A
 * place a text puts something in ("ambassador to Quornland", «в Кворнландии») says where, not whose. `asking`
 * holds the text's question words (`askingWords`), found once by whoever reads the text.
 */
export function ownersIn(
  tokens: readonly string[],
  lang: Lang,
  concepts: ReadonlyArray<PhraseMatch<string>>,
  asking: ReadonlyArray<PhraseMatch<unknown>>,
  catalog: EntityCatalog,
  lexicon: Lexicon,
): Owners {
  // Things and attributes have owners; events ("set up", «открыл») are done, by whoever does them.
  const owned = concepts.filter((c) => lexicon.conceptType(c.value) !== 'event');
  if (owned.length === 0) return NO_OWNERS;
  const names = catalog.placeNamesIn(lang).find(tokens);
  const where = names.filter((m) => isPlacedAt(m.value, m.start, m.end, tokens, lang, catalog, lexicon));
  // In Kazakh, whose is said by the bare word, the genitive («Велорияның») or where it comes from («Велориядан»);
  // «Кворнландияға» (to) and «Кворнландиядағы» (in) say where.
  const whose = (m: PhraseMatch<string>) => {
    const token = tokens[m.end - 1]!;
    return lang !== 'kk' || catalog.lastWords(m.value).some((word) => word !== '' && token.startsWith(word) && OWNING_KAZAKH.test(token.slice(word.length)));
  };
  const qualifiers = [
    ...catalog
      .placeAdjectives(lang)
      .find(tokens)
      .map((m) => ({ ...m, name: false })),
    ...names.filter((m) => !where.includes(m)).map((m) => ({ ...m, name: true })),
  ].filter(whose);
  const owners = new Map<string, Set<string>>();
  const own = (concept: string, place: string) => {
    let places = owners.get(concept);
    if (!places) owners.set(concept, (places = new Set()));
    places.add(place);
  };
  for (const concept of owned) {
    // Walk back over a run of qualifiers joined by "and", from the one right before the concept — or before where it
    // is: «Велорияның *Кворнландиядағы* елшісі» (Veloria's ambassador in Quornland).
    let end = where.find((w) => w.end === concept.start)?.start ?? concept.start;
    // A question word may stand between them: «Велорияның *қай* қалалары», «Велориядан *неше* театр».
    end = asking.find((a) => a.end === end)?.start ?? end;
    for (let q = qualifiers.find((x) => x.end === end); q; q = qualifiers.find((x) => x.end === end)) {
      own(concept.value, q.value);
      end = q.start > 0 && lexicon.listJoiners.has(tokens[q.start - 1]!) ? q.start - 1 : -1;
    }
    // Named after it, the owner stands right after it or after a word of the language for "of" («посол Велории»,
    // "the ambassador of Veloria"); in Kazakh it never does.
    const after = qualifiers.find((x) => x.name && lexicon.ownerAfter[lang].some((word) => (word === '' ? x.start === concept.end : x.start === concept.end + 1 && tokens[concept.end] === word)));
    if (after) own(concept.value, after.value);
  }
  return owners;
}

/** The question words that may stand between a thing and its owner: the which-phrases and those asking how many. */
export function askingWords(
  which: ReadonlyArray<PhraseMatch<unknown>>,
  asks: ReadonlyArray<PhraseMatch<AskKind>>,
): ReadonlyArray<PhraseMatch<unknown>> {
  return [...which, ...asks.filter((m) => m.value === 'count')];
}

/**
 * What is left of a Kazakh word after a place's word when it says whose: nothing, the genitive («-ның» after «н» folds
 * to "in") or the ablative («-нан», «-ден»).
 */
const OWNING_KAZAKH = /^([ndt]?[aei]n)?$/;

/**
 * Whether a question's owners contradict a fact's: it says whose a thing is, and the fact says of that thing
 * another's, or never names that owner at all ("the population of Veloria" is not the population of the world).
 */
export function ownersDiffer(question: Owners, fact: { owners: Owners; mentions: ReadonlySet<string> }): boolean {
  const named = (place: string) => fact.mentions.has(place) || [...fact.owners.values()].some((places) => places.has(place));
  for (const [concept, places] of question) {
    const theirs = fact.owners.get(concept);
    if (theirs ? ![...places].some((place) => theirs.has(place)) : ![...places].some(named)) return true;
  }
  return false;
}
