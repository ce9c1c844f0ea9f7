import type { Lexicon } from '../text/lexicon.ts';
import { bases, isLocativeForm } from '../text/morphology.ts';
import type { Lang } from '../types.ts';
import type { EntityCatalog, EntityMention } from './entities.ts';

/** How a text puts something in a place: there alone, or there among others ("in Veloria, Quornland and Marlinsk"). */
export type PlaceMention = 'alone' | 'in-list';

/**
 * The places a text puts something in — "in Quornland", «в Островце», «Марлинскіде» — each with how it is named.
 * A place named otherwise ("Centre for Veloria Studies", "from Quornland") is not one of them. A run of places
 * joined by "and" is a list, and the whole list is in a place when one of its members says so.
 */
export function placesIn(
  mentions: readonly EntityMention[],
  tokens: readonly string[],
  lang: Lang,
  catalog: EntityCatalog,
  lexicon: Lexicon,
): Map<string, PlaceMention> {
  const found = new Map<string, PlaceMention>();
  const places = mentions.filter((m) => m.kind === 'place');
  let run: Array<{ id: string; locative: boolean }> = [];
  const closeRun = () => {
    if (run.some((member) => member.locative)) {
      for (const { id } of run) {
        if (run.length === 1) found.set(id, 'alone');
        else if (!found.has(id)) found.set(id, 'in-list');
      }
    }
    run = [];
  };
  let lastEnd = -2;
  for (const place of places) {
    const first = place.positions[0]!;
    const last = place.positions[place.positions.length - 1]!;
    const between = tokens.slice(lastEnd + 1, first);
    if (run.length > 0 && !(between.length <= 1 && between.every((t) => lexicon.listJoiners.has(t)))) closeRun();
    run.push({ id: place.id, locative: isPlacedAt(place.id, first, last + 1, tokens, lang, catalog, lexicon) });
    lastEnd = last;
  }
  closeRun();
  return found;
}

/**
 * Whether a text names a place, at `[start, end)`, as where something is: after "in" («в Островце»), before
 * "one" ("the Ostrovets one") or with the Kazakh locative ending.
 */
export function isPlacedAt(id: string, start: number, end: number, tokens: readonly string[], lang: Lang, catalog: EntityCatalog, lexicon: Lexicon): boolean {
  const before = tokens[start - 1];
  const after = tokens[end];
  return (
    (before !== undefined && lexicon.locatives[lang].has(before)) ||
    (after !== undefined && lexicon.placeOnes[lang].has(after)) ||
    endsInLocative(tokens[end - 1]!, id, lang, catalog)
  );
}

/** Whether the last word of a place's name carries the Kazakh locative ending («Островецте»). */
function endsInLocative(token: string, id: string, lang: Lang, catalog: EntityCatalog): boolean {
  if (lang !== 'kk') return false;
  return catalog.lastWords(id).some((word) => word !== '' && bases(word, lang).some((base) => token.startsWith(base) && isLocativeForm(token, base, lang)));
}
